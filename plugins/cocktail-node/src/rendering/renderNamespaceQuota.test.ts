import { ServiceMapEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { validateWithUpstreamSchemas } from '../__testUtils__/validateWithUpstreamSchemas';
import { renderServiceMapQuota } from './renderNamespaceQuota';

function serviceMap(
  quota?: ServiceMapEntityV1alpha1['spec']['quota'],
): ServiceMapEntityV1alpha1 {
  return {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'ServiceMap',
    metadata: { name: 'payments-prod', namespace: 'default' },
    spec: {
      service: 'service:default/payments',
      environment: 'production',
      cluster: 'resource:prod',
      namespace: 'payments-prod',
      ...(quota ? { quota } : {}),
    },
  };
}

describe('renderServiceMapQuota', () => {
  it('renders a ResourceQuota in the namespace with every resource the quota names, exactly', () => {
    expect(
      renderServiceMapQuota(
        serviceMap({
          cpu: '32',
          memory: '128Gi',
          gpu: 2,
          storage: '1Ti',
          pods: 300,
        }),
      ),
    ).toEqual({
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: {
        name: 'cocktail-quota',
        namespace: 'payments-prod',
        labels: {
          'app.kubernetes.io/managed-by': 'cocktail',
          'cocktailcloud.io/service': 'payments',
          'cocktailcloud.io/service-map': 'payments-prod',
        },
      },
      spec: {
        hard: {
          'requests.cpu': '32',
          'requests.memory': '128Gi',
          'requests.nvidia.com/gpu': '2',
          'requests.storage': '1Ti',
          pods: '300',
        },
      },
    });
  });

  it('limits only what the quota names', () => {
    const quota = renderServiceMapQuota(serviceMap({ cpu: 0.5, pods: 10 }));
    expect(quota?.spec).toEqual({
      hard: { 'requests.cpu': '0.5', pods: '10' },
    });
  });

  it('renders nothing for a ServiceMap without a quota or with an empty one', () => {
    expect(renderServiceMapQuota(serviceMap())).toBeUndefined();
    expect(renderServiceMapQuota(serviceMap({}))).toBeUndefined();
  });

  it('renders a ResourceQuota the upstream Kubernetes schema accepts', () => {
    const quota = renderServiceMapQuota(
      serviceMap({ cpu: '8', memory: '32Gi', pods: 50 }),
    )!;
    expect(() => validateWithUpstreamSchemas(quota)).not.toThrow();
  });
});
