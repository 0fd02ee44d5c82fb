import { Entity } from '@backstage/catalog-model';
import { CatalogProcessorResult } from '@backstage/plugin-catalog-node';
import { CocktailEntitiesProcessor } from './CocktailEntitiesProcessor';

const location = {
  type: 'url',
  target: 'https://example.com/catalog-info.yaml',
};

async function relationsOf(entity: Entity): Promise<string[]> {
  const results: CatalogProcessorResult[] = [];
  await new CocktailEntitiesProcessor().postProcessEntity(entity, location, r =>
    results.push(r),
  );
  return results.map(result => {
    if (result.type !== 'relation') {
      throw new Error(`unexpected ${result.type} result`);
    }
    const { source, type, target } = result.relation;
    return `${source.kind}:${source.namespace}/${source.name} ${type} ${target.kind}:${target.namespace}/${target.name}`;
  });
}

const service: Entity = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'Service',
  metadata: { name: 'payments', namespace: 'finance' },
  spec: { owner: 'group:payments-team', clusters: ['resource:prod'] },
};

const serviceMap: Entity = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'ServiceMap',
  metadata: { name: 'payments-prod', namespace: 'finance' },
  spec: {
    service: 'payments',
    environment: 'production',
    cluster: 'resource:default/prod',
    namespace: 'payments-prod',
    owner: 'payments-sre',
  },
};

const server: Entity = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'CocktailServer',
  metadata: { name: 'payments-api', namespace: 'finance' },
  spec: {
    serviceMap: 'payments-prod',
    owner: 'user:alice',
    type: 'Deployment',
    containers: [{ name: 'api', image: 'nginx' }],
    dependsOn: ['payments-db', 'resource:default/payments-bucket'],
  },
};

describe('CocktailEntitiesProcessor', () => {
  const processor = new CocktailEntitiesProcessor();

  it('emits a Service ownedBy its owner, both ways', async () => {
    expect(await relationsOf(service)).toEqual([
      'Service:finance/payments ownedBy group:finance/payments-team',
      'group:finance/payments-team ownerOf Service:finance/payments',
    ]);
  });

  it('emits a ServiceMap partOf its Service, dependsOn its cluster and ownedBy its owner, both ways', async () => {
    expect(await relationsOf(serviceMap)).toEqual([
      'ServiceMap:finance/payments-prod partOf Service:finance/payments',
      'Service:finance/payments hasPart ServiceMap:finance/payments-prod',
      'ServiceMap:finance/payments-prod dependsOn resource:default/prod',
      'resource:default/prod dependencyOf ServiceMap:finance/payments-prod',
      'ServiceMap:finance/payments-prod ownedBy Group:finance/payments-sre',
      'Group:finance/payments-sre ownerOf ServiceMap:finance/payments-prod',
    ]);
  });

  it('emits a CocktailServer partOf its ServiceMap, ownedBy its owner and dependsOn what it names', async () => {
    expect(await relationsOf(server)).toEqual([
      'CocktailServer:finance/payments-api partOf ServiceMap:finance/payments-prod',
      'ServiceMap:finance/payments-prod hasPart CocktailServer:finance/payments-api',
      'CocktailServer:finance/payments-api ownedBy user:finance/alice',
      'user:finance/alice ownerOf CocktailServer:finance/payments-api',
      'CocktailServer:finance/payments-api dependsOn CocktailServer:finance/payments-db',
      'CocktailServer:finance/payments-db dependencyOf CocktailServer:finance/payments-api',
      'CocktailServer:finance/payments-api dependsOn resource:default/payments-bucket',
      'resource:default/payments-bucket dependencyOf CocktailServer:finance/payments-api',
    ]);
  });

  it('emits no ownedBy when no owner is given', async () => {
    const { owner, ...spec } = serviceMap.spec as any;
    const relations = await relationsOf({ ...serviceMap, spec });
    expect(relations.filter(r => r.includes('owned'))).toEqual([]);
  });

  it('emits nothing for other kinds', async () => {
    const component = {
      ...service,
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
    };
    expect(await relationsOf(component)).toEqual([]);
  });

  it('accepts the three kinds and refuses an invalid one with every problem', async () => {
    await expect(processor.validateEntityKind(service)).resolves.toBe(true);
    await expect(processor.validateEntityKind(serviceMap)).resolves.toBe(true);
    await expect(processor.validateEntityKind(server)).resolves.toBe(true);
    await expect(
      processor.validateEntityKind({
        ...server,
        spec: { ...server.spec, type: 'Pod', replicas: 'three' },
      }),
    ).rejects.toThrow(
      'cocktailserver:finance/payments-api has 2 problems:\n' +
        'cocktailserver:finance/payments-api: spec.type: must be one of Deployment, StatefulSet, DaemonSet, Job, CronJob, got "Pod"\n' +
        'cocktailserver:finance/payments-api: spec.replicas: must be a whole number, got "three"',
    );
  });

  it('does not claim kinds it does not know', async () => {
    await expect(
      processor.validateEntityKind({
        ...service,
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
      }),
    ).resolves.toBe(false);
  });

  it('adds the kubernetes-id annotation to servers that lack it and keeps one that is set', async () => {
    const annotated = await processor.preProcessEntity(server);
    expect(annotated.metadata.annotations).toEqual({
      'backstage.io/kubernetes-id': 'payments-api',
    });
    const custom = {
      ...server,
      metadata: {
        ...server.metadata,
        annotations: { 'backstage.io/kubernetes-id': 'api' },
      },
    };
    expect(
      (await processor.preProcessEntity(custom)).metadata.annotations,
    ).toEqual({
      'backstage.io/kubernetes-id': 'api',
    });
    expect(await processor.preProcessEntity(service)).toBe(service);
  });
});
