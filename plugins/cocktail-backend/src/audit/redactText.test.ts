import {
  MAX_ERROR_LENGTH,
  redactErrorText,
  redactText,
  TRUNCATED_MARKER,
} from './redactText';

const PRIVATE_KEY = [
  '-----BEGIN RSA PRIVATE KEY-----',
  'MIIEowIBAAKCAQEA1c7+9z5Pad7OejecsQ0bu3aozN3tihPmljnnudb9G3HECdnH',
  'lWu2/a1gB9JW5TBQ+AVpum9Okx7KfqkfBKL9mcHgSL0yWMdjMfNOqNtrQqKlN4kE',
  '-----END RSA PRIVATE KEY-----',
].join('\n');

// {"alg":"HS256","typ":"JWT"}.{"sub":"alice"}.signature
const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLW9mLWFsaWNl';

const KUBECONFIG_YAML = [
  'apiVersion: v1',
  'kind: Config',
  'clusters:',
  '- name: prod',
  '  cluster: { server: "https://prod:6443" }',
  'users:',
  '- name: admin',
  '  user:',
  '    client-key-data: c2VjcmV0LWtleQ==',
].join('\n');

describe('redactText', () => {
  it('replaces a PEM block and keeps the text around it', () => {
    expect(redactText(`could not parse ${PRIVATE_KEY} as a key`)).toBe(
      'could not parse [redacted PEM block] as a key',
    );
  });

  it('replaces a PEM block cut off before its END line, to the end of the text', () => {
    expect(redactText(`key: ${PRIVATE_KEY.slice(0, 90)}`)).toBe(
      'key: [redacted PEM block]',
    );
  });

  it('replaces a base64-encoded PEM block inside text', () => {
    const encoded = Buffer.from(PRIVATE_KEY).toString('base64');
    expect(redactText(`tls.key=${encoded} rejected`)).toBe(
      'tls.key=[redacted PEM block] rejected',
    );
  });

  it('replaces a JWT', () => {
    expect(redactText(`token ${JWT} expired`)).toBe(
      'token [redacted JWT] expired',
    );
  });

  it('replaces a bearer token and keeps the scheme', () => {
    expect(redactText('sent Authorization: Bearer abc.def-123== to prod')).toBe(
      'sent Authorization: Bearer [redacted] to prod',
    );
  });

  it('replaces a whole kubeconfig in YAML', () => {
    expect(redactText(KUBECONFIG_YAML)).toBe('[redacted kubeconfig or key]');
  });

  it('replaces a whole kubeconfig in JSON', () => {
    const json = JSON.stringify({
      clusters: [{ name: 'prod' }],
      users: [{ name: 'ci', user: { token: 'sa-token' } }],
    });
    expect(redactText(json)).toBe('[redacted kubeconfig or key]');
  });

  it('replaces a base64-encoded kubeconfig', () => {
    const encoded = Buffer.from(KUBECONFIG_YAML).toString('base64');
    expect(redactText(encoded)).toBe('[redacted kubeconfig or key]');
  });

  it('keeps text that only mentions clusters, users or tokens', () => {
    const text =
      'users: 3 signed in; the token endpoint answered 500 for cluster prod';
    expect(redactText(text)).toBe(text);
  });

  it('keeps ordinary base64 that decodes to no secret', () => {
    const encoded = Buffer.from('just a config map value').toString('base64');
    expect(redactText(encoded)).toBe(encoded);
  });
});

describe('redactErrorText', () => {
  it('redacts secrets in error text', () => {
    expect(redactErrorText(`401 from prod with Bearer ${JWT}`)).toBe(
      '401 from prod with Bearer [redacted]',
    );
  });

  it('keeps error text of exactly the maximum length', () => {
    const text = 'x'.repeat(MAX_ERROR_LENGTH);
    expect(redactErrorText(text)).toBe(text);
  });

  it('cuts longer error text and marks it', () => {
    const text = 'x'.repeat(MAX_ERROR_LENGTH + 1);
    expect(redactErrorText(text)).toBe(
      `${'x'.repeat(MAX_ERROR_LENGTH)}${TRUNCATED_MARKER}`,
    );
  });

  it('redacts before cutting, so a key across the cut is still recognised', () => {
    const text = `${'x'.repeat(MAX_ERROR_LENGTH - 30)} ${PRIVATE_KEY}`;
    const stored = redactErrorText(text);
    expect(stored).toBe(
      `${'x'.repeat(MAX_ERROR_LENGTH - 30)} [redacted PEM block]`,
    );
    expect(stored).not.toContain('MIIE');
  });
});
