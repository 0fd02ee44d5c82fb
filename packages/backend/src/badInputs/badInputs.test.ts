import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  authorizationOf,
  startMatrixBackend,
} from '../__testUtils__/startMatrixBackend';
import { createDemoCluster } from '../__testUtils__/clusterRequests';
import { actionInputs } from './__testUtils__/actionInputs';
import { catalogRequests } from './__testUtils__/catalogInputs';
import {
  fingerprintChanges,
  steadyFingerprint,
} from '../__testUtils__/clusterFingerprint';
import { BadRequest, endpointRequests } from './__testUtils__/endpointInputs';

// Bad inputs, generated from good ones, for every Cocktail endpoint, scaffolder action and
// catalog kind, sent to the real backend as a platform admin (so that no permission check hides
// a missing input check). Each has to be refused with a 4xx whose message names the field, and
// none may change anything on the clusters or leave a succeeded row in the audit log.

jest.setTimeout(300_000);

const CLUSTERS = ['dev', 'prod'];

/** True when the message names the field: as written, or each of its names in order. */
function namesField(message: string, field: string): boolean {
  if (message.includes(field)) {
    return true;
  }
  let from = 0;
  for (const name of field.split(/[.[\]]+/).filter(Boolean)) {
    const at = message.indexOf(name, from);
    if (at < 0) {
      return false;
    }
    from = at + name.length;
  }
  return true;
}

function bodyText(request: BadRequest): string {
  return request.raw ? String(request.body) : JSON.stringify(request.body);
}

describe('bad inputs', () => {
  let started: Awaited<ReturnType<typeof startMatrixBackend>>;
  const workDir = fs.mkdtempSync(
    path.join(os.tmpdir(), 'cocktail-bad-inputs-'),
  );

  async function send(request: BadRequest) {
    const hasBody = request.body !== undefined;
    const response = await fetch(`${started.baseUrl}${request.path}`, {
      method: request.method,
      headers: {
        Authorization: authorizationOf('erin'),
        ...(hasBody ? { 'Content-Type': 'application/json' } : {}),
      },
      body: hasBody ? bodyText(request) : undefined,
    });
    const text = await response.text();
    let message = text;
    try {
      const json = JSON.parse(text);
      message =
        json.error?.message ??
        (json.errors ?? [])
          .map((e: { message: string }) => e.message)
          .join('; ');
    } catch {
      // Not JSON: the text is the message.
    }
    return { status: response.status, message };
  }

  async function succeededAuditIds(): Promise<string[]> {
    const response = await fetch(
      `${started.baseUrl}/api/cocktail/audit?outcome=succeeded&limit=500`,
      { headers: { Authorization: authorizationOf('erin') } },
    );
    const page = await response.json();
    return page.items.map((row: { id: string | number }) => String(row.id));
  }

  beforeAll(async () => {
    started = await startMatrixBackend(path.resolve(__dirname, '../../../..'));
    // Simulated load follows the pods' random names; without it the autoscalers stay put, so
    // only requests can change what the clusters hold.
    for (const name of CLUSTERS) {
      started.sim.cluster(name).load.factor = 0;
    }
    // The Cluster API cluster the cluster inputs name, made with good input.
    await createDemoCluster(started.baseUrl);
  });

  afterAll(async () => {
    await started?.backend.stop();
    await started?.sim.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('refuses every one with a 4xx naming the field, and changes nothing', async () => {
    const before = await steadyFingerprint(started.sim, CLUSTERS);
    const auditBefore = new Set(await succeededAuditIds());

    const cases = [
      ...endpointRequests().map(request => ({
        family: request.family,
        change: request.change,
        field: request.field,
        run: () => send(request),
      })),
      ...catalogRequests().map(request => ({
        family: request.family,
        change: request.change,
        field: request.field,
        run: () => send(request),
      })),
      ...actionInputs(started.baseUrl, workDir),
    ];
    const families = new Map<string, number>();
    const surprises: string[] = [];
    for (const badCase of cases) {
      families.set(badCase.family, (families.get(badCase.family) ?? 0) + 1);
      const outcome = await badCase.run();
      if (outcome.status < 400 || outcome.status >= 500) {
        surprises.push(
          `${badCase.change}: expected a 4xx, got ${outcome.status} ${outcome.message}`,
        );
      } else if (!namesField(outcome.message, badCase.field)) {
        surprises.push(
          `${badCase.change}: ${outcome.status} without naming ${badCase.field}: ${outcome.message}`,
        );
      }
    }

    const changes = fingerprintChanges(
      before,
      await steadyFingerprint(started.sim, CLUSTERS),
    );
    const newAuditRows = (await succeededAuditIds()).filter(
      id => !auditBefore.has(id),
    );
    const refused = cases.length - surprises.length;
    process.stdout.write(
      [
        `bad inputs: ${cases.length} tried, ${refused} refused with the field`,
        ...[...families].map(([family, count]) => `  ${family}: ${count}`),
        ...surprises.map(s => `  surprise: ${s}`),
        ...changes.map(c => `  changed on a cluster: ${c}`),
        ...newAuditRows.map(id => `  succeeded audit row: ${id}`),
        '',
      ].join('\n'),
    );
    expect(cases.length).toBeGreaterThanOrEqual(200);
    expect(surprises).toEqual([]);
    expect(changes).toEqual([]);
    expect(newAuditRows).toEqual([]);
  });
});
