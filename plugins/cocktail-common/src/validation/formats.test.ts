import {
  isDns1123Label,
  isDns1123Subdomain,
  isEntityRef,
  isImageReference,
  isIngressHost,
  isIntOrPercent,
  isKubernetesQuantity,
  isPortName,
} from './formats';

describe('formats', () => {
  it.each([
    '250m',
    '1.5',
    '10Gi',
    '500M',
    '0',
    '2',
    '1e3',
    '.5',
    '+1',
    '64',
    '2Ti',
    '100n',
  ])('accepts the quantity %s', value =>
    expect(isKubernetesQuantity(value)).toBe(true),
  );

  it.each(['', 'abc', '10GB', '1.5.2', '10 Gi', 'Gi', '10gi', '1Zi'])(
    'rejects the quantity %j',
    value => expect(isKubernetesQuantity(value)).toBe(false),
  );

  it.each(['api', 'payments-api', 'a', '1x', 'a'.repeat(63)])(
    'accepts the label %s',
    value => expect(isDns1123Label(value)).toBe(true),
  );

  it.each(['', 'Api', '-api', 'api-', 'a_b', 'a.b', 'a'.repeat(64)])(
    'rejects the label %j',
    value => expect(isDns1123Label(value)).toBe(false),
  );

  it('accepts dotted subdomains and rejects bad parts', () => {
    expect(isDns1123Subdomain('payments-db.secret')).toBe(true);
    expect(isDns1123Subdomain('payments..db')).toBe(false);
    expect(isDns1123Subdomain('Payments')).toBe(false);
  });

  it.each([
    'nginx',
    'nginx:1.27',
    'library/nginx:1.27-alpine',
    'harbor.example.com/payments/api:1.4.2',
    'localhost:5000/app',
    'ghcr.io/acme/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'registry.example.com:8443/team/app:v1.0.0_rc1',
  ])('accepts the image %s', value =>
    expect(isImageReference(value)).toBe(true),
  );

  it.each([
    '',
    'Not An Image',
    'UPPER/app',
    'app:',
    'app:-bad',
    'app@sha256:xyz',
    'a//b',
  ])('rejects the image %j', value =>
    expect(isImageReference(value)).toBe(false),
  );

  it('checks port names as Kubernetes does (IANA service names)', () => {
    expect(isPortName('http')).toBe(true);
    expect(isPortName('http-metrics')).toBe(true);
    expect(isPortName('8080')).toBe(false);
    expect(isPortName('a--b')).toBe(false);
    expect(isPortName('a-very-long-port-name')).toBe(false);
  });

  it('checks int-or-percent values', () => {
    expect(isIntOrPercent('25%')).toBe(true);
    expect(isIntOrPercent('1')).toBe(true);
    expect(isIntOrPercent('25 %')).toBe(false);
    expect(isIntOrPercent('-1')).toBe(false);
  });

  it('checks entity references', () => {
    expect(isEntityRef('payments')).toBe(true);
    expect(isEntityRef('group:payments-team')).toBe(true);
    expect(isEntityRef('resource:default/prod')).toBe(true);
    expect(isEntityRef('group:')).toBe(false);
    expect(isEntityRef('a b')).toBe(false);
    expect(isEntityRef(':x')).toBe(false);
  });

  it('accepts wildcard ingress hosts', () => {
    expect(isIngressHost('*.example.com')).toBe(true);
    expect(isIngressHost('pay.example.com')).toBe(true);
    expect(isIngressHost('https://pay.example.com')).toBe(false);
  });
});
