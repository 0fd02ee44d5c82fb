import type { V1Secret } from '@kubernetes/client-node';
import { stringify } from 'yaml';
import { CA_DATA, loadClient } from './__testUtils__/fixtures';
import { KubernetesClientModule } from './kubernetesClient';
import {
  isKubeconfigSecret,
  providerOfInfrastructureKind,
  readKubeconfigSecret,
} from './readKubeconfigSecret';

const TOKEN = 'capi-s3cr3t-token';

function kubeconfig(cluster: Record<string, unknown>, user: object) {
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'demo', cluster }],
    users: [{ name: 'demo-admin', user }],
    contexts: [
      {
        name: 'demo-admin@demo',
        context: { cluster: 'demo', user: 'demo-admin' },
      },
    ],
    'current-context': 'demo-admin@demo',
  });
}

function secret(
  value: string | undefined,
  metadata: Partial<NonNullable<V1Secret['metadata']>> = {},
  type = 'cluster.x-k8s.io/secret',
): V1Secret {
  return {
    metadata: {
      name: 'demo-kubeconfig',
      namespace: 'capi',
      labels: { 'cluster.x-k8s.io/cluster-name': 'demo' },
      ...metadata,
    },
    type,
    ...(value !== undefined && {
      data: { value: Buffer.from(value).toString('base64') },
    }),
  };
}

describe('readKubeconfigSecret', () => {
  let client: KubernetesClientModule;
  beforeAll(async () => {
    client = await loadClient();
  });

  it('reads the URL, CA and credentials of the current context', () => {
    const text = kubeconfig(
      {
        server: 'https://demo.example.com:6443',
        'certificate-authority-data': CA_DATA,
      },
      { token: TOKEN },
    );

    expect(readKubeconfigSecret(secret(text), client, 'mgmt')).toEqual({
      name: 'demo',
      url: 'https://demo.example.com:6443',
      source: 'cluster-api',
      auth: {
        type: 'kubeconfigData',
        kubeconfig: text,
        context: 'demo-admin@demo',
      },
      caData: CA_DATA,
      skipTLSVerify: false,
      clusterApi: { managementCluster: 'mgmt', namespace: 'capi' },
    });
  });

  it('keeps insecure-skip-tls-verify, which a plain-HTTP server needs', () => {
    const text = kubeconfig(
      { server: 'http://127.0.0.1:18445', 'insecure-skip-tls-verify': true },
      { token: TOKEN },
    );

    expect(readKubeconfigSecret(secret(text), client, 'mgmt')).toMatchObject({
      url: 'http://127.0.0.1:18445',
      skipTLSVerify: true,
    });
  });

  it('refuses a plain-HTTP server without insecure-skip-tls-verify', () => {
    const text = kubeconfig(
      { server: 'http://127.0.0.1:18445' },
      { token: TOKEN },
    );

    expect(() => readKubeconfigSecret(secret(text), client, 'mgmt')).toThrow(
      'the server of its kubeconfig, "http://127.0.0.1:18445", is plain HTTP without insecure-skip-tls-verify, which @kubernetes/client-node refuses',
    );
  });

  it('says a kubeconfig cannot be read without quoting it', () => {
    const broken = `users:\n- name: x\n  user: {token: ${TOKEN}\n`;

    let message = '';
    try {
      readKubeconfigSecret(secret(broken), client, 'mgmt');
    } catch (error) {
      message = (error as Error).message;
    }

    expect(message).toBe('its data.value is not a readable kubeconfig');
  });

  it('refuses an auth-provider plugin and a CA file unless allowed', () => {
    const text = kubeconfig(
      {
        server: 'https://demo.example.com:6443',
        'certificate-authority': '/etc/ca.crt',
      },
      { 'auth-provider': { name: 'gcp' } },
    );

    expect(() => readKubeconfigSecret(secret(text), client, 'mgmt')).toThrow(
      'its data.value carries exec or auth-provider credentials (users[0] "demo-admin": auth-provider), which run commands or plugins in the backend; set cocktail.clusterApi.allowExecCredentials: true if it may; ' +
        'its data.value carries file paths (clusters[0] "demo": certificate-authority), which the backend would read from its own disk; set cocktail.clusterApi.allowFilePaths: true if it may',
    );
    expect(
      readKubeconfigSecret(secret(text), client, 'mgmt', {
        execCredentials: true,
        filePaths: true,
      }).auth,
    ).toMatchObject({ allow: { execCredentials: true, filePaths: true } });
  });

  it('names a Secret without data.value', () => {
    expect(() =>
      readKubeconfigSecret(secret(undefined), client, 'mgmt'),
    ).toThrow('it has no data.value');
  });
});

describe('isKubeconfigSecret', () => {
  it('takes the <cluster>-kubeconfig Secret of type cluster.x-k8s.io/secret only', () => {
    expect(isKubeconfigSecret(secret('x'))).toBe(true);
    expect(
      isKubeconfigSecret(secret('x', { name: 'demo-user-kubeconfig' })),
    ).toBe(false);
    expect(isKubeconfigSecret(secret('x', { name: 'demo-ca' }))).toBe(false);
    expect(isKubeconfigSecret(secret('x', {}, 'Opaque'))).toBe(false);
    expect(isKubeconfigSecret(secret('x', { labels: {} }))).toBe(false);
  });
});

describe('providerOfInfrastructureKind', () => {
  it('names the provider of an infrastructure kind', () => {
    expect(providerOfInfrastructureKind('AWSManagedCluster')).toBe('aws');
    expect(providerOfInfrastructureKind('VSphereCluster')).toBe('vsphere');
    expect(providerOfInfrastructureKind('DockerCluster')).toBe('docker');
    expect(providerOfInfrastructureKind('PacketCluster')).toBeUndefined();
    expect(providerOfInfrastructureKind(undefined)).toBeUndefined();
  });
});
