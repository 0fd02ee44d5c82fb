// The two replicas behave as one portal: a token from one works on the other, a change made
// through one shows on the other, an outsider is refused on both, and the audit chain is one.
import assert from 'node:assert/strict';
import { eventually } from './processes.mjs';

const WORKER = '/api/cocktail/servers/default/payments-worker';

async function send(replica, person, method, urlPath, body) {
  const response = await fetch(`${replica.url}${urlPath}`, {
    method,
    headers: {
      Authorization: `Bearer ${person.token}`,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = { text };
  }
  return { status: response.status, body: json };
}

function readyPods(replica, person, count) {
  return eventually(
    `${count} ready payments-worker pods through replica ${replica.name}`,
    async () => {
      const status = await send(replica, person, 'GET', `${WORKER}/status`);
      return status.status === 200 &&
        status.body.replicas?.desired === count &&
        status.body.replicas?.ready === count
        ? status.body
        : undefined;
    },
  );
}

export async function checkReplicasAsOne({ checks, replicas, people }) {
  const { A, B } = replicas;
  A.name = 'A';
  B.name = 'B';
  const { alice, dave, erin } = people;
  if (!alice || !dave || !erin) {
    throw new Error(
      'not everyone could sign in; the replica checks need alice, dave and erin',
    );
  }

  await checks.check(
    "replica B accepts the token replica A issued to alice, and both read payments-worker's status from kube-sim",
    async () => {
      for (const replica of [A, B]) {
        await eventually(
          `payments-worker's status through replica ${replica.name}`,
          async () => {
            const status = await send(
              replica,
              alice,
              'GET',
              `${WORKER}/status`,
            );
            return status.status === 200 && status.body.found
              ? true
              : undefined;
          },
        );
      }
    },
  );

  const before = await send(A, erin, 'GET', '/api/cocktail/audit/verify');

  // One scale written through each replica, each seen through the other.
  for (const [through, seenBy, replicaCount] of [
    [A, B, 3],
    [B, A, 2],
  ]) {
    await checks.check(
      `alice scales payments-worker to ${replicaCount} through replica ${through.name}, and replica ${seenBy.name} shows ${replicaCount} ready pods`,
      async () => {
        const scaled = await send(through, alice, 'POST', `${WORKER}/scale`, {
          replicas: replicaCount,
        });
        assert.equal(scaled.status, 200, JSON.stringify(scaled.body));
        await readyPods(seenBy, alice, replicaCount);
      },
    );
  }

  await checks.check(
    'dave, an admin of another Service, is refused a scale of payments-worker on both replicas',
    async () => {
      for (const replica of [A, B]) {
        const refused = await send(replica, dave, 'POST', `${WORKER}/scale`, {
          replicas: 5,
        });
        assert.equal(refused.status, 403, JSON.stringify(refused.body));
        assert.match(refused.body.error?.message ?? '', /payments/i);
      }
      const status = await send(A, alice, 'GET', `${WORKER}/status`);
      assert.equal(status.body.replicas?.desired, 2);
    },
  );

  await checks.check(
    "the audit chain verifies on both replicas and holds both of alice's scales, one written by each",
    async () => {
      assert.equal(before.status, 200, JSON.stringify(before.body));
      for (const replica of [A, B]) {
        const verified = await send(
          replica,
          erin,
          'GET',
          '/api/cocktail/audit/verify',
        );
        assert.equal(verified.body.ok, true, JSON.stringify(verified.body));
        // Each scale writes its request and its outcome.
        assert.ok(
          verified.body.checkedRows >= before.body.checkedRows + 4,
          `${verified.body.checkedRows} rows checked on ${replica.name}, ${before.body.checkedRows} before the scales`,
        );
      }
      const page = await send(
        B,
        erin,
        'GET',
        '/api/cocktail/audit?action=server.scale&limit=50',
      );
      const outcomes = page.body.items.filter(
        row => row.outcome === 'succeeded',
      );
      assert.deepEqual(
        outcomes.map(row => row.actor),
        ['user:default/alice', 'user:default/alice'],
        JSON.stringify(page.body.items),
      );
    },
  );
}
