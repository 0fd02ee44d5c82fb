// Declarative commands: apply (client- and server-side) and diff. Manifests are written to the
// run's work directory as JSON, which `kubectl -f` reads like YAML.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

function writeManifest(cluster, name, object) {
  const file = path.join(cluster.workDirectory, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(object, null, 2));
  return file;
}

function deployment(name, image, replicas) {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'shop', labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image }] },
      },
    },
  };
}

function configMap(name, data) {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace: 'shop' },
    data,
  };
}

export function declareApplyCommands(tally, cluster) {
  tally.it(
    'apply -f creates, and applied again with a change updates',
    async () => {
      const { kubectl } = cluster;
      const v1 = writeManifest(
        cluster,
        'applied-v1',
        deployment('applied', 'registry.example.com/shop/applied:1', 1),
      );
      assert.match(
        await kubectl.ok('apply', '-f', v1),
        /^deployment.apps\/applied created$/m,
      );
      const created = await kubectl.getJson('shop', 'deployment', 'applied');
      assert.equal(
        created.spec.template.spec.containers[0].image,
        'registry.example.com/shop/applied:1',
      );
      assert.ok(
        created.metadata.annotations[
          'kubectl.kubernetes.io/last-applied-configuration'
        ],
      );

      const v2 = writeManifest(
        cluster,
        'applied-v2',
        deployment('applied', 'registry.example.com/shop/applied:2', 2),
      );
      assert.match(
        await kubectl.ok('apply', '-f', v2),
        /^deployment.apps\/applied configured$/m,
      );
      const updated = await kubectl.getJson('shop', 'deployment', 'applied');
      assert.equal(
        updated.spec.template.spec.containers[0].image,
        'registry.example.com/shop/applied:2',
      );
      assert.equal(updated.spec.replicas, 2);
    },
  );

  tally.it(
    'a Deployment created by kubectl apply carries the API server defaults',
    async () => {
      // kubectl sends only what the manifest says; the API server fills in the rest, and
      // `describe` (StrategyType) and JSON patches of these paths rely on it.
      const { spec } = await cluster.kubectl.getJson(
        'shop',
        'deployment',
        'applied',
      );
      assert.deepEqual(spec.strategy, {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
      });
      assert.equal(spec.revisionHistoryLimit, 10);
      assert.equal(spec.progressDeadlineSeconds, 600);
      assert.equal(spec.template.spec.restartPolicy, 'Always');
      assert.equal(
        spec.template.spec.containers[0].imagePullPolicy,
        'IfNotPresent',
      );
    },
  );

  tally.it(
    'apply --server-side -f creates and updates with kubectl as field manager',
    async () => {
      const { kubectl } = cluster;
      const first = writeManifest(
        cluster,
        'server-applied-1',
        configMap('server-applied', { mode: 'fast' }),
      );
      assert.match(
        await kubectl.ok('apply', '--server-side', '-f', first),
        /^configmap\/server-applied serverside-applied$/m,
      );
      const second = writeManifest(
        cluster,
        'server-applied-2',
        configMap('server-applied', { mode: 'safe' }),
      );
      await kubectl.ok('apply', '--server-side', '-f', second);
      // kubectl get hides managedFields unless asked.
      const applied = await kubectl.getJson(
        'shop',
        'configmap',
        'server-applied',
        '--show-managed-fields',
      );
      assert.deepEqual(applied.data, { mode: 'safe' });
      assert.ok(
        applied.metadata.managedFields.some(
          f => f.manager === 'kubectl' && f.operation === 'Apply',
        ),
        JSON.stringify(applied.metadata.managedFields),
      );
    },
  );

  tally.it(
    'diff -f exits with 1 and shows the changed line, changing nothing',
    async () => {
      const { kubectl } = cluster;
      const file = writeManifest(
        cluster,
        'settings',
        configMap('settings', { colour: 'green' }),
      );
      const result = await kubectl.run('diff', '-f', file);
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stdout, /^-\s+colour: blue$/m, result.stdout);
      assert.match(result.stdout, /^\+\s+colour: green$/m, result.stdout);
      const live = await kubectl.getJson('shop', 'configmap', 'settings');
      assert.equal(live.data.colour, 'blue');
    },
  );
}
