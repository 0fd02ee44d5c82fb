// ServiceAccounts, bindings, tokens and access checks. The seeded ServiceAccount `reader` is
// bound to the `view` ClusterRole in `shop`; `stranger` is bound to nothing. kube-sim runs open,
// so kubectl without a token may do anything; with a token RBAC decides.
import assert from 'node:assert/strict';

export function declareAccessCommands(tally, cluster) {
  const tokens = new Map();
  /**
   * A token of a ServiceAccount in `shop`, made once with `kubectl create token`; kubectl sends
   * it because the kubeconfig is HTTPS.
   */
  function tokenOf(serviceAccount) {
    if (!tokens.has(serviceAccount)) {
      tokens.set(
        serviceAccount,
        cluster.kubectl
          .ok('create', 'token', serviceAccount, '--duration=10m', '-n', 'shop')
          .then(out => out.trim()),
      );
    }
    return tokens.get(serviceAccount);
  }

  tally.it('create serviceaccount makes a ServiceAccount', async () => {
    const out = await cluster.kubectl.ok(
      'create',
      'serviceaccount',
      'builder',
      '-n',
      'shop',
    );
    assert.match(out, /^serviceaccount\/builder created$/m);
    const builder = await cluster.kubectl.getJson(
      'shop',
      'serviceaccount',
      'builder',
    );
    assert.equal(builder.metadata.name, 'builder');
  });

  tally.it(
    'create rolebinding binds a ClusterRole to a ServiceAccount',
    async () => {
      const out = await cluster.kubectl.ok(
        'create',
        'rolebinding',
        'builder-view',
        '--clusterrole=view',
        '--serviceaccount=shop:builder',
        '-n',
        'shop',
      );
      assert.match(
        out,
        /^rolebinding.rbac.authorization.k8s.io\/builder-view created$/m,
      );
      const binding = await cluster.kubectl.getJson(
        'shop',
        'rolebinding',
        'builder-view',
      );
      assert.deepEqual(binding.roleRef, {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'view',
      });
      assert.deepEqual(binding.subjects, [
        { kind: 'ServiceAccount', name: 'builder', namespace: 'shop' },
      ]);
    },
  );

  tally.it(
    'create token --duration=10m hands out a token valid for ten minutes',
    async () => {
      assert.ok(await tokenOf('reader'), 'a token on standard output');
      const request = JSON.parse(
        await cluster.kubectl.ok(
          'create',
          'token',
          'reader',
          '--duration=10m',
          '-n',
          'shop',
          '-o',
          'json',
        ),
      );
      assert.equal(request.kind, 'TokenRequest');
      const lifetime =
        Date.parse(request.status.expirationTimestamp) - Date.now();
      assert.ok(
        lifetime > 9 * 60_000 && lifetime <= 10 * 60_000,
        `expires in ${lifetime} ms`,
      );
    },
  );

  tally.it('a view token lists pods where it is bound', async () => {
    const token = await tokenOf('reader');
    const out = await cluster.kubectl.ok(
      'get',
      'pods',
      '-l',
      'app=api',
      '-n',
      'shop',
      `--token=${token}`,
    );
    assert.match(out, /^api-/m);
  });

  tally.it('auth whoami with a token names its ServiceAccount', async () => {
    const token = await tokenOf('reader');
    const out = await cluster.kubectl.ok('auth', 'whoami', `--token=${token}`);
    assert.match(out, /^Username\s+system:serviceaccount:shop:reader$/m, out);
  });

  tally.it('a token of an unbound ServiceAccount is Forbidden', async () => {
    const token = await tokenOf('stranger');
    const result = await cluster.kubectl.run(
      'get',
      'pods',
      '-n',
      'shop',
      `--token=${token}`,
    );
    assert.equal(result.code, 1, result.stdout);
    assert.match(
      result.stderr,
      /Error from server \(Forbidden\): pods is forbidden: User "system:serviceaccount:shop:stranger" cannot list resource "pods"/,
    );
  });

  tally.it(
    'auth can-i create deployments says yes on the open cluster',
    async () => {
      const result = await cluster.kubectl.run(
        'auth',
        'can-i',
        'create',
        'deployments',
      );
      assert.equal(result.stdout.trim(), 'yes', result.stderr);
      assert.equal(result.code, 0);
    },
  );

  tally.it(
    'auth can-i delete deployments in another namespace says no to a view token',
    async () => {
      const token = await tokenOf('reader');
      const result = await cluster.kubectl.run(
        'auth',
        'can-i',
        'delete',
        'deployments',
        '-n',
        'other',
        `--token=${token}`,
      );
      assert.equal(result.stdout.trim(), 'no', result.stderr);
      assert.equal(result.code, 1);
    },
  );
}
