import {
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { clusterNameOf, serviceMapRefOf, serviceRefOf } from './catalogRefs';

const map = (spec: Partial<ServiceMapEntityV1alpha1['spec']>) =>
  ({
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'ServiceMap',
    metadata: { name: 'shop-prod', namespace: 'team-a' },
    spec: {
      service: 'shop',
      environment: 'production',
      cluster: 'resource:dev',
      namespace: 'shop',
      ...spec,
    },
  } as ServiceMapEntityV1alpha1);

describe('catalog refs', () => {
  it('names the cluster of a ServiceMap however its ref is written', () => {
    expect(clusterNameOf(map({ cluster: 'resource:dev' }))).toBe('dev');
    expect(clusterNameOf(map({ cluster: 'resource:default/dev' }))).toBe('dev');
    expect(clusterNameOf(map({ cluster: 'dev' }))).toBe('dev');
  });

  it("resolves a ServiceMap's Service in the ServiceMap's namespace unless the ref names one", () => {
    expect(serviceRefOf(map({ service: 'shop' }))).toBe('service:team-a/shop');
    expect(serviceRefOf(map({ service: 'Service:default/Shop' }))).toBe(
      'service:default/shop',
    );
  });

  it("resolves a server's ServiceMap in the server's namespace", () => {
    const server = {
      apiVersion: 'cocktailcloud.io/v1alpha1',
      kind: 'CocktailServer',
      metadata: { name: 'cart', namespace: 'team-a' },
      spec: { serviceMap: 'shop-prod' },
    } as CocktailServerEntityV1alpha1;
    expect(serviceMapRefOf(server)).toBe('servicemap:team-a/shop-prod');
    expect(
      serviceMapRefOf({ ...server, spec: { ...server.spec, serviceMap: '' } }),
    ).toBeUndefined();
  });
});
