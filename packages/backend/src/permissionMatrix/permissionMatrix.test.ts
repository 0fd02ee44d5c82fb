import path from 'node:path';
import {
  alertmanagerAvailable,
  startAlertmanager,
} from '@cocktailcloud/kube-sim';
import { createDemoCluster } from '../__testUtils__/clusterRequests';
import { expectedAllowed, STANDING } from './__testUtils__/expectedDecision';
import { actionCases } from './__testUtils__/actionCases';
import {
  Call,
  endpointCases,
  MATRIX_BACKUP,
  MatrixCase,
  Outcome,
  PAYMENTS_API_REPORT,
} from './__testUtils__/matrixCases';
import {
  authorizationOf,
  Person,
  PEOPLE,
  startMatrixBackend,
} from '../__testUtils__/startMatrixBackend';

// Every Cocktail endpoint and scaffolder action, as each of the demo's people, through the real
// backend: the catalog with the example entities, the permission backend with the shipped
// policy, the Cocktail and Kubernetes plugins, and simulated clusters. What each person should
// get comes from the role table in cocktail-common (the README's table), not from the policy.

jest.setTimeout(240_000);

const people = Object.keys(PEOPLE) as Person[];

describe('the permission matrix', () => {
  let started: Awaited<ReturnType<typeof startMatrixBackend>>;
  let alertmanager: Awaited<ReturnType<typeof startAlertmanager>> | undefined;
  let call: Call;
  let scanId = '';
  let lastSeen = '';

  async function until(what: string, ready: () => Promise<boolean>) {
    const deadline = Date.now() + 90_000;
    while (!(await ready())) {
      if (Date.now() > deadline)
        throw new Error(
          `timed out waiting for ${what}; last seen: ${lastSeen}`,
        );
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    // Silences need a real Alertmanager; where it is not installed their cases are left out.
    alertmanager = alertmanagerAvailable
      ? await startAlertmanager()
      : undefined;
    started = await startMatrixBackend(path.resolve(__dirname, '../../../..'), {
      alertmanagerUrl: alertmanager?.url,
    });
    call = async (person, method, urlPath, options = {}) => {
      const response = await fetch(`${started.baseUrl}${urlPath}`, {
        method,
        headers: {
          Authorization: authorizationOf(person),
          ...(options.body === undefined
            ? {}
            : { 'Content-Type': 'application/json' }),
          ...options.headers,
        },
        body:
          options.body === undefined ? undefined : JSON.stringify(options.body),
      });
      const text = await response.text();
      let body: any;
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
      return {
        status: response.status,
        message: body?.error?.message,
        body,
      };
    };
    // The catalog has processed every entity, with the relations the rule reads.
    await until('the catalog', async () => {
      const rogue = await call(
        'erin',
        'GET',
        '/api/catalog/entities/by-name/cocktailserver/default/payments-rogue',
      );
      const squat = await call(
        'erin',
        'GET',
        '/api/catalog/entities/by-name/servicemap/default/payments-squat',
      );
      lastSeen = `${rogue.status} ${JSON.stringify(rogue.body).slice(0, 300)}`;
      return (
        rogue.body?.relations?.length > 0 && squat.body?.relations?.length > 0
      );
    });
    // A Cluster API cluster for the cluster operations, and a scan of Payments API's image.
    await createDemoCluster(started.baseUrl);
    const upload = await call('erin', 'POST', '/api/cocktail/image-scans', {
      body: PAYMENTS_API_REPORT,
    });
    if (upload.status !== 200) {
      throw new Error(`uploading a scan: ${upload.status} ${upload.message}`);
    }
    scanId = upload.body.scan.id;
    // A completed backup of payments-dev, to restore from.
    const backedUp = await call(
      'erin',
      'POST',
      '/api/cocktail/servicemaps/default/payments-dev/backups',
      { body: { name: MATRIX_BACKUP } },
    );
    if (backedUp.status !== 200) {
      throw new Error(`a backup: ${backedUp.status} ${backedUp.message}`);
    }
    await until('the backup to complete', async () => {
      const { body } = await call(
        'erin',
        'GET',
        '/api/cocktail/servicemaps/default/payments-dev/backups',
      );
      return body.backups?.some(
        (b: { name: string; phase: string }) =>
          b.name === MATRIX_BACKUP && b.phase === 'Completed',
      );
    });
    // A second revision of payments-worker, to roll back to.
    const updated = await call(
      'erin',
      'POST',
      '/api/cocktail/servers/default/payments-worker/rolling-update',
      { body: { images: { worker: 'harbor.example.com/payments/api:1.4.3' } } },
    );
    if (updated.status !== 200) {
      throw new Error(`a rolling update: ${updated.status} ${updated.message}`);
    }
  });

  afterAll(async () => {
    await started?.backend.stop();
    await alertmanager?.stop();
    await started?.sim.stop();
  });

  async function rollbackRevision(): Promise<string> {
    const { body } = await call(
      'erin',
      'GET',
      '/api/cocktail/servers/default/payments-worker/status',
    );
    const other = body.revisions.find(
      (r: { revision: string }) => r.revision !== body.rollout.revision,
    );
    return other?.revision ?? '1';
  }

  function describeOutcome(outcome: Outcome) {
    return `${outcome.status}${outcome.message ? ` (${outcome.message})` : ''}`;
  }

  it('gives every person exactly what the role table says, on every endpoint and action', async () => {
    const cases: MatrixCase[] = [
      ...endpointCases(call, { scanId: () => scanId, rollbackRevision }),
      ...actionCases(started.baseUrl),
    ].filter(
      matrixCase =>
        alertmanager || matrixCase.permission !== 'cocktail.alert.silence',
    );
    const surprises: string[] = [];
    let total = 0;
    for (const matrixCase of cases) {
      for (const person of people) {
        total += 1;
        const allowed = expectedAllowed(
          matrixCase.permission,
          person,
          matrixCase.target,
        );
        const outcome = await matrixCase.run(person);
        const asExpected = allowed
          ? outcome.status >= 200 && outcome.status < 300
          : outcome.status === 403;
        if (!asExpected) {
          surprises.push(
            `${matrixCase.name} as ${person}: expected ${
              allowed ? '2xx' : '403'
            }, got ${describeOutcome(outcome)}`,
          );
        }
      }
    }
    process.stdout.write(
      `permission matrix: ${total} cases, ${
        total - surprises.length
      } as expected\n${surprises.map(s => `  surprise: ${s}\n`).join('')}`,
    );
    expect(surprises).toEqual([]);
  });

  it('explains a refusal with the role needed, the role held and who to ask', async () => {
    const refused = await call(
      'carol',
      'POST',
      '/api/cocktail/servers/default/payments-worker/scale',
      { body: { replicas: 2 } },
    );
    expect(refused.status).toBe(403);
    expect(refused.message).toBe(
      'Scaling needs the developer role on Payments; you are a viewer. Ask an admin of Payments (group:default/payments-team, user:default/alice).',
    );
    const access = await call(
      'carol',
      'GET',
      '/api/cocktail/access?entityRef=cocktailserver:default/payments-worker',
    );
    expect(access.body).toMatchObject({
      role: 'viewer',
      platformAdmin: false,
      service: { entityRef: 'service:default/payments', title: 'Payments' },
      permissions: {
        'cocktail.server.read': { allowed: true },
        'cocktail.server.scale': { allowed: false, reason: refused.message },
      },
    });
    expect(STANDING.carol.roles.payments).toBe('viewer');
  });

  it('explains refusals of the cluster and backup operations to a viewer and to a Service admin', async () => {
    const backup = await call(
      'carol',
      'POST',
      '/api/cocktail/servicemaps/default/payments-dev/backups',
      { body: { dryRun: true } },
    );
    expect(backup.status).toBe(403);
    expect(backup.message).toBe(
      'Backing up needs the admin role on Payments; you are a viewer. Ask an admin of Payments (group:default/payments-team, user:default/alice).',
    );
    const drain = await call(
      'alice',
      'POST',
      '/api/cocktail/clusters/dev/nodes/dev-node-2/drain',
      { body: { dryRun: true } },
    );
    expect(drain.status).toBe(403);
    expect(drain.message).toMatch(
      /^Changing a cluster needs a platform admin or the cluster's owner/,
    );
  });

  it("refuses a server of Payments' team that names a Search ServiceMap to Payments' admin", async () => {
    const alice = await call(
      'alice',
      'POST',
      '/api/cocktail/servers/default/payments-rogue/restart',
    );
    expect(alice.status).toBe(403);
    expect(alice.message).toContain('needs the developer role on Search');
    const dave = await call(
      'dave',
      'DELETE',
      '/api/cocktail/servers/default/payments-rogue?dryRun=true',
    );
    expect(dave.status).toBe(200);
  });

  it('refuses inline status and deploys whose target is not the named entity’s', async () => {
    const status = await call(
      'bob',
      'GET',
      '/api/cocktail/servers/inline-status?entityRef=cocktailserver:default/payments-api&cluster=prod&namespace=search-prod&server=payments-api',
    );
    expect(status.status).toBe(409);
    expect(status.message).toContain(
      'runs in namespace payments-prod on cluster prod',
    );
    const renamed = await call(
      'bob',
      'GET',
      '/api/cocktail/servers/inline-status?entityRef=cocktailserver:default/payments-api&cluster=prod&namespace=payments-prod&server=search-api',
    );
    expect(renamed.status).toBe(400);
    const server = (name: string, serviceMap: string) => ({
      dryRun: true,
      server: {
        apiVersion: 'cocktailcloud.io/v1alpha1',
        kind: 'CocktailServer',
        metadata: { name, namespace: 'default' },
        spec: {
          serviceMap,
          type: 'Deployment',
          replicas: 1,
          containers: [
            { name: 'app', image: 'harbor.example.com/payments/api:1.4.2' },
          ],
        },
      },
    });
    const hijack = await call('bob', 'POST', '/api/cocktail/servers/deploy', {
      body: server('payments-worker', 'search-prod'),
    });
    expect(hijack.status).toBe(409);
    const intoSearch = await call(
      'bob',
      'POST',
      '/api/cocktail/servers/deploy',
      {
        body: server('bobs-new-server', 'search-prod'),
      },
    );
    expect(intoSearch.status).toBe(403);
    expect(intoSearch.message).toContain(
      'Deploying needs the developer role on Search',
    );
  });

  it('refuses to provision a reserved namespace or one another ServiceMap claims', async () => {
    for (const person of ['alice', 'erin'] as const) {
      const system = await call(
        person,
        'POST',
        '/api/cocktail/servicemaps/default/payments-system/provision',
        { body: { dryRun: true } },
      );
      expect(system.status).toBe(400);
      expect(system.message).toContain('kube-system is reserved');
      const squat = await call(
        person,
        'POST',
        '/api/cocktail/servicemaps/default/payments-squat/provision',
        { body: { dryRun: true } },
      );
      expect(squat.status).toBe(409);
      expect(squat.message).toContain(
        'already claimed by servicemap:default/search-prod',
      );
    }
  });

  it("refuses guest's DELETE through the Kubernetes proxy and leaves the Deployment", async () => {
    const proxyPath =
      '/api/kubernetes/proxy/apis/apps/v1/namespaces/payments-prod/deployments/payments-worker';
    const headers = { 'Backstage-Kubernetes-Cluster': 'prod' };
    const refused = await call('guest', 'DELETE', proxyPath, { headers });
    expect(refused.status).toBe(403);
    const still = await call('erin', 'GET', proxyPath, { headers });
    expect(still.status).toBe(200);
    expect(still.body.metadata.name).toBe('payments-worker');
  });

  it('answers audit queries with only the rows of entities the person may read', async () => {
    const rowsOf = async (person: Person) =>
      (
        await call(person, 'GET', '/api/cocktail/audit?limit=500')
      ).body.items.map(
        (row: { entityRef?: string; action: string }) =>
          row.entityRef ?? row.action,
      ) as string[];
    const erin = await rowsOf('erin');
    expect(erin).toContain('resource:default/demo');
    expect(erin).toContain('cocktailserver:default/search-api');
    const bob = await rowsOf('bob');
    expect(bob).toContain('cocktailserver:default/payments-worker');
    expect(bob.filter(ref => !/payments/.test(ref))).toEqual([]);
    const dave = await rowsOf('dave');
    expect(dave.length).toBeGreaterThan(0);
    expect(dave.filter(ref => !/search|payments-rogue/.test(ref))).toEqual([]);
    expect((await call('guest', 'GET', '/api/cocktail/audit')).status).toBe(
      403,
    );
    expect(
      (await call('alice', 'GET', '/api/cocktail/audit/verify')).status,
    ).toBe(403);
    expect(
      (await call('erin', 'GET', '/api/cocktail/audit/verify')).body.ok,
    ).toBe(true);
  });
});
