import { Entity } from '@backstage/catalog-model';
import {
  AuditRowView,
  CocktailEntityAccess,
  cocktailPermissionGrant,
  cocktailPermissions,
  ClusterDescription,
  ClusterListItem,
  CocktailServerEntityV1alpha1,
  ServerHealth,
  ServerMetrics,
  ServerStatus,
  ServiceEntityV1alpha1,
  ServiceMapEntityV1alpha1,
  ServiceMapSummary,
  ServiceSummary,
  MonitoringSeriesResponse,
} from '@cocktailcloud/plugin-cocktail-common';

export const serverEntity: CocktailServerEntityV1alpha1 = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'CocktailServer',
  metadata: { name: 'payments-worker', namespace: 'default' },
  spec: {
    serviceMap: 'payments-prod',
    type: 'Deployment',
    replicas: 2,
    containers: [
      {
        name: 'worker',
        image: 'harbor.example.com/payments/api:1.4.2',
        resources: {
          requests: { cpu: '500m', memory: '512Mi' },
          limits: { cpu: '1', memory: '1Gi' },
        },
      },
    ],
  },
};

/** A healthy two-replica Deployment at revision 2, with revision 1 to roll back to. */
export function serverStatus(
  overrides: Partial<ServerStatus> = {},
): ServerStatus {
  return {
    cluster: 'prod',
    namespace: 'payments-prod',
    server: 'payments-worker',
    kind: 'Deployment',
    found: true,
    stale: false,
    replicas: { desired: 2, current: 2, ready: 2, updated: 2, available: 2 },
    rollout: { state: 'complete', revision: '2' },
    conditions: [],
    images: [
      { container: 'worker', image: 'harbor.example.com/payments/api:1.5.0' },
    ],
    pods: ['a1', 'b2'].map((suffix, i) => ({
      name: `payments-worker-7d9f-${suffix}`,
      phase: 'Running',
      ready: true,
      restarts: i,
      node: `prod-node-${i + 1}`,
      ageSeconds: 3700,
      revision: '2',
      containers: [{ name: 'worker', ready: true, state: 'running' }],
    })),
    revisions: [
      {
        revision: '1',
        replicaSet: 'payments-worker-5c4b',
        images: ['harbor.example.com/payments/api:1.4.2'],
        replicas: 0,
      },
      {
        revision: '2',
        replicaSet: 'payments-worker-7d9f',
        images: ['harbor.example.com/payments/api:1.5.0'],
        replicas: 2,
      },
    ],
    events: [
      {
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: 'Scaled up replica set payments-worker-7d9f to 2',
        count: 1,
        lastTimestamp: '2026-11-23T10:00:00Z',
        object: 'Deployment/payments-worker',
      },
    ],
    ...overrides,
  };
}

/** The production ServiceMap of the payments Service, holding payments-worker. */
export const serviceMapEntity: ServiceMapEntityV1alpha1 = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'ServiceMap',
  metadata: { name: 'payments-prod', namespace: 'default' },
  spec: {
    service: 'payments',
    environment: 'prod',
    cluster: 'prod',
    namespace: 'payments-prod',
  },
  relations: [
    { type: 'hasPart', targetRef: 'cocktailserver:default/payments-worker' },
  ],
};

/** The payments Service, owned by a team with three members. */
export const serviceEntity: ServiceEntityV1alpha1 = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'Service',
  metadata: { name: 'payments', namespace: 'default' },
  spec: {
    owner: 'group:default/payments-team',
    members: [
      { ref: 'user:default/alice', role: 'admin' },
      { ref: 'user:default/bob', role: 'developer' },
      { ref: 'user:default/carol', role: 'viewer' },
    ],
    clusters: ['dev', 'prod'],
    quota: { cpu: '16', memory: '64Gi', pods: 100 },
  },
};

/** The prod cluster as the catalog registers it, with the ServiceMap that runs on it. */
export const clusterEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'prod', namespace: 'default' },
  spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  relations: [
    { type: 'dependencyOf', targetRef: 'servicemap:default/payments-prod' },
  ],
};

/** payments-worker's health as roll-ups list it: healthy, 2 of 2 ready at revision 2. */
export function serverHealth(
  overrides: Partial<ServerHealth> = {},
): ServerHealth {
  return {
    entityRef: 'cocktailserver:default/payments-worker',
    name: 'payments-worker',
    type: 'Deployment',
    kind: 'Deployment',
    found: true,
    stale: false,
    replicas: { desired: 2, current: 2, ready: 2, updated: 2, available: 2 },
    rollout: { state: 'complete', revision: '2' },
    ...overrides,
  };
}

/** payments-prod on cluster prod: two servers, a ResourceQuota using 3.8 of 32 cores. */
export function serviceMapSummary(
  overrides: Partial<ServiceMapSummary> = {},
): ServiceMapSummary {
  return {
    entityRef: 'servicemap:default/payments-prod',
    name: 'payments-prod',
    environment: 'prod',
    cluster: 'prod',
    namespace: 'payments-prod',
    assigned: { cpu: '32', memory: '64Gi', pods: 50 },
    clusterState: {
      cluster: 'prod',
      synced: true,
      stale: false,
      healthyAt: '2026-11-23T10:00:00Z',
    },
    quota: {
      cluster: 'prod',
      namespace: 'payments-prod',
      found: true,
      hard: { 'requests.cpu': '32', 'requests.memory': '64Gi', pods: '50' },
      used: { 'requests.cpu': '3800m', 'requests.memory': '6Gi', pods: '7' },
    },
    servers: [
      serverHealth(),
      serverHealth({
        entityRef: 'cocktailserver:default/payments-api',
        name: 'payments-api',
        replicas: {
          desired: 3,
          current: 3,
          ready: 1,
          updated: 3,
          available: 1,
        },
      }),
    ],
    ...overrides,
  };
}

/** The payments Service with its dev and prod ServiceMaps. */
export function serviceSummary(
  overrides: Partial<ServiceSummary> = {},
): ServiceSummary {
  return {
    entityRef: 'service:default/payments',
    name: 'payments',
    allocated: { cpu: '16', memory: '64Gi', pods: 100 },
    assigned: { cpu: 12, memory: 48 * 2 ** 30, gpu: 0, storage: 0, pods: 60 },
    used: { cpu: 4.5, memory: 12 * 2 ** 30, gpu: 0, storage: 0, pods: 9 },
    serviceMaps: [
      serviceMapSummary(),
      serviceMapSummary({
        entityRef: 'servicemap:default/payments-dev',
        name: 'payments-dev',
        environment: 'dev',
        cluster: 'dev',
        namespace: 'payments-dev',
        clusterState: { cluster: 'dev', synced: true, stale: false },
        quota: {
          cluster: 'dev',
          namespace: 'payments-dev',
          found: true,
          hard: { 'requests.cpu': '4', 'requests.memory': '8Gi' },
          used: { 'requests.cpu': '700m', 'requests.memory': '2Gi' },
        },
        servers: [
          serverHealth({
            entityRef: 'cocktailserver:default/payments-worker-dev',
            name: 'payments-worker-dev',
            replicas: {
              desired: 1,
              current: 1,
              ready: 1,
              updated: 1,
              available: 1,
            },
          }),
        ],
      }),
    ],
    ...overrides,
  };
}

/** payments-worker's two pods, each using a quarter of its CPU limit. */
export function serverMetrics(
  overrides: Partial<ServerMetrics> = {},
): ServerMetrics {
  return {
    available: true,
    timestamp: '2026-11-23T10:00:00Z',
    pods: ['a1', 'b2'].map(suffix => ({
      name: `payments-worker-7d9f-${suffix}`,
      containers: [
        {
          name: 'worker',
          cpu: {
            usageMillicores: 250,
            requestMillicores: 500,
            limitMillicores: 1000,
          },
          memory: {
            usageBytes: 300 * 2 ** 20,
            requestBytes: 512 * 2 ** 20,
            limitBytes: 2 ** 30,
          },
        },
      ],
    })),
    ...overrides,
  };
}

/** A cluster as `GET /clusters` lists it: watched and up to date. */
export function clusterListItem(
  overrides: Partial<ClusterListItem> = {},
): ClusterListItem {
  return {
    name: 'prod',
    title: 'Production',
    source: 'catalog',
    provider: 'eks',
    region: 'eu-west-1',
    entityRef: 'resource:default/prod',
    cache: { cluster: 'prod', synced: true, stale: false },
    serviceMaps: 4,
    servers: 11,
    ...overrides,
  };
}

/** A reachable cluster with three ready nodes. */
export function clusterDescription(
  overrides: Partial<ClusterDescription> = {},
): ClusterDescription {
  return {
    name: 'prod',
    title: 'Production',
    source: 'catalog',
    provider: 'eks',
    region: 'eu-west-1',
    entityRef: 'resource:default/prod',
    health: 'reachable',
    version: 'v1.30.4',
    nodes: [1, 2, 3].map(n => ({
      name: `prod-node-${n}`,
      ready: true,
      kubeletVersion: 'v1.30.4-eks-a737599',
      roles: n === 1 ? ['control-plane'] : [],
      allocatable: { cpu: '3920m', memory: '15Gi', pods: '110' },
    })),
    ...overrides,
  };
}

/** alice scaling payments-worker to 3 on prod. */
export function auditRow(overrides: Partial<AuditRowView> = {}): AuditRowView {
  return {
    id: '42',
    createdAt: '2026-11-23T10:00:00Z',
    actor: 'user:default/alice',
    action: 'server.scale',
    entityRef: 'cocktailserver:default/payments-worker',
    cluster: 'prod',
    namespace: 'payments-prod',
    outcome: 'succeeded',
    details: { replicas: 3 },
    previousHash: 'a3f1c0de',
    hash: '9b2e77aa',
    ...overrides,
  };
}

/**
 * What `GET /access` answers: every Cocktail permission allowed except `deny`, each refusal
 * with the reason the backend would give for a Payments viewer.
 */
export function entityAccess(
  options: {
    entityRef?: string;
    deny?: string[];
    role?: CocktailEntityAccess['role'];
    platformAdmin?: boolean;
  } = {},
): CocktailEntityAccess {
  const deny = new Set(options.deny ?? []);
  // A developer unless a role is given; `role: undefined` means no role at all.
  const role = 'role' in options ? options.role : 'developer';
  return {
    entityRef: options.entityRef ?? 'cocktailserver:default/payments-worker',
    service: {
      entityRef: 'service:default/payments',
      title: 'Payments',
      admins: ['group:default/payments-team', 'user:default/alice'],
    },
    ...(role ? { role } : {}),
    platformAdmin: options.platformAdmin ?? false,
    permissions: Object.fromEntries(
      cocktailPermissions.map(p => [
        p.name,
        deny.has(p.name)
          ? {
              allowed: false,
              reason: `${
                cocktailPermissionGrant(p.name)?.verb ?? p.name
              } needs the developer role on Payments; you are a viewer. Ask an admin of Payments (group:default/payments-team, user:default/alice).`,
            }
          : { allowed: true },
      ]),
    ),
  };
}

/** Charts over time for payments-worker's two pods, one point a minute for five minutes. */
export function serverMonitoring(): MonitoringSeriesResponse {
  const end = 1_796_500_000;
  const points = (base: number) =>
    Array.from(
      { length: 5 },
      (_, i) => [end - (4 - i) * 60, base + i * 0.01] as [number, number],
    );
  const pods = (base: number) => [
    { name: 'payments-worker-7d9f-a1', points: points(base) },
    { name: 'payments-worker-7d9f-b2', points: points(base * 2) },
  ];
  return {
    available: true,
    range: '1h',
    start: end - 3600,
    end,
    step: 15,
    charts: [
      {
        id: 'cpu',
        title: 'CPU',
        unit: 'cores',
        series: pods(0.1),
        total: { name: 'total', points: points(0.3) },
        request: 0.5,
        limit: 1,
      },
      {
        id: 'memory',
        title: 'Memory (working set)',
        unit: 'bytes',
        series: pods(100 * 2 ** 20),
        request: 512 * 2 ** 20,
        limit: 1024 * 2 ** 20,
      },
      { id: 'restarts', title: 'Restarts', unit: 'count', series: [] },
    ],
  };
}
