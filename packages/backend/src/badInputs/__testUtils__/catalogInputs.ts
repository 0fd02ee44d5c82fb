import { badVariants } from './badVariants';
import { BadRequest } from './endpointInputs';

const API_VERSION = 'cocktailcloud.io/v1alpha1';

/** One good entity of each Cocktail kind, as a repository's catalog file has them. */
const GOOD_ENTITIES = [
  {
    apiVersion: API_VERSION,
    kind: 'Service',
    metadata: { name: 'bad-input-service' },
    spec: {
      owner: 'group:payments-team',
      members: [{ ref: 'user:alice', role: 'admin' }],
      clusters: ['resource:dev'],
      quota: { cpu: '8', memory: '32Gi', pods: 50 },
      registries: [{ name: 'harbor', url: 'harbor.example.com/payments' }],
    },
  },
  {
    apiVersion: API_VERSION,
    kind: 'ServiceMap',
    metadata: { name: 'bad-input-map' },
    spec: {
      service: 'payments',
      environment: 'development',
      cluster: 'resource:dev',
      namespace: 'bad-input',
      owner: 'group:payments-team',
      quota: { cpu: '2', memory: '4Gi', pods: 10 },
    },
  },
  {
    apiVersion: API_VERSION,
    kind: 'CocktailServer',
    metadata: { name: 'bad-input-server' },
    spec: {
      serviceMap: 'payments-dev',
      owner: 'group:payments-team',
      type: 'Deployment',
      replicas: 2,
      containers: [
        {
          name: 'api',
          image: 'harbor.example.com/payments/api:1.4.2',
          ports: [{ name: 'http', containerPort: 8080 }],
          env: [{ name: 'LOG_LEVEL', value: 'info' }],
        },
      ],
      ports: [{ name: 'http', port: 80, expose: 'ClusterIP' }],
      autoscaling: {
        minReplicas: 2,
        maxReplicas: 10,
        targetCPUUtilization: 70,
      },
    },
  },
];

// Quantities may be written as numbers or strings, as Kubernetes takes them.
const EITHER_TYPE = /\.(cpu|memory|gpu|storage)$/;

/** Catalog files with bad Cocktail entities, checked by the catalog's validate-entity endpoint. */
export function catalogRequests(): BadRequest[] {
  return GOOD_ENTITIES.flatMap(entity =>
    badVariants(
      { spec: entity.spec },
      { root: 'spec', skip: field => EITHER_TYPE.test(field) },
    )
      // The entity envelope is Backstage's to check; the spec is the kind's.
      .filter(
        variant => variant.field !== 'spec' || variant.change.includes('='),
      )
      .filter(variant => variant.field !== 'unexpectedField')
      .map(variant => ({
        family: `catalog ${entity.kind}: ${variant.kind}`,
        change: `${entity.kind}: ${variant.change}`,
        field: variant.field,
        method: 'POST',
        path: '/api/catalog/validate-entity',
        body: {
          location: 'url:https://git.example.com/team/repo/catalog-info.yaml',
          entity: {
            ...entity,
            spec: (variant.value as { spec: unknown }).spec,
          },
        },
      })),
  );
}
