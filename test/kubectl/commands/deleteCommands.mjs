// Deletion that waits: a Deployment with its pods, and a namespace with what is in it.
import assert from 'node:assert/strict';
import { eventually } from '../eventually.mjs';

async function assertNotFound(kubectl, ...resource) {
  const result = await kubectl.run('get', ...resource);
  assert.equal(result.code, 1, result.stdout);
  assert.match(result.stderr, /Error from server \(NotFound\): .* not found/);
}

export function declareDeleteCommands(tally, cluster) {
  tally.it('delete deployment --wait removes it and its pods', async () => {
    const out = await cluster.kubectl.ok(
      'delete',
      'deployment',
      'doomed',
      '--wait',
      '-n',
      'shop',
    );
    assert.match(out, /^deployment.apps "doomed" deleted/m);
    await assertNotFound(cluster.kubectl, 'deployment', 'doomed', '-n', 'shop');
    await eventually(async () => {
      const pods = await cluster.kubectl.getJson(
        'shop',
        'pods',
        '-l',
        'app=doomed',
      );
      assert.equal(pods.items.length, 0);
    });
  });

  tally.it(
    'delete namespace --wait returns once the namespace is gone',
    async () => {
      const out = await cluster.kubectl.ok(
        'delete',
        'namespace',
        'scratch',
        '--wait',
      );
      assert.match(out, /^namespace "scratch" deleted/m);
      await assertNotFound(cluster.kubectl, 'namespace', 'scratch');
    },
  );
}
