import {
  checkServiceMapNamespace,
  NamespaceClaim,
} from './checkServiceMapNamespace';

const claims: NamespaceClaim[] = [
  {
    ref: 'servicemap:default/payments-prod',
    cluster: 'prod',
    namespace: 'payments',
  },
  { ref: 'servicemap:default/shop-prod', cluster: 'prod', namespace: 'shop' },
  { ref: 'servicemap:default/shop-dev', cluster: 'dev', namespace: 'payments' },
];

function check(
  namespace: string,
  options: { ref?: string; cluster?: string; reserved?: string[] } = {},
) {
  return () =>
    checkServiceMapNamespace({
      serviceMapRef: options.ref ?? 'servicemap:default/payments-prod',
      cluster: options.cluster ?? 'prod',
      namespace,
      reserved: options.reserved ?? [],
      claims,
    });
}

describe('checkServiceMapNamespace', () => {
  it('accepts the namespace the ServiceMap claims itself, and one nobody claims', () => {
    expect(check('payments')).not.toThrow();
    expect(check('payments-new')).not.toThrow();
  });

  it("accepts its own claim whatever the case of the ServiceMap's ref", () => {
    expect(
      check('payments', { ref: 'ServiceMap:default/Payments-Prod' }),
    ).not.toThrow();
  });

  it.each(['default', 'kube-system', 'kube-public', 'kube-node-lease'])(
    "refuses %s, a namespace of the cluster's own, with 400",
    namespace => {
      expect(check(namespace)).toThrow(
        expect.objectContaining({
          name: 'InputError',
          message: `spec.namespace: ${namespace} is reserved on every cluster (default, kube-*); choose a namespace of the Service's own`,
        }),
      );
    },
  );

  it('refuses a namespace reserved in config, and names the reserved ones', () => {
    expect(
      check('monitoring', { reserved: ['monitoring', 'ingress'] }),
    ).toThrow(
      expect.objectContaining({
        name: 'InputError',
        message:
          "spec.namespace: monitoring is reserved on every cluster (default, kube-*, monitoring, ingress); choose a namespace of the Service's own",
      }),
    );
  });

  it('refuses a namespace another ServiceMap claims on the same cluster with 409, naming it', () => {
    expect(check('shop')).toThrow(
      expect.objectContaining({
        name: 'ConflictError',
        message:
          'spec.namespace: shop on cluster prod is already claimed by servicemap:default/shop-prod; a namespace belongs to one ServiceMap',
      }),
    );
  });

  it('accepts a namespace of the same name claimed on another cluster', () => {
    expect(
      check('shop', { ref: 'servicemap:default/shop-dev', cluster: 'dev' }),
    ).not.toThrow();
  });
});
