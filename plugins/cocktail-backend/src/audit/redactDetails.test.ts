import { redactDetails } from './redactDetails';

describe('redactDetails', () => {
  it('redacts tokens, passwords and kubeconfigs at any depth', () => {
    expect(
      redactDetails({
        token: 'abc',
        spec: {
          registry: { password: 'hunter2', user: 'bob' },
          clusters: [{ name: 'prod', kubeconfig: 'apiVersion: v1' }],
        },
      }),
    ).toEqual({
      token: '[redacted]',
      spec: {
        registry: { password: '[redacted]', user: 'bob' },
        clusters: [{ name: 'prod', kubeconfig: '[redacted]' }],
      },
    });
  });

  it('matches key names case-insensitively', () => {
    expect(
      redactDetails({
        headers: { Authorization: 'Bearer x', 'X-Api-Token': 'y' },
        clientSecret: 's',
        AWS_CREDENTIALS: 'c',
        tlsCert: 'pem',
      }),
    ).toEqual({
      headers: { Authorization: '[redacted]', 'X-Api-Token': '[redacted]' },
      clientSecret: '[redacted]',
      AWS_CREDENTIALS: '[redacted]',
      tlsCert: '[redacted]',
    });
  });

  it('redacts keys ending in "key" but keeps keys that only contain it', () => {
    expect(
      redactDetails({ apiKey: 'k', privateKey: 'p', keyName: 'name' }),
    ).toEqual({
      apiKey: '[redacted]',
      privateKey: '[redacted]',
      keyName: 'name',
    });
  });

  it('replaces a whole object or array under a secret key', () => {
    expect(
      redactDetails({ secret: { data: { a: '1' } }, tokens: ['a', 'b'] }),
    ).toEqual({ secret: '[redacted]', tokens: '[redacted]' });
  });

  it('keeps the key names of secretKeyRef and configMapKeyRef references', () => {
    const env = [
      {
        name: 'DB_PASSWORD_FILE',
        valueFrom: { secretKeyRef: { name: 'db', key: 'password' } },
      },
      {
        name: 'MODE',
        valueFrom: { configMapKeyRef: { name: 'app', key: 'mode' } },
      },
    ];
    expect(redactDetails({ env })).toEqual({ env });
  });

  it('redacts a secretKeyRef that is not a reference object', () => {
    expect(redactDetails({ secretKeyRef: 'literal' })).toEqual({
      secretKeyRef: '[redacted]',
    });
  });

  it('drops undefined values and stores dates as ISO strings', () => {
    expect(
      redactDetails({
        replicas: 3,
        reason: undefined,
        at: new Date('2026-01-02T03:04:05.000Z') as unknown as string,
      }),
    ).toEqual({ replicas: 3, at: '2026-01-02T03:04:05.000Z' });
  });

  it('keeps details of exactly 16 KiB', () => {
    const filler = 'x'.repeat(16 * 1024 - '{"a":""}'.length);
    expect(redactDetails({ a: filler })).toEqual({ a: filler });
  });

  it('replaces details over 16 KiB with their size', () => {
    const filler = 'x'.repeat(16 * 1024 - '{"a":""}'.length + 1);
    expect(redactDetails({ a: filler })).toEqual({
      truncated: true,
      size: 16 * 1024 + 1,
    });
  });

  it('measures the size after redaction', () => {
    const big = 'x'.repeat(20_000);
    expect(redactDetails({ kubeconfig: big })).toEqual({
      kubeconfig: '[redacted]',
    });
  });
});
