// Imperative creation: create namespace, configmap and deployment, and expose.
import assert from 'node:assert/strict';
import { eventually } from '../eventually.mjs';

export function declareCreateCommands(tally, cluster) {
  tally.it('create namespace makes an Active namespace', async () => {
    const out = await cluster.kubectl.ok('create', 'namespace', 'team-a');
    assert.match(out, /^namespace\/team-a created$/m);
    const namespace = await cluster.kubectl.getJson(
      undefined,
      'namespace',
      'team-a',
    );
    assert.equal(namespace.status.phase, 'Active');
  });

  tally.it('create configmap --from-literal stores the literal', async () => {
    const out = await cluster.kubectl.ok(
      'create',
      'configmap',
      'greeting',
      '--from-literal=hello=world',
      '-n',
      'shop',
    );
    assert.match(out, /^configmap\/greeting created$/m);
    const greeting = await cluster.kubectl.getJson(
      'shop',
      'configmap',
      'greeting',
    );
    assert.deepEqual(greeting.data, { hello: 'world' });
  });

  tally.it(
    'create deployment runs the image with the replicas asked for',
    async () => {
      const out = await cluster.kubectl.ok(
        'create',
        'deployment',
        'hello',
        '--image=nginx:1.27',
        '--replicas=2',
        '-n',
        'shop',
      );
      assert.match(out, /^deployment.apps\/hello created$/m);
      const hello = await cluster.kubectl.getJson(
        'shop',
        'deployment',
        'hello',
      );
      assert.equal(hello.spec.replicas, 2);
      assert.deepEqual(hello.spec.selector.matchLabels, { app: 'hello' });
      assert.equal(hello.spec.template.spec.containers[0].image, 'nginx:1.27');
      await eventually(async () => {
        const { status } = await cluster.kubectl.getJson(
          'shop',
          'deployment',
          'hello',
        );
        assert.equal(status.readyReplicas, 2);
      });
    },
  );

  tally.it('expose deployment makes a Service selecting its pods', async () => {
    const out = await cluster.kubectl.ok(
      'expose',
      'deployment',
      'api',
      '--port=80',
      '--target-port=8080',
      '-n',
      'shop',
    );
    assert.match(out, /^service\/api exposed$/m);
    const service = await cluster.kubectl.getJson('shop', 'service', 'api');
    assert.deepEqual(service.spec.selector, { app: 'api' });
    assert.equal(service.spec.ports[0].port, 80);
    assert.equal(service.spec.ports[0].targetPort, 8080);
  });
}
