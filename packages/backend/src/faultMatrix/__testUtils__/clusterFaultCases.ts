import { KubeSim } from '@cocktailcloud/kube-sim';
import { dockerClusterRequest } from '../../__testUtils__/clusterRequests';
import { FaultAnswer, FaultCase } from './FaultCase';

type FaultSettings = Parameters<ReturnType<KubeSim['cluster']>['setFaults']>[0];

/** Sends a request as a platform admin; the answer's text is its error, or its whole body. */
export type Send = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<FaultAnswer>;

const API = '/api/cocktail';
const WORKER = `${API}/servers/default/payments-worker`;

/** The faults a cluster's API server shows, and the words an answer has to give their cause in. */
const SERVER_FAULTS: Array<{
  name: string;
  settings: FaultSettings;
  cause: RegExp;
}> = [
  {
    name: 'down',
    settings: { down: true },
    cause: /no answer within 1 s/i,
  },
  {
    name: 'slower than the timeout',
    settings: { latencyMs: 3_000 },
    cause: /no answer within 1 s/i,
  },
  {
    name: 'answering 503',
    settings: { errorRate: 1, errorCode: 503 },
    cause: /unavailable \(503/i,
  },
  {
    name: 'answering 500',
    settings: { errorRate: 1, errorCode: 500 },
    cause: /failed \(500/i,
  },
  {
    name: 'answering 429',
    settings: { errorRate: 1, errorCode: 429 },
    cause: /slow down \(429/i,
  },
];

/** The Cocktail server operations, as a person starts them (not dry runs). */
const OPERATIONS: Array<{
  name: string;
  method: string;
  path: string;
  body?: unknown;
  audit: string;
}> = [
  {
    name: 'scale',
    method: 'POST',
    path: `${WORKER}/scale`,
    body: { replicas: 3 },
    audit: 'server.scale',
  },
  {
    name: 'restart',
    method: 'POST',
    path: `${WORKER}/restart`,
    body: {},
    audit: 'server.restart',
  },
  {
    name: 'rolling update',
    method: 'POST',
    path: `${WORKER}/rolling-update`,
    body: { images: { worker: 'harbor.example.com/payments/api:1.4.3' } },
    audit: 'server.rolling-update',
  },
  {
    name: 'autoscaling',
    method: 'POST',
    path: `${WORKER}/autoscaling`,
    body: { minReplicas: 1, maxReplicas: 4 },
    audit: 'server.autoscale',
  },
  {
    name: 'rollback',
    method: 'POST',
    path: `${WORKER}/rollback`,
    body: { revision: '1' },
    audit: 'server.rollback',
  },
  {
    name: 'suspend',
    method: 'POST',
    path: `${WORKER}/suspend`,
    body: {},
    audit: 'server.suspend',
  },
  {
    name: 'resume',
    method: 'POST',
    path: `${WORKER}/resume`,
    body: {},
    audit: 'server.resume',
  },
  {
    name: 'deploy',
    method: 'POST',
    path: `${WORKER}/deploy`,
    body: {},
    audit: 'server.deploy',
  },
  {
    name: 'delete',
    method: 'DELETE',
    path: WORKER,
    audit: 'server.delete',
  },
];

/** Changes payments-api's Service and autoscaler behind the portal's back. */
function driftPaymentsApi(cluster: ReturnType<KubeSim['cluster']>) {
  for (const [plural, group, version, change] of [
    [
      'services',
      '',
      'v1',
      (o: any) => ({
        ...o,
        spec: {
          ...o.spec,
          ports: o.spec.ports.map((p: any) => ({ ...p, port: p.port + 1 })),
        },
      }),
    ],
    [
      'horizontalpodautoscalers',
      'autoscaling',
      'v2',
      (o: any) => ({ ...o, spec: { ...o.spec, maxReplicas: 7 } }),
    ],
  ] as const) {
    const type = cluster.registry.find(group, version, plural)!;
    const object = cluster.store.get(type, 'payments-prod', 'payments-api');
    if (object) {
      cluster.store.update(type, change(object));
    }
  }
}

/**
 * Faults of the clusters' API servers, under every kind of request the suite makes of them:
 * live reads, status from the watch cache, every server operation, a deploy cut off half
 * way, ServiceMap provisioning, Cluster API cluster creation (and a cluster that stays in
 * Provisioning) and the scan sync.
 */
export function clusterFaultCases(sim: KubeSim, send: Send): FaultCase[] {
  const prod = sim.cluster('prod');
  const dev = sim.cluster('dev');
  const on =
    (cluster: ReturnType<KubeSim['cluster']>, settings: FaultSettings) => () =>
      cluster.setFaults(settings);
  const healAll = () => {
    prod.setFaults({});
    dev.setFaults({});
  };
  const cases: FaultCase[] = [];

  for (const fault of SERVER_FAULTS) {
    for (const read of [
      { name: 'cluster details', path: `${API}/clusters/prod` },
      { name: 'metrics', path: `${WORKER}/metrics` },
      { name: 'drift', path: `${WORKER}/drift` },
    ]) {
      cases.push({
        family: 'live read',
        name: `${read.name} while prod is ${fault.name}`,
        cluster: 'prod',
        cause: fault.cause,
        inject: on(prod, fault.settings),
        act: () => send('GET', read.path),
        heal: healAll,
      });
    }
  }

  cases.push({
    family: 'status from the watch cache',
    name: 'server status while prod is down',
    cluster: 'prod',
    cause:
      /"stale":true.*"error":"[^"]*(no answer within|connection was cut|refused)/i,
    inject: async () => {
      prod.setFaults({ down: true });
      // Long enough for the watches to notice the cluster is gone.
      await new Promise(resolve => setTimeout(resolve, 4_000));
    },
    act: () => send('GET', `${API}/servers/default/payments-api/status`),
    heal: healAll,
  });

  for (const fault of [SERVER_FAULTS[0], SERVER_FAULTS[2]]) {
    for (const operation of OPERATIONS) {
      cases.push({
        family: 'server operation',
        name: `${operation.name} while prod is ${fault.name}`,
        cluster: 'prod',
        cause: fault.cause,
        audit: operation.audit,
        inject: on(prod, fault.settings),
        act: () => send(operation.method, operation.path, operation.body),
        heal: healAll,
      });
    }
  }

  for (const operation of [OPERATIONS[0], OPERATIONS[2]]) {
    cases.push({
      family: 'server operation',
      name: `${operation.name} whose write outlasts the timeout`,
      cluster: 'prod',
      cause: /unknown/i,
      audit: operation.audit,
      inject: on(prod, { writeLatencyMs: 2_500 }),
      act: () => send(operation.method, operation.path, operation.body),
      heal: healAll,
    });
  }

  cases.push({
    family: 'deploy cut off half way',
    name: 'deploy payments-api whose second write fails',
    cluster: 'prod',
    cause: /unavailable \(503.*Already applied: \w+\/payments-api/i,
    audit: 'server.deploy',
    inject: () => {
      // Two of its objects drift from the catalog, so the deploy has two writes to make.
      driftPaymentsApi(prod);
      prod.setFaults({ failWritesAfter: 1, errorCode: 503 });
    },
    act: () => send('POST', `${API}/servers/default/payments-api/deploy`, {}),
    heal: healAll,
  });

  for (const [fault, settings, cause] of [
    ['down', { down: true }, /no answer within 1 s/i],
    [
      'failing after its first write',
      { failWritesAfter: 1, errorCode: 503 },
      /unavailable \(503/i,
    ],
  ] as const) {
    cases.push({
      family: 'ServiceMap provisioning',
      name: `provision payments-dev while dev is ${fault}`,
      cluster: 'dev',
      cause,
      audit: 'servicemap.provision',
      inject: on(dev, settings),
      act: () =>
        send('POST', `${API}/servicemaps/default/payments-dev/provision`, {
          defaultDenyNetworkPolicy: true,
        }),
      heal: healAll,
    });
  }

  for (const [fault, settings, cause, name] of [
    ['down', { down: true }, /no answer within 1 s/i, 'fault-down'],
    [
      'failing after its first write',
      { failWritesAfter: 1, errorCode: 503 },
      /unavailable \(503/i,
      'fault-half',
    ],
  ] as const) {
    cases.push({
      family: 'cluster creation',
      name: `create a cluster while the management cluster (dev) is ${fault}`,
      cluster: 'dev',
      cause,
      audit: 'cluster.create',
      inject: on(dev, settings),
      act: () =>
        send('POST', `${API}/cluster-api/clusters`, {
          request: dockerClusterRequest(name),
        }),
      heal: healAll,
    });
  }

  for (const fault of [SERVER_FAULTS[0], SERVER_FAULTS[2], SERVER_FAULTS[1]]) {
    cases.push({
      family: 'scan sync',
      name: `sync VulnerabilityReports while prod is ${fault.name}`,
      cluster: 'prod',
      cause: fault.cause,
      audit: 'imagescan.sync',
      inject: on(prod, fault.settings),
      act: () => send('POST', `${API}/image-scans/sync`, {}),
      heal: healAll,
    });
  }
  return cases;
}
