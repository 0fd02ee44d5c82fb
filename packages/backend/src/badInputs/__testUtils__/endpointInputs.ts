import { PAYMENTS_API_REPORT } from '../../permissionMatrix/__testUtils__/matrixCases';
import { dockerClusterRequest } from '../../__testUtils__/clusterRequests';
import { badValue, badVariants, BadVariant } from './badVariants';

/** A bad request: what it is, the field its refusal has to name, and how to send it. */
export interface BadRequest {
  family: string;
  change: string;
  field: string;
  method: string;
  path: string;
  body?: unknown;
  /** Send `body` as it is, not as JSON. */
  raw?: boolean;
}

const API = '/api/cocktail';
const WORKER = `${API}/servers/default/payments-worker`;

/** An endpoint with a JSON body: a good body, and the bad ones made from it by hand. */
interface BodyEndpoint {
  name: string;
  path: string;
  method?: string;
  good: Record<string, unknown>;
  openObjects?: (field: string) => boolean;
  skip?: (field: string) => boolean;
  extra?: BadVariant[];
}

const BODY_ENDPOINTS: BodyEndpoint[] = [
  {
    name: 'POST …/deploy',
    path: `${WORKER}/deploy`,
    good: { dryRun: true },
    extra: [
      badValue('overrideReason', { dryRun: true, overrideReason: 'because' }),
      badValue('overrideReason', { overrideScanGate: true }),
    ],
  },
  {
    name: 'POST …/rolling-update',
    path: `${WORKER}/rolling-update`,
    good: {
      images: { worker: 'harbor.example.com/payments/api:1.4.3' },
      dryRun: true,
    },
    extra: [
      badValue('images', { images: {}, dryRun: true }, 'images = {}'),
      badValue('images.worker', {
        images: { worker: 'no tag or digest' },
        dryRun: true,
      }),
      badValue('images', {
        images: { 'Not A Container': 'harbor.example.com/a:1' },
        dryRun: true,
      }),
      badValue('images', { dryRun: true }, 'images missing'),
    ],
  },
  { name: 'POST …/restart', path: `${WORKER}/restart`, good: {} },
  { name: 'POST …/suspend', path: `${WORKER}/suspend`, good: {} },
  { name: 'POST …/resume', path: `${WORKER}/resume`, good: {} },
  {
    name: 'POST …/scale',
    path: `${WORKER}/scale`,
    good: { replicas: 2 },
    extra: [
      badValue('replicas', { replicas: -1 }),
      badValue('replicas', { replicas: 1001 }),
      badValue('replicas', { replicas: 1.5 }),
      badValue('replicas', {}, 'replicas missing'),
    ],
  },
  {
    name: 'POST …/autoscaling',
    path: `${WORKER}/autoscaling`,
    good: { minReplicas: 2, maxReplicas: 4, targetCPUUtilization: 70 },
    extra: [
      badValue('minReplicas', { minReplicas: 5, maxReplicas: 2 }),
      badValue('targetCPUUtilization', {
        minReplicas: 1,
        maxReplicas: 2,
        targetCPUUtilization: 101,
      }),
      badValue('minReplicas', { minReplicas: 0, maxReplicas: 2 }),
      badValue('enabled', { enabled: true }),
    ],
  },
  {
    name: 'POST …/rollback',
    path: `${WORKER}/rollback`,
    good: { revision: '1', dryRun: true },
    // A revision may be given as a number too.
    skip: field => field === 'revision',
    extra: [
      badValue('revision', { revision: 'latest', dryRun: true }),
      badValue('revision', { revision: 0, dryRun: true }),
      badValue('revision', { revision: '1.5', dryRun: true }),
      badValue('revision', { revision: ['1'], dryRun: true }),
    ],
  },
  {
    name: 'POST servers/deploy (inline)',
    path: `${API}/servers/deploy`,
    good: {
      dryRun: true,
      server: {
        apiVersion: 'cocktailcloud.io/v1alpha1',
        kind: 'CocktailServer',
        metadata: { name: 'payments-bad-input', namespace: 'default' },
        spec: {
          serviceMap: 'payments-dev',
          type: 'Deployment',
          replicas: 1,
          containers: [
            { name: 'app', image: 'harbor.example.com/payments/api:1.4.2' },
          ],
        },
      },
    },
    // Entity metadata may carry any field, as every catalog entity's does.
    openObjects: field => field === 'server' || field === 'server.metadata',
    extra: [
      badValue('server.spec.type', {
        dryRun: true,
        server: {
          apiVersion: 'cocktailcloud.io/v1alpha1',
          kind: 'CocktailServer',
          metadata: { name: 'payments-bad-input' },
          spec: {
            serviceMap: 'payments-dev',
            type: 'Pod',
            containers: [{ name: 'app', image: 'nginx:1.27' }],
          },
        },
      }),
    ],
  },
  {
    name: 'POST servicemaps/…/provision',
    path: `${API}/servicemaps/default/payments-dev/provision`,
    good: { dryRun: true, defaultDenyNetworkPolicy: false },
  },
  {
    name: 'POST servicemaps/…/access',
    path: `${API}/servicemaps/default/payments-dev/access`,
    good: { role: 'view', durationMinutes: 10, reason: 'bad inputs' },
    extra: [
      badValue('role', {
        role: 'root',
        durationMinutes: 10,
        reason: 'bad inputs',
      }),
      badValue('durationMinutes', {
        role: 'view',
        durationMinutes: 0,
        reason: 'bad inputs',
      }),
      badValue('durationMinutes', {
        role: 'view',
        durationMinutes: 100_000,
        reason: 'bad inputs',
      }),
      badValue('reason', { role: 'view', durationMinutes: 10, reason: '' }),
    ],
  },
  {
    name: 'POST clusters/…/access',
    path: `${API}/clusters/prod/access`,
    good: { durationMinutes: 10, reason: 'bad inputs' },
    extra: [
      badValue('durationMinutes', { durationMinutes: 0, reason: 'bad inputs' }),
      badValue('reason', { durationMinutes: 10, reason: 'why' }),
    ],
  },
  {
    name: 'POST …/alerts/silences',
    path: `${WORKER}/alerts/silences`,
    good: {
      durationMinutes: 30,
      comment: 'bad inputs',
      alertname: 'CocktailPodRestarting',
    },
    extra: [
      badValue('durationMinutes', {
        durationMinutes: 0,
        comment: 'bad inputs',
      }),
      badValue('durationMinutes', {
        durationMinutes: 20_000,
        comment: 'bad inputs',
      }),
      badValue('comment', { durationMinutes: 30, comment: 'ok' }),
      badValue('alertname', {
        durationMinutes: 30,
        comment: 'bad inputs',
        alertname: 'not a rule',
      }),
    ],
  },
  {
    name: 'POST servicemaps/…/alerts/silences',
    path: `${API}/servicemaps/default/payments-prod/alerts/silences`,
    good: { durationMinutes: 30, comment: 'bad inputs' },
  },
  {
    name: 'POST cluster-api/clusters',
    path: `${API}/cluster-api/clusters`,
    good: {
      dryRun: true,
      request: dockerClusterRequest('bad-input'),
    },
    extra: [
      badValue('request.provider', {
        dryRun: true,
        request: {
          name: 'bad-input',
          provider: 'mainframe',
          kubernetesVersion: 'v1.32.2',
          nodePools: [{ name: 'workers', replicas: 1 }],
        },
      }),
      badValue('request.kubernetesVersion', {
        dryRun: true,
        request: {
          name: 'bad-input',
          provider: 'docker',
          kubernetesVersion: 'latest',
          nodePools: [{ name: 'workers', replicas: 1 }],
        },
      }),
      badValue('owner', {
        dryRun: true,
        owner: 'platform-team',
        request: {
          name: 'bad-input',
          provider: 'docker',
          kubernetesVersion: 'v1.32.2',
          nodePools: [{ name: 'workers', replicas: 1 }],
        },
      }),
    ],
  },
  {
    name: 'POST cluster-api/…/upgrade',
    path: `${API}/cluster-api/clusters/default/demo/upgrade`,
    good: { version: 'v1.33.1', stage: 'control-plane', dryRun: true },
    extra: [
      badValue('stage', {
        version: 'v1.33.1',
        stage: 'everything',
        dryRun: true,
      }),
      badValue('version', { dryRun: true }, 'version missing'),
    ],
  },
  {
    name: 'POST cluster-api/…/scale',
    path: `${API}/cluster-api/clusters/default/demo/scale`,
    good: { nodePool: 'workers', replicas: 3, dryRun: true },
    extra: [
      badValue('replicas', { nodePool: 'workers', replicas: -2, dryRun: true }),
      badValue('nodePool', { nodePool: 'Workers!', replicas: 2, dryRun: true }),
    ],
  },
  {
    name: 'POST cluster-api/…/remove-node-pool',
    path: `${API}/cluster-api/clusters/default/demo/remove-node-pool`,
    good: { nodePool: 'workers', dryRun: true },
    extra: [badValue('nodePool', { nodePool: 'Workers!', dryRun: true })],
  },
  {
    name: 'POST cluster-api/…/replace-machine',
    path: `${API}/cluster-api/clusters/default/demo/replace-machine`,
    good: { machine: 'demo-workers-abcde', dryRun: true },
    extra: [
      badValue('machine', { machine: '', dryRun: true }, 'machine empty'),
    ],
  },
  {
    name: 'POST cluster-api/…/delete',
    path: `${API}/cluster-api/clusters/default/demo/delete`,
    good: { confirm: 'demo', force: false, dryRun: true },
    extra: [badValue('confirm', { confirm: 'dem' }, 'confirm mistyped')],
  },
  {
    name: 'POST cluster-api/…/addons',
    path: `${API}/cluster-api/clusters/default/demo/addons`,
    good: { addon: 'ingress-nginx', action: 'install', dryRun: true },
    extra: [
      badValue('action', {
        addon: 'calico',
        action: 'reinstall',
        dryRun: true,
      }),
      badValue('addon', { addon: 'Calico!', action: 'install', dryRun: true }),
    ],
  },
  {
    name: 'POST clusters/dev/nodes/…/drain',
    path: `${API}/clusters/dev/nodes/dev-node-2/drain`,
    good: { dryRun: true, force: false, timeoutSeconds: 30 },
    extra: [
      badValue('timeoutSeconds', { dryRun: true, timeoutSeconds: 0 }),
      badValue('timeoutSeconds', { dryRun: true, timeoutSeconds: 3601 }),
    ],
  },
  {
    name: 'POST clusters/dev/nodes/…/cordon',
    path: `${API}/clusters/dev/nodes/dev-node-2/cordon`,
    good: { dryRun: true },
  },
  {
    name: 'POST servicemaps/…/backups',
    path: `${API}/servicemaps/default/payments-dev/backups`,
    good: {
      name: 'bad-input',
      schedule: '0 3 * * *',
      ttl: '24h',
      dryRun: true,
    },
    extra: [
      badValue('schedule', { schedule: 'every night', dryRun: true }),
      badValue('ttl', { ttl: '3 days', dryRun: true }),
      badValue('name', { name: 'Bad_Name', dryRun: true }),
    ],
  },
  {
    name: 'POST servicemaps/…/restores',
    path: `${API}/servicemaps/default/payments-dev/restores`,
    good: {
      backup: 'payments-dev-backup',
      targetNamespace: 'payments-copy',
      dryRun: true,
    },
    extra: [
      badValue('backup', { dryRun: true }, 'backup missing'),
      badValue('targetNamespace', {
        backup: 'b',
        targetNamespace: 'kube-system',
        dryRun: true,
      }),
      badValue('targetNamespace', {
        backup: 'b',
        targetNamespace: 'Not A Namespace',
        dryRun: true,
      }),
    ],
  },
  {
    name: 'POST clusters/dev/backups',
    path: `${API}/clusters/dev/backups`,
    good: { namespace: 'payments-dev', ttl: '24h', dryRun: true },
    extra: [badValue('namespace', { namespace: 'Payments', dryRun: true })],
  },
  {
    name: 'POST image-scans/sync',
    path: `${API}/image-scans/sync`,
    good: {},
  },
  {
    name: 'POST image-scans',
    path: `${API}/image-scans`,
    good: PAYMENTS_API_REPORT,
    // Trivy adds fields between versions; a report's objects take any extra field, and its
    // free-text fields take what Trivy wrote.
    openObjects: () => true,
    skip: field =>
      /^(Metadata|CreatedAt|Results\[0\]\.(Target|Class|Type)|.*\.(Title|InstalledVersion|FixedVersion))/.test(
        field,
      ),
  },
];

/** Query strings: each parameter with values it must refuse, plus an unknown parameter. */
interface QueryEndpoint {
  name: string;
  method?: string;
  path: string;
  good: Record<string, string>;
  bad: Record<string, string[]>;
}

const QUERY_ENDPOINTS: QueryEndpoint[] = [
  {
    name: 'GET audit',
    path: `${API}/audit`,
    good: { limit: '10' },
    bad: {
      limit: ['0', 'ten', '501', '1.5'],
      outcome: ['maybe'],
      from: ['yesterday', '2026-13-45'],
      to: ['soon'],
      entityRef: ['payments-worker', ':/'],
      includeIntents: ['maybe'],
      action: ['Server Scale!'],
    },
  },
  {
    name: 'GET audit/export',
    path: `${API}/audit/export`,
    good: { format: 'json' },
    bad: { format: ['xml', 'CSV'], outcome: ['all'] },
  },
  {
    name: 'DELETE a server',
    method: 'DELETE',
    path: WORKER,
    good: { dryRun: 'true' },
    bad: { dryRun: ['maybe', 'yes', '1', ''] },
  },
  {
    name: 'GET servers/inline-status',
    path: `${API}/servers/inline-status`,
    good: {
      entityRef: 'cocktailserver:default/payments-api',
      cluster: 'prod',
      namespace: 'payments-prod',
      server: 'payments-api',
    },
    bad: { cluster: ['Not A Cluster!'] },
  },
  {
    name: 'GET server monitoring',
    path: `${WORKER}/monitoring`,
    good: { range: '6h' },
    bad: { range: ['2h', '1d', '', 'all'] },
  },
  {
    name: 'GET ServiceMap monitoring',
    path: `${API}/servicemaps/default/payments-prod/monitoring`,
    good: { range: '24h' },
    bad: { range: ['30m'] },
  },
  {
    name: 'GET Service monitoring',
    path: `${API}/services/default/payments/monitoring`,
    good: { range: '7d' },
    bad: { range: ['1w'] },
  },
  {
    name: 'GET cluster monitoring',
    path: `${API}/clusters/prod/monitoring`,
    good: { range: '1h' },
    bad: { range: ['60m'] },
  },
  {
    name: 'GET Service cost',
    path: `${API}/services/default/payments/cost`,
    good: { period: '30d' },
    bad: { period: ['1h', '1m', ''] },
  },
  {
    name: 'GET cluster cost',
    path: `${API}/clusters/prod/cost`,
    good: { period: '24h' },
    bad: { period: ['week'] },
  },
  {
    name: 'GET access',
    path: `${API}/access`,
    good: { entityRef: 'cocktailserver:default/payments-worker' },
    bad: { entityRef: ['payments-worker', 'cocktailserver:default/'] },
  },
  {
    name: 'POST image-scans (query)',
    method: 'POST',
    path: `${API}/image-scans`,
    good: {},
    bad: { format: ['pdf'], image: ['not an image', 'UPPER/Case:1'] },
  },
];

function withQuery(path: string, query: Record<string, string>) {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

function queryRequests(endpoint: QueryEndpoint): BadRequest[] {
  const method = endpoint.method ?? 'GET';
  const requests: BadRequest[] = [
    {
      family: 'query: unknown parameter',
      change: 'unexpectedField=1',
      field: 'unexpectedField',
      method,
      path: withQuery(endpoint.path, {
        ...endpoint.good,
        unexpectedField: '1',
      }),
      body: method === 'POST' ? PAYMENTS_API_REPORT : undefined,
    },
  ];
  for (const [field, values] of Object.entries(endpoint.bad)) {
    for (const value of values) {
      requests.push({
        family: 'query: bad value',
        change: `${field}=${value}`,
        field,
        method,
        path: withQuery(endpoint.path, { ...endpoint.good, [field]: value }),
        body: method === 'POST' ? PAYMENTS_API_REPORT : undefined,
      });
    }
  }
  // A range that ends before it starts.
  if (endpoint.path.endsWith('/audit')) {
    requests.push({
      family: 'query: bad value',
      change: 'from after to',
      field: 'from',
      method,
      path: withQuery(endpoint.path, {
        from: '2026-12-02T00:00:00Z',
        to: '2026-12-01T00:00:00Z',
      }),
    });
  }
  return requests;
}

/** Path parameters that are not names. */
const PATH_REQUESTS: BadRequest[] = [
  ['GET', `${API}/servers/default/Bad_Name!/status`, 'name'],
  ['GET', `${API}/servers/Not A Namespace/payments-worker/status`, 'namespace'],
  ['POST', `${WORKER}/explode`, 'operation'],
  ['GET', `${API}/clusters/Not_A_Cluster!`, 'cluster'],
  ['GET', `${API}/clusters/Not_A_Cluster!/monitoring`, 'cluster'],
  ['GET', `${API}/servicemaps/default/-bad-/monitoring`, 'name'],
  ['DELETE', `${WORKER}/alerts/silences/not-a-uuid`, 'id'],
  ['GET', `${API}/services/default/Bad!/alerts`, 'name'],
  ['GET', `${API}/cluster-api/clusters/default/Bad!Name`, 'name'],
  ['GET', `${API}/servicemaps/default/-bad-/summary`, 'name'],
  ['GET', `${API}/services/default/bad..name/summary`, 'name'],
  ['GET', `${API}/image-scans/abc/findings`, 'id'],
  ['GET', `${API}/image-scans/0/findings`, 'id'],
  ['GET', `${API}/servers/default/payments_api!/image-scans`, 'name'],
].map(([method, path, field]) => ({
  family: 'path parameter',
  change: path,
  field,
  method,
  path: encodeURI(path),
  body: method === 'POST' ? {} : undefined,
}));

/** JSON that does not parse. */
const UNPARSABLE: BadRequest = {
  family: 'body: not JSON',
  change: '{"replicas": ',
  field: 'body',
  method: 'POST',
  path: `${WORKER}/scale`,
  body: '{"replicas": ',
  raw: true,
};

/** Every bad request for the Cocktail API. */
export function endpointRequests(): BadRequest[] {
  const requests: BadRequest[] = [UNPARSABLE, ...PATH_REQUESTS];
  for (const endpoint of BODY_ENDPOINTS) {
    const generated = badVariants(endpoint.good, {
      root: 'body',
      openObjects: endpoint.openObjects,
      skip: endpoint.skip,
    });
    for (const variant of [...generated, ...(endpoint.extra ?? [])]) {
      requests.push({
        family: `body: ${variant.kind}`,
        change: `${endpoint.name}: ${variant.change}`,
        field: variant.field,
        method: endpoint.method ?? 'POST',
        path: endpoint.path,
        body: variant.value,
      });
    }
  }
  for (const endpoint of QUERY_ENDPOINTS) {
    requests.push(
      ...queryRequests(endpoint).map(r => ({
        ...r,
        change: `${endpoint.name}: ${r.change}`,
      })),
    );
  }
  return requests;
}
