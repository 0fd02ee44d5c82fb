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

describe('redactDetails by value', () => {
  it('redacts the value of env entries whose name says password, secret, token or key, and keeps the name', () => {
    expect(
      redactDetails({
        env: [
          { name: 'DB_PASSWORD', value: 'hunter2' },
          { name: 'client_secret', value: 's' },
          { name: 'GITHUB_TOKEN', value: 't' },
          { name: 'API_KEY', value: 'k' },
          { name: 'LOG_LEVEL', value: 'debug' },
        ],
      }),
    ).toEqual({
      env: [
        { name: 'DB_PASSWORD', value: '[redacted]' },
        { name: 'client_secret', value: '[redacted]' },
        { name: 'GITHUB_TOKEN', value: '[redacted]' },
        { name: 'API_KEY', value: '[redacted]' },
        { name: 'LOG_LEVEL', value: 'debug' },
      ],
    });
  });

  it('redacts PEM blocks, JWTs, bearer tokens and kubeconfigs in values under harmless keys', () => {
    const pem =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';
    const kubeconfig =
      'clusters:\n- name: prod\nusers:\n- name: ci\n  user:\n    token: sa-token\n';
    expect(
      redactDetails({
        note: `rotated ${pem}`,
        spec: {
          args: [`--auth=${jwt}`, '--verbose'],
          headers: [`Bearer abc123`],
          config: kubeconfig,
          encoded: Buffer.from(kubeconfig).toString('base64'),
        },
      }),
    ).toEqual({
      note: 'rotated [redacted PEM block]',
      spec: {
        args: ['--auth=[redacted JWT]', '--verbose'],
        headers: ['Bearer [redacted]'],
        config: '[redacted kubeconfig or key]',
        encoded: '[redacted kubeconfig or key]',
      },
    });
  });
});
