import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import path from 'node:path';
import { capturingAuditor } from '../__testUtils__/capturingAuditor';
import {
  fingerprintChanges,
  steadyFingerprint,
} from '../__testUtils__/clusterFingerprint';
import {
  authorizationOf,
  startMatrixBackend,
} from '../__testUtils__/startMatrixBackend';
import {
  startThrowawayPostgres,
  ThrowawayPostgres,
} from '../__testUtils__/throwawayPostgres';
import { clusterFaultCases, Send } from './__testUtils__/clusterFaultCases';
import { databaseFaultCases } from './__testUtils__/databaseFaultCases';
import { FaultAnswer, FaultCase, judgeFault } from './__testUtils__/FaultCase';
import { stuckClusterCase } from './__testUtils__/stuckClusterCase';

// Faults injected into the real backend's surroundings — the simulated clusters' API servers,
// Cluster API, and the PostgreSQL the audit log lives in — under every kind of request. Each
// answer has to come within its deadline, name the cluster and the cause, say what was left
// applied when something was, and leave a trace in the audit log (or, when the audit table
// itself is down, in Backstage's auditor service).

jest.setTimeout(900_000);

const CLUSTERS = ['dev', 'prod'];
/** Cluster requests time out after 1 s here; an operation makes a few in a row. */
const DEADLINE_MS = 12_000;

describe('the fault matrix', () => {
  let started: Awaited<ReturnType<typeof startMatrixBackend>>;
  let postgres: ThrowawayPostgres | undefined;
  const auditor = capturingAuditor();

  const send: Send = async (method, urlPath, body) => {
    const response = await fetch(`${started.baseUrl}${urlPath}`, {
      method,
      headers: {
        Authorization: authorizationOf('erin'),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status < 400) {
      return { status: response.status, text };
    }
    try {
      return {
        status: response.status,
        text: JSON.parse(text).error?.message ?? text,
      };
    } catch {
      return { status: response.status, text };
    }
  };

  async function auditRows(action: string): Promise<number> {
    const page = await send(
      'GET',
      `/api/cocktail/audit?action=${action}&limit=500`,
    );
    if (page.status !== 200) {
      throw new Error(`reading the audit log: ${page.status} ${page.text}`);
    }
    return JSON.parse(page.text).items.length;
  }

  async function eventually(what: string, done: () => Promise<boolean>) {
    const deadline = Date.now() + 60_000;
    while (!(await done())) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise(resolve => setTimeout(resolve, 250));
    }
  }

  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    started = await startMatrixBackend(path.resolve(__dirname, '../../../..'), {
      cocktail: { kubernetes: { requestTimeoutSeconds: 1 } },
      // The Cocktail plugin's database (its audit log) on the server the test stops; the
      // catalog and the other plugins on SQLite, so only the audit log goes away.
      config: postgres
        ? {
            backend: {
              database: {
                client: 'pg',
                connection: postgres.connection,
                plugin: Object.fromEntries(
                  ['catalog', 'kubernetes', 'permission'].map(plugin => [
                    plugin,
                    { client: 'better-sqlite3', connection: ':memory:' },
                  ]),
                ),
              },
            },
          }
        : {},
      services: [
        auditor.factory,
        ...(postgres ? [databaseServiceFactory] : []),
      ],
    });
    // Simulated load follows the pods' random names; without it the autoscalers stay put.
    for (const name of CLUSTERS) {
      started.sim.cluster(name).load.factor = 0;
    }
    await eventually('the catalog and the watch cache', async () => {
      const status = await send(
        'GET',
        '/api/cocktail/servers/default/payments-worker/status',
      );
      return status.status === 200 && JSON.parse(status.text).found === true;
    });
  });

  afterAll(async () => {
    await started?.backend.stop();
    await started?.sim.stop();
    postgres?.destroy();
  });

  async function withDeadline(
    answer: Promise<FaultAnswer>,
    ms: number,
  ): Promise<FaultAnswer | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>(resolve => {
      timer = setTimeout(() => resolve(undefined), ms);
    });
    try {
      return await Promise.race([answer, late]);
    } finally {
      clearTimeout(timer);
    }
  }

  it('answers every fault in time, naming the cluster and the cause, and leaves nothing unreported or unaudited', async () => {
    const databaseAnswers = () =>
      eventually('the audit database', async () =>
        send('GET', '/api/cocktail/audit?limit=1').then(r => r.status === 200),
      );
    const cases: FaultCase[] = [
      ...clusterFaultCases(started.sim, send),
      stuckClusterCase(started.sim, started.baseUrl),
      ...(postgres
        ? databaseFaultCases(started.sim, postgres, send, databaseAnswers)
        : []),
    ];
    const totals = { hung: 0, partial: 0, unaudited: 0, unnamed: 0 };
    const families = new Map<string, number>();
    const lines: string[] = [];
    for (const fault of cases) {
      families.set(fault.family, (families.get(fault.family) ?? 0) + 1);
      const before = await steadyFingerprint(started.sim, CLUSTERS);
      const rowsBefore = fault.audit ? await auditRows(fault.audit) : 0;
      const eventsBefore = auditor.events.length;
      await fault.inject();
      const startedAt = Date.now();
      const answer = await withDeadline(
        fault.act(),
        fault.deadlineMs ?? DEADLINE_MS,
      );
      const tookMs = Date.now() - startedAt;
      await fault.heal();
      const changes = fingerprintChanges(
        before,
        await steadyFingerprint(started.sim, CLUSTERS),
      );
      const eventId = fault.audit?.replace(/\./g, '-');
      const audited =
        !fault.audit ||
        (await auditRows(fault.audit)) > rowsBefore ||
        auditor.events
          .slice(eventsBefore)
          .some(event => event.eventId === eventId && event.outcome);
      const verdict = judgeFault(fault, answer, {
        changedOnCluster: changes.length > 0,
        audited,
      });
      totals.hung += Number(verdict.hung);
      totals.partial += Number(verdict.unreportedPartial);
      totals.unaudited += Number(verdict.unaudited);
      totals.unnamed += Number(!verdict.hung && !verdict.named);
      const problems = [
        verdict.hung && 'HUNG',
        !verdict.hung && !verdict.named && 'CAUSE NOT NAMED',
        verdict.unreportedPartial &&
          `UNREPORTED PARTIAL (${changes.length} changes)`,
        verdict.unaudited && 'UNAUDITED',
      ].filter(Boolean);
      lines.push(
        `  ${problems.length ? '✗' : '✓'} ${fault.name}: ${
          answer ? `${answer.status} in ${tookMs} ms` : 'no answer'
        }${changes.length ? `, ${changes.length} changes left` : ''}${
          problems.length ? ` — ${problems.join(', ')}` : ''
        }\n      ${answer?.text.slice(0, 300) ?? ''}`,
      );
    }
    process.stdout.write(
      [
        `faults: ${cases.length} injected, ${totals.hung} hung, ${totals.partial} unreported partial, ${totals.unaudited} unaudited`,
        `  ${totals.unnamed} answered without naming the cluster and the cause`,
        ...[...families].map(([family, count]) => `  ${family}: ${count}`),
        ...lines,
        '',
      ].join('\n'),
    );
    expect(cases.length).toBeGreaterThanOrEqual(30);
    expect(totals).toEqual({ hung: 0, partial: 0, unaudited: 0, unnamed: 0 });
  });
});
