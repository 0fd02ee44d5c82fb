import { dockerClusterRequest } from '../../__testUtils__/clusterRequests';
import { CaseTarget } from './expectedDecision';
import { Person } from '../../__testUtils__/startMatrixBackend';

/** What one request came back with. */
export interface Outcome {
  status: number;
  message?: string;
  body?: any;
}

/** Sends a request to the backend as a person. */
export type Call = (
  person: Person,
  method: string,
  path: string,
  options?: { body?: unknown; headers?: Record<string, string> },
) => Promise<Outcome>;

/** One row of the matrix: a request, the permission it needs, and where it acts. */
export interface MatrixCase {
  name: string;
  permission: string;
  target: CaseTarget;
  run: (person: Person) => Promise<Outcome>;
}

const WORKER = '/api/cocktail/servers/default/payments-worker';

/** A completed backup of payments-dev that the matrix restores (dry run) from. */
export const MATRIX_BACKUP = 'payments-dev-matrix';
const SEARCH_API = '/api/cocktail/servers/default/search-api';

/** A small Trivy report of the image Payments API runs. */
export const PAYMENTS_API_REPORT = {
  SchemaVersion: 2,
  CreatedAt: '2026-12-01T10:00:00Z',
  ArtifactName: 'harbor.example.com/payments/api:1.4.2',
  ArtifactType: 'container_image',
  Metadata: { RepoTags: ['harbor.example.com/payments/api:1.4.2'] },
  Results: [
    {
      Target: 'harbor.example.com/payments/api:1.4.2 (debian 12.8)',
      Class: 'os-pkgs',
      Type: 'debian',
      Vulnerabilities: [
        {
          VulnerabilityID: 'CVE-2026-0001',
          PkgName: 'openssl',
          InstalledVersion: '3.0.15-1',
          FixedVersion: '3.0.16-1',
          Severity: 'HIGH',
          Title: 'openssl: a flaw',
        },
      ],
    },
  ],
};

/** Every Cocktail endpoint, and the Kubernetes proxy, as rows of the matrix. */
export function endpointCases(
  call: Call,
  context: { scanId: () => string; rollbackRevision: () => Promise<string> },
): MatrixCase[] {
  const payments = { service: 'payments' as const };
  const erin: Person = 'erin';
  const search = { service: 'search' as const };
  const get = (path: string) => (person: Person) => call(person, 'GET', path);
  const post =
    (path: string, body: unknown = {}) =>
    (person: Person) =>
      call(person, 'POST', path, { body });
  return [
    {
      name: 'GET /clusters',
      permission: 'cocktail.cluster.read',
      target: {},
      run: get('/api/cocktail/clusters'),
    },
    {
      name: 'GET /clusters/prod',
      permission: 'cocktail.cluster.read',
      target: {},
      run: get('/api/cocktail/clusters/prod'),
    },
    {
      name: 'GET /clusters/prod/access',
      permission: 'cocktail.access.cluster',
      target: { cluster: 'prod' },
      run: get('/api/cocktail/clusters/prod/access'),
    },
    {
      name: 'POST /clusters/prod/access (cluster-wide read, 5 minutes)',
      permission: 'cocktail.access.cluster',
      target: { cluster: 'prod' },
      run: post('/api/cocktail/clusters/prod/access', {
        durationMinutes: 5,
        reason: 'permission matrix',
      }),
    },
    {
      name: 'GET payments-worker/status',
      permission: 'cocktail.server.read',
      target: payments,
      run: get(`${WORKER}/status`),
    },
    {
      name: 'GET search-api/status',
      permission: 'cocktail.server.read',
      target: search,
      run: get(`${SEARCH_API}/status`),
    },
    {
      name: 'GET payments-worker/drift',
      permission: 'cocktail.server.read',
      target: payments,
      run: get(`${WORKER}/drift`),
    },
    {
      name: 'GET payments-worker/metrics',
      permission: 'cocktail.server.read',
      target: payments,
      run: get(`${WORKER}/metrics`),
    },
    {
      name: 'GET payments-worker/monitoring (6h)',
      permission: 'cocktail.server.read',
      target: payments,
      run: get(`${WORKER}/monitoring?range=6h`),
    },
    {
      name: 'GET search-api/monitoring',
      permission: 'cocktail.server.read',
      target: search,
      run: get(`${SEARCH_API}/monitoring`),
    },
    {
      name: 'GET servicemaps/payments-prod/monitoring',
      permission: 'cocktail.server.read',
      target: payments,
      run: get('/api/cocktail/servicemaps/default/payments-prod/monitoring'),
    },
    {
      name: 'GET services/payments/monitoring (7d)',
      permission: 'cocktail.server.read',
      target: payments,
      run: get('/api/cocktail/services/default/payments/monitoring?range=7d'),
    },
    {
      name: 'GET /clusters/prod/monitoring',
      permission: 'cocktail.cluster.read',
      target: {},
      run: get('/api/cocktail/clusters/prod/monitoring'),
    },
    {
      name: 'GET payments-worker/alerts',
      permission: 'cocktail.server.read',
      target: payments,
      run: get(`${WORKER}/alerts`),
    },
    {
      name: 'GET services/search/alerts',
      permission: 'cocktail.server.read',
      target: search,
      run: get('/api/cocktail/services/default/search/alerts'),
    },
    {
      name: 'GET /clusters/prod/alerts',
      permission: 'cocktail.cluster.read',
      target: {},
      run: get('/api/cocktail/clusters/prod/alerts'),
    },
    {
      name: 'POST payments-worker/alerts/silences',
      permission: 'cocktail.alert.silence',
      target: payments,
      run: post(`${WORKER}/alerts/silences`, {
        durationMinutes: 10,
        comment: 'permission matrix',
      }),
    },
    {
      name: 'POST servicemaps/payments-prod/alerts/silences',
      permission: 'cocktail.alert.silence',
      target: payments,
      run: post(
        '/api/cocktail/servicemaps/default/payments-prod/alerts/silences',
        {
          durationMinutes: 10,
          comment: 'permission matrix',
          alertname: 'CocktailPodRestarting',
        },
      ),
    },
    {
      name: 'DELETE search-api/alerts/silences/:id',
      permission: 'cocktail.alert.silence',
      target: search,
      // A silence of its own for each person, made by a platform admin.
      run: async person => {
        const made = await call(erin, 'POST', `${SEARCH_API}/alerts/silences`, {
          body: { durationMinutes: 10, comment: 'permission matrix' },
        });
        if (made.status !== 201) {
          return made;
        }
        return call(
          person,
          'DELETE',
          `${SEARCH_API}/alerts/silences/${made.body.result.id}`,
        );
      },
    },
    {
      name: 'GET services/payments/cost (30d)',
      permission: 'cocktail.cost.read',
      target: payments,
      run: get('/api/cocktail/services/default/payments/cost?period=30d'),
    },
    {
      name: 'GET servicemaps/search-prod/cost',
      permission: 'cocktail.cost.read',
      target: search,
      run: get('/api/cocktail/servicemaps/default/search-prod/cost'),
    },
    {
      name: 'GET /clusters/prod/cost',
      permission: 'cocktail.cost.read',
      target: { cluster: 'prod' },
      run: get('/api/cocktail/clusters/prod/cost'),
    },
    {
      name: 'GET servicemaps/payments-prod/summary',
      permission: 'cocktail.server.read',
      target: payments,
      run: get('/api/cocktail/servicemaps/default/payments-prod/summary'),
    },
    {
      name: 'GET services/payments/summary',
      permission: 'cocktail.server.read',
      target: payments,
      run: get('/api/cocktail/services/default/payments/summary'),
    },
    {
      name: 'GET servers/inline-status (payments-api)',
      permission: 'cocktail.server.read',
      target: payments,
      run: get(
        '/api/cocktail/servers/inline-status?entityRef=cocktailserver:default/payments-api&cluster=prod&namespace=payments-prod&server=payments-api',
      ),
    },
    {
      name: 'POST payments-worker/deploy (dry run)',
      permission: 'cocktail.server.deploy',
      target: payments,
      run: post(`${WORKER}/deploy`, { dryRun: true }),
    },
    {
      name: 'POST payments-worker/rolling-update',
      permission: 'cocktail.server.rolling-update',
      target: payments,
      run: post(`${WORKER}/rolling-update`, {
        images: { worker: 'harbor.example.com/payments/api:1.4.3' },
      }),
    },
    {
      name: 'POST payments-worker/restart',
      permission: 'cocktail.server.restart',
      target: payments,
      run: post(`${WORKER}/restart`),
    },
    {
      name: 'POST payments-worker/scale',
      permission: 'cocktail.server.scale',
      target: payments,
      run: post(`${WORKER}/scale`, { replicas: 2 }),
    },
    {
      name: 'POST payments-worker/autoscaling (off)',
      permission: 'cocktail.server.autoscale',
      target: payments,
      run: post(`${WORKER}/autoscaling`, { enabled: false }),
    },
    {
      name: 'POST payments-worker/rollback',
      permission: 'cocktail.server.rollback',
      target: payments,
      run: async person =>
        call(person, 'POST', `${WORKER}/rollback`, {
          body: { revision: await context.rollbackRevision() },
        }),
    },
    {
      name: 'POST payments-worker/suspend, then /resume',
      permission: 'cocktail.server.suspend',
      target: payments,
      run: async person => {
        const suspended = await call(person, 'POST', `${WORKER}/suspend`);
        return suspended.status === 200
          ? call(person, 'POST', `${WORKER}/resume`)
          : suspended;
      },
    },
    {
      name: 'DELETE payments-worker (dry run)',
      permission: 'cocktail.server.delete',
      target: payments,
      run: person => call(person, 'DELETE', `${WORKER}?dryRun=true`),
    },
    {
      name: 'POST search-api/restart',
      permission: 'cocktail.server.restart',
      target: search,
      run: post(`${SEARCH_API}/restart`),
    },
    {
      name: 'DELETE search-api (dry run)',
      permission: 'cocktail.server.delete',
      target: search,
      run: person => call(person, 'DELETE', `${SEARCH_API}?dryRun=true`),
    },
    {
      name: 'POST servers/deploy inline into payments-dev (dry run)',
      permission: 'cocktail.server.deploy',
      target: payments,
      run: post('/api/cocktail/servers/deploy', {
        dryRun: true,
        server: {
          apiVersion: 'cocktailcloud.io/v1alpha1',
          kind: 'CocktailServer',
          metadata: { name: 'payments-matrix', namespace: 'default' },
          spec: {
            serviceMap: 'payments-dev',
            type: 'Deployment',
            replicas: 1,
            containers: [
              { name: 'app', image: 'harbor.example.com/payments/api:1.4.2' },
            ],
          },
        },
      }),
    },
    {
      name: 'POST servicemaps/payments-dev/provision (dry run)',
      permission: 'cocktail.servicemap.provision',
      target: payments,
      run: post('/api/cocktail/servicemaps/default/payments-dev/provision', {
        dryRun: true,
      }),
    },
    {
      name: 'GET servicemaps/payments-dev/access',
      permission: 'cocktail.access.request',
      target: payments,
      run: get('/api/cocktail/servicemaps/default/payments-dev/access'),
    },
    {
      name: 'POST servicemaps/payments-dev/access (view, 5 minutes)',
      permission: 'cocktail.access.request',
      target: payments,
      run: post('/api/cocktail/servicemaps/default/payments-dev/access', {
        role: 'view',
        durationMinutes: 5,
        reason: 'permission matrix',
      }),
    },
    {
      name: 'GET audit?entityRef=payments-worker',
      permission: 'cocktail.audit.read',
      target: payments,
      run: get(
        '/api/cocktail/audit?entityRef=cocktailserver:default/payments-worker',
      ),
    },
    {
      name: 'GET audit/export?entityRef=search-api',
      permission: 'cocktail.audit.read',
      target: search,
      run: get(
        '/api/cocktail/audit/export?format=json&entityRef=cocktailserver:default/search-api',
      ),
    },
    {
      name: 'POST image-scans (upload)',
      permission: 'cocktail.imagescan.create',
      target: {},
      run: person =>
        call(person, 'POST', '/api/cocktail/image-scans', {
          body: PAYMENTS_API_REPORT,
        }),
    },
    {
      name: 'POST image-scans/sync',
      permission: 'cocktail.imagescan.create',
      target: {},
      run: post('/api/cocktail/image-scans/sync'),
    },
    {
      name: 'GET payments-api/image-scans',
      permission: 'cocktail.imagescan.read',
      target: payments,
      run: get('/api/cocktail/servers/default/payments-api/image-scans'),
    },
    {
      name: 'GET servicemaps/search-prod/image-scans',
      permission: 'cocktail.imagescan.read',
      target: search,
      run: get('/api/cocktail/servicemaps/default/search-prod/image-scans'),
    },
    {
      name: 'GET services/payments/image-scans',
      permission: 'cocktail.imagescan.read',
      target: payments,
      run: get('/api/cocktail/services/default/payments/image-scans'),
    },
    {
      name: 'GET image-scans/:id/findings (payments-api image)',
      permission: 'cocktail.imagescan.read',
      target: payments,
      run: person =>
        call(
          person,
          'GET',
          `/api/cocktail/image-scans/${context.scanId()}/findings`,
        ),
    },
    {
      name: 'POST cluster-api/clusters (dry run)',
      permission: 'cocktail.cluster.create',
      target: {},
      run: post('/api/cocktail/cluster-api/clusters', {
        dryRun: true,
        request: dockerClusterRequest('matrix'),
      }),
    },
    {
      name: 'GET cluster-api/clusters/default/demo',
      permission: 'cocktail.cluster.read',
      target: {},
      run: get('/api/cocktail/cluster-api/clusters/default/demo'),
    },
    {
      name: 'POST cluster-api/…/demo/upgrade (dry run)',
      permission: 'cocktail.cluster.update',
      target: { cluster: 'demo' },
      run: post('/api/cocktail/cluster-api/clusters/default/demo/upgrade', {
        version: 'v1.33.1',
        dryRun: true,
      }),
    },
    {
      name: 'POST cluster-api/…/demo/scale (dry run)',
      permission: 'cocktail.cluster.update',
      target: { cluster: 'demo' },
      run: post('/api/cocktail/cluster-api/clusters/default/demo/scale', {
        nodePool: 'workers',
        replicas: 3,
        dryRun: true,
      }),
    },
    {
      name: 'GET cluster-api/…/demo/overview',
      permission: 'cocktail.cluster.read',
      target: {},
      run: get('/api/cocktail/cluster-api/clusters/default/demo/overview'),
    },
    {
      name: 'GET cluster-api/…/demo/addons',
      permission: 'cocktail.cluster.read',
      target: {},
      run: get('/api/cocktail/cluster-api/clusters/default/demo/addons'),
    },
    {
      name: 'POST cluster-api/…/demo/addons (install, dry run)',
      permission: 'cocktail.cluster.update',
      target: { cluster: 'demo' },
      run: post('/api/cocktail/cluster-api/clusters/default/demo/addons', {
        addon: 'ingress-nginx',
        action: 'install',
        dryRun: true,
      }),
    },
    {
      name: 'POST cluster-api/…/demo/delete (dry run)',
      permission: 'cocktail.cluster.delete',
      target: { cluster: 'demo' },
      run: post('/api/cocktail/cluster-api/clusters/default/demo/delete', {
        dryRun: true,
      }),
    },
    {
      name: 'GET clusters/dev/nodes/dev-node-2/pods',
      permission: 'cocktail.cluster.update',
      target: { cluster: 'dev' },
      run: get('/api/cocktail/clusters/dev/nodes/dev-node-2/pods'),
    },
    {
      name: 'POST clusters/dev/nodes/dev-node-2/cordon (dry run)',
      permission: 'cocktail.cluster.update',
      target: { cluster: 'dev' },
      run: post('/api/cocktail/clusters/dev/nodes/dev-node-2/cordon', {
        dryRun: true,
      }),
    },
    {
      name: 'POST clusters/dev/nodes/dev-node-2/drain (dry run)',
      permission: 'cocktail.cluster.update',
      target: { cluster: 'dev' },
      run: post('/api/cocktail/clusters/dev/nodes/dev-node-2/drain', {
        dryRun: true,
      }),
    },
    {
      name: 'GET servicemaps/payments-dev/backups',
      permission: 'cocktail.backup.read',
      target: payments,
      run: get('/api/cocktail/servicemaps/default/payments-dev/backups'),
    },
    {
      name: 'POST servicemaps/payments-dev/backups (dry run)',
      permission: 'cocktail.backup.create',
      target: payments,
      run: post('/api/cocktail/servicemaps/default/payments-dev/backups', {
        name: 'matrix-dry-run',
        dryRun: true,
      }),
    },
    {
      name: 'POST servicemaps/payments-dev/restores (dry run)',
      permission: 'cocktail.backup.restore',
      target: payments,
      run: post('/api/cocktail/servicemaps/default/payments-dev/restores', {
        backup: MATRIX_BACKUP,
        dryRun: true,
      }),
    },
    {
      name: 'GET servicemaps/search-dev/backups',
      permission: 'cocktail.backup.read',
      target: search,
      run: get('/api/cocktail/servicemaps/default/search-dev/backups'),
    },
    {
      name: 'GET clusters/dev/backups',
      permission: 'cocktail.backup.read',
      target: { cluster: 'dev' },
      run: get('/api/cocktail/clusters/dev/backups'),
    },
    {
      name: 'POST clusters/dev/backups (dry run)',
      permission: 'cocktail.backup.create',
      target: { cluster: 'dev' },
      run: post('/api/cocktail/clusters/dev/backups', {
        name: 'matrix-cluster-dry-run',
        dryRun: true,
      }),
    },
    {
      name: 'GET access?entityRef=payments-worker',
      permission: 'cocktail.cluster.read',
      target: {},
      run: get(
        '/api/cocktail/access?entityRef=cocktailserver:default/payments-worker',
      ),
    },
    {
      name: 'GET kubernetes proxy pods of payments-prod',
      permission: 'kubernetes.proxy',
      target: {},
      run: person =>
        call(
          person,
          'GET',
          '/api/kubernetes/proxy/api/v1/namespaces/payments-prod/pods',
          { headers: { 'Backstage-Kubernetes-Cluster': 'prod' } },
        ),
    },
  ];
}
