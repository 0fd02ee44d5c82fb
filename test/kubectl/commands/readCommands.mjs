// Commands that only read: discovery, get with selectors and output formats, describe, logs,
// metrics, events and the schema. They read the seeded Deployment `api` (2 replicas) in `shop`.
import assert from 'node:assert/strict';

/** The first column of a table kubectl printed, header left out. */
function names(table) {
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map(line => line.split(/\s+/)[0]);
}

export function declareReadCommands(tally, cluster) {
  tally.it('version prints the server version', async () => {
    const out = await cluster.kubectl.ok('version');
    assert.match(out, /^Client Version: v1\.\d+\.\d+/m);
    assert.match(out, /^Server Version: v1\.\d+\.\d+/m);
  });

  tally.it('api-resources lists deployments in apps/v1', async () => {
    const out = await cluster.kubectl.ok('api-resources');
    assert.match(out, /^deployments\s+deploy\s+apps\/v1\s+true\s+Deployment$/m);
    assert.match(out, /^pods\s+po\s+v1\s+true\s+Pod$/m);
  });

  tally.it('get pods -l selects the pods with that label', async () => {
    const out = await cluster.kubectl.ok(
      'get',
      'pods',
      '-l',
      'app=api',
      '-n',
      'shop',
    );
    const pods = names(out);
    assert.equal(pods.length, 2, out);
    assert.ok(
      pods.every(pod => pod.startsWith('api-')),
      out,
    );
  });

  tally.it(
    'get pods --field-selector status.phase=Running lists the running pods',
    async () => {
      const all = await cluster.kubectl.getJson('shop', 'pods');
      const running = all.items
        .filter(pod => pod.status.phase === 'Running')
        .map(pod => pod.metadata.name)
        .sort();
      assert.ok(running.length > 0);
      const out = await cluster.kubectl.ok(
        'get',
        'pods',
        '--field-selector',
        'status.phase=Running',
        '-n',
        'shop',
      );
      assert.deepEqual(names(out).sort(), running);
      const pending = await cluster.kubectl.run(
        'get',
        'pods',
        '--field-selector',
        'status.phase=Pending',
        '-n',
        'shop',
      );
      assert.equal(pending.code, 0, pending.stderr);
      assert.match(pending.stderr, /No resources found in shop namespace/);
    },
  );

  tally.it(
    'get pods prints the READY, STATUS and RESTARTS columns',
    async () => {
      const out = await cluster.kubectl.ok(
        'get',
        'pods',
        '-l',
        'app=api',
        '-n',
        'shop',
      );
      assert.match(out, /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/m, out);
      assert.match(out, /^api-\S+\s+1\/1\s+Running\s+0\s+\S+$/m, out);
    },
  );

  tally.it('get deploy -o jsonpath prints the chosen field', async () => {
    const out = await cluster.kubectl.ok(
      'get',
      'deploy',
      'api',
      '-n',
      'shop',
      '-o',
      'jsonpath={.spec.template.spec.containers[0].image} {.spec.replicas}',
    );
    assert.equal(out, 'registry.example.com/shop/api:1.4.0 2');
  });

  tally.it('describe deployment shows its Replicas line', async () => {
    const out = await cluster.kubectl.ok(
      'describe',
      'deployment',
      'api',
      '-n',
      'shop',
    );
    assert.match(out, /^Name:\s+api$/m);
    assert.match(
      out,
      /^Replicas:\s+2 desired \| 2 updated \| 2 total \| 2 available \| 0 unavailable$/m,
    );
  });

  tally.it('logs deploy/api --tail=2 prints two lines', async () => {
    const out = await cluster.kubectl.ok(
      'logs',
      'deploy/api',
      '--tail=2',
      '-n',
      'shop',
    );
    assert.equal(out.trimEnd().split('\n').length, 2, out);
  });

  tally.it('top pods shows CPU in m and memory in Mi', async () => {
    const out = await cluster.kubectl.ok(
      'top',
      'pods',
      '-l',
      'app=api',
      '-n',
      'shop',
    );
    assert.match(out, /^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*$/m);
    const rows = out.trim().split('\n').slice(1);
    assert.equal(rows.length, 2, out);
    for (const row of rows) {
      assert.match(row, /^api-\S+\s+\d+m\s+\d+Mi\s*$/);
    }
  });

  tally.it('top nodes shows CPU and memory with their shares', async () => {
    const nodes = await cluster.kubectl.getJson(undefined, 'nodes');
    const out = await cluster.kubectl.ok('top', 'nodes');
    assert.match(
      out,
      /^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s*$/m,
    );
    for (const node of nodes.items) {
      assert.match(
        out,
        new RegExp(
          `^${node.metadata.name}\\s+\\d+m\\s+\\d+%\\s+\\d+Mi\\s+\\d+%\\s*$`,
          'm',
        ),
      );
    }
  });

  tally.it('events shows the Deployment scaling its ReplicaSet', async () => {
    const out = await cluster.kubectl.ok('events', '-n', 'shop');
    assert.match(out, /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE$/m);
    assert.match(
      out,
      // "from 0 to 2" since Kubernetes 1.29, "to 2" before.
      /\sNormal\s+ScalingReplicaSet\s+Deployment\/api\s+Scaled up replica set api-\S+ (from 0 )?to 2$/m,
    );
  });

  tally.it(
    'explain deployment.spec.replicas describes an integer',
    async () => {
      const out = await cluster.kubectl.ok(
        'explain',
        'deployment.spec.replicas',
      );
      assert.match(out, /^KIND:\s+Deployment$/m);
      assert.match(out, /^FIELD:\s+replicas <integer>$/m);
    },
  );
}
