import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import path from 'node:path';
import {
  authorizationOf,
  Person,
  startMatrixBackend,
} from '../__testUtils__/startMatrixBackend';
import {
  postgresInstalled,
  startThrowawayPostgres,
  ThrowawayPostgres,
} from '../__testUtils__/throwawayPostgres';

// Two backends on one PostgreSQL and one set of clusters, as two replicas behind a load
// balancer: each with its own database connections and its own watch cache.
jest.setTimeout(300_000);

const REPO = path.resolve(__dirname, '../../../..');
const WORKER = '/api/cocktail/servers/default/payments-worker';

type Replica = Awaited<ReturnType<typeof startMatrixBackend>>;

/** What replica B's plugins hand its signals service, i.e. what its browsers would hear. */
const publishedOnB: Array<{ channel: string; message: any }> = [];
const signalsOfB = createServiceFactory({
  service: signalsServiceRef,
  deps: {},
  async factory() {
    return {
      async publish(signal: { channel: string; message: any }) {
        publishedOnB.push(signal);
      },
    };
  },
});

async function send(
  replica: Replica,
  person: Person,
  method: string,
  urlPath: string,
  body?: unknown,
) {
  const response = await fetch(`${replica.baseUrl}${urlPath}`, {
    method,
    headers: {
      Authorization: authorizationOf(person),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

(postgresInstalled() ? describe : describe.skip)(
  'two backend replicas on one PostgreSQL',
  () => {
    let postgres: ThrowawayPostgres | undefined;
    let a: Replica;
    let b: Replica;

    beforeAll(async () => {
      postgres = await startThrowawayPostgres();
      const database = {
        backend: {
          database: { client: 'pg', connection: postgres!.connection },
        },
      };
      a = await startMatrixBackend(REPO, {
        config: database,
        services: [databaseServiceFactory],
      });
      b = await startMatrixBackend(REPO, {
        config: database,
        services: [databaseServiceFactory, signalsOfB],
        sim: a.sim,
      });
      for (const replica of [a, b]) {
        await eventually('the catalog and the watch cache', async () => {
          const status = await send(replica, 'bob', 'GET', `${WORKER}/status`);
          return status.status === 200 && status.body.found ? true : undefined;
        });
      }
    });

    afterAll(async () => {
      await a?.backend.stop();
      await b?.backend.stop();
      await a?.sim.stop();
      postgres?.destroy();
    });

    it('keep one audit chain while both record changes at once', async () => {
      const before = await send(a, 'erin', 'GET', '/api/cocktail/audit/verify');
      expect(before.body.ok).toBe(true);

      // Twelve scales at once, half through each replica, by a member of the Service.
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          send(i % 2 ? b : a, 'bob', 'POST', `${WORKER}/scale`, {
            replicas: 2 + (i % 3),
          }),
        ),
      );
      expect(answers.map(answer => answer.status)).toEqual(Array(12).fill(200));

      for (const replica of [a, b]) {
        const verified = await send(
          replica,
          'erin',
          'GET',
          '/api/cocktail/audit/verify',
        );
        expect(verified.body).toMatchObject({ ok: true });
        // Every scale wrote its intent and its outcome into the one chain.
        expect(verified.body.checkedRows).toBeGreaterThanOrEqual(
          before.body.checkedRows + 24,
        );
      }
      const page = await send(
        b,
        'erin',
        'GET',
        '/api/cocktail/audit?action=server.scale&limit=500',
      );
      const outcomes = page.body.items.filter(
        (row: { outcome: string }) => row.outcome !== 'requested',
      );
      expect(outcomes).toHaveLength(12);
      expect(
        new Set(outcomes.map((row: { actor: string }) => row.actor)),
      ).toEqual(new Set(['user:default/bob']));
    });

    it("show a change made through one replica in the other's status", async () => {
      const scaled = await send(a, 'bob', 'POST', `${WORKER}/scale`, {
        replicas: 4,
      });
      expect(scaled.status).toBe(200);
      const seen = await eventually(
        'replica B to see 4 ready pods',
        async () => {
          const status = await send(b, 'bob', 'GET', `${WORKER}/status`);
          return status.body.replicas?.ready === 4 ? status.body : undefined;
        },
      );
      expect(seen.replicas).toMatchObject({ desired: 4, ready: 4 });
    });

    it("signal a change made through one replica to the other's browsers: each replica watches the clusters itself", async () => {
      publishedOnB.length = 0;
      const scaled = await send(a, 'bob', 'POST', `${WORKER}/scale`, {
        replicas: 2,
      });
      expect(scaled.status).toBe(200);
      const heard = await eventually(
        'replica B to signal the change',
        async () =>
          publishedOnB.find(
            signal =>
              signal.channel === 'cocktail:server-status' &&
              signal.message.server === 'payments-worker',
          ),
      );
      expect(heard.message).toEqual({
        cluster: 'prod',
        namespace: 'payments-prod',
        server: 'payments-worker',
      });
    });

    it('refuse an outsider on either replica', async () => {
      for (const replica of [a, b]) {
        const refused = await send(replica, 'dave', 'POST', `${WORKER}/scale`, {
          replicas: 1,
        });
        expect(refused.status).toBe(403);
      }
    });
  },
);
