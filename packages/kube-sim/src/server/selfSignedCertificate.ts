import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import forge from 'node-forge';

/** A certificate and its key, PEM-encoded. */
export interface ServingCertificate {
  cert: string;
  key: string;
}

let shared: ServingCertificate | undefined;

/**
 * The self-signed certificate every simulated cluster of this process serves HTTPS with: for
 * 127.0.0.1, ::1 and localhost, valid a year, its own CA (so it can be a kubeconfig's
 * `certificate-authority-data`). Made once per process; the key never leaves it.
 */
export function servingCertificate(): ServingCertificate {
  shared ??= selfSignedCertificate(['127.0.0.1', '::1', 'localhost']);
  return shared;
}

export function selfSignedCertificate(hosts: string[]): ServingCertificate {
  // The key pair comes from Node's native crypto; forge only assembles and signs the certificate.
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey);
  // A positive serial: the leading 0 keeps the DER integer's sign bit clear.
  cert.serialNumber = `0${randomBytes(15).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 365 * 24 * 3600_000);
  const name = [
    { name: 'commonName', value: 'kube-sim' },
    { name: 'organizationName', value: 'kube-sim (a simulated API server)' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    {
      name: 'keyUsage',
      critical: true,
      keyCertSign: true,
      digitalSignature: true,
      keyEncipherment: true,
    },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hosts.map(host =>
        isIP(host) ? { type: 7, ip: host } : { type: 2, value: host },
      ),
    },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(privateKey), forge.md.sha256.create());
  return { cert: forge.pki.certificateToPem(cert), key: privateKey };
}
