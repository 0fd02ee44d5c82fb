// Commands that change a Deployment's pods and follow the rollout: set image, rollout status,
// history, undo and restart on the seeded `web` (nginx:1.27, 2 replicas), one after the other as
// a person would run them; scale on `cart`; wait on `api`.
import assert from 'node:assert/strict';
import { eventually } from '../eventually.mjs';

/** The revision numbers `kubectl rollout history` lists. */
function revisions(history) {
  assert.match(history, /^REVISION\s+CHANGE-CAUSE$/m, history);
  return [...history.matchAll(/^(\d+)\s+\S/gm)].map(match => Number(match[1]));
}

async function image(kubectl, deployment) {
  const object = await kubectl.getJson('shop', 'deployment', deployment);
  return object.spec.template.spec.containers[0].image;
}

async function assertRolledOut(kubectl, deployment, replicas) {
  const { metadata, spec, status } = await kubectl.getJson(
    'shop',
    'deployment',
    deployment,
  );
  assert.equal(spec.replicas, replicas);
  assert.ok(
    status.observedGeneration >= metadata.generation,
    'status observed the last change',
  );
  assert.equal(status.updatedReplicas, replicas);
  assert.equal(status.readyReplicas, replicas);
  assert.equal(status.availableReplicas, replicas);
}

export function declareRolloutCommands(tally, cluster) {
  tally.it('set image changes the pod template image', async () => {
    const out = await cluster.kubectl.ok(
      'set',
      'image',
      'deployment/web',
      'web=nginx:1.28',
      '-n',
      'shop',
    );
    assert.match(out, /^deployment.apps\/web image updated$/m);
    assert.equal(await image(cluster.kubectl, 'web'), 'nginx:1.28');
  });

  tally.it('rollout status waits until the new pods are ready', async () => {
    const out = await cluster.kubectl.ok(
      'rollout',
      'status',
      'deployment/web',
      '-n',
      'shop',
    );
    assert.match(out, /^deployment "web" successfully rolled out$/m);
    await assertRolledOut(cluster.kubectl, 'web', 2);
  });

  tally.it('rollout history lists both revisions', async () => {
    const out = await cluster.kubectl.ok(
      'rollout',
      'history',
      'deployment/web',
      '-n',
      'shop',
    );
    assert.deepEqual(revisions(out), [1, 2]);
  });

  tally.it('rollout undo brings the previous image back', async () => {
    const out = await cluster.kubectl.ok(
      'rollout',
      'undo',
      'deployment/web',
      '-n',
      'shop',
    );
    assert.match(out, /^deployment.apps\/web rolled back$/m);
    assert.equal(await image(cluster.kubectl, 'web'), 'nginx:1.27');
    await eventually(() => assertRolledOut(cluster.kubectl, 'web', 2));
  });

  tally.it(
    'rollout undo reuses the first ReplicaSet as revision 3',
    async () => {
      // The API server finds the ReplicaSet whose template equals the restored one, whatever
      // empty fields (`creationTimestamp: null`, `resources: {}`) kubectl's patch carries.
      const out = await cluster.kubectl.ok(
        'rollout',
        'history',
        'deployment/web',
        '-n',
        'shop',
      );
      assert.deepEqual(revisions(out), [2, 3]);
      const replicaSets = await cluster.kubectl.getJson(
        'shop',
        'replicasets',
        '-l',
        'app=web',
      );
      assert.equal(
        replicaSets.items.length,
        2,
        replicaSets.items.map(rs => rs.metadata.name).join(', '),
      );
    },
  );

  tally.it(
    'rollout restart stamps the template and rolls the pods',
    async () => {
      const before = await cluster.kubectl.getJson(
        'shop',
        'pods',
        '-l',
        'app=web',
      );
      const out = await cluster.kubectl.ok(
        'rollout',
        'restart',
        'deployment/web',
        '-n',
        'shop',
      );
      assert.match(out, /^deployment.apps\/web restarted$/m);
      const web = await cluster.kubectl.getJson('shop', 'deployment', 'web');
      assert.ok(
        web.spec.template.metadata.annotations?.[
          'kubectl.kubernetes.io/restartedAt'
        ],
      );
      await cluster.kubectl.ok(
        'rollout',
        'status',
        'deployment/web',
        '-n',
        'shop',
      );
      const oldNames = new Set(before.items.map(pod => pod.metadata.name));
      await eventually(async () => {
        const after = await cluster.kubectl.getJson(
          'shop',
          'pods',
          '-l',
          'app=web',
        );
        assert.equal(after.items.length, 2);
        assert.ok(
          after.items.every(pod => !oldNames.has(pod.metadata.name)),
          'all pods replaced',
        );
      });
    },
  );

  tally.it(
    'scale sets spec.replicas and the new pods become ready',
    async () => {
      const out = await cluster.kubectl.ok(
        'scale',
        'deployment/cart',
        '--replicas=3',
        '-n',
        'shop',
      );
      assert.match(out, /^deployment.apps\/cart scaled$/m);
      const cart = await cluster.kubectl.getJson('shop', 'deployment', 'cart');
      assert.equal(cart.spec.replicas, 3);
      await eventually(() => assertRolledOut(cluster.kubectl, 'cart', 3));
    },
  );

  tally.it(
    'wait --for=condition=Available returns once the Deployment is available',
    async () => {
      const out = await cluster.kubectl.ok(
        'wait',
        '--for=condition=Available',
        'deployment/api',
        '-n',
        'shop',
      );
      assert.match(out, /^deployment.apps\/api condition met$/m);
    },
  );
}
