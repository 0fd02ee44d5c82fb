import { spawn } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../..');

describe('the kube-sim command', () => {
  it('prints each cluster URL once it answers, seeds the demo manifests with their quotas and stops cleanly', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'packages/kube-sim/bin/kube-sim'),
        '--clusters',
        'dev,prod',
        '--seed',
        'test/fixtures/demo-manifests',
        '--port',
        '0',
      ],
      { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: '' } },
    );
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
    });
    child.stderr.on('data', chunk => {
      output += chunk;
    });
    const deadline = Date.now() + 45_000;
    while (!/cluster prod ready at http:\/\/127\.0\.0\.1:\d+/.test(output)) {
      if (Date.now() > deadline || child.exitCode !== null) {
        throw new Error(`kube-sim did not come up:\n${output}`);
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    expect(output).toContain(
      'seeded prod/payments-prod/payments-api (Deployment)',
    );
    expect(output).toContain(
      'seeded dev/payments-dev/payments-api-dev (Deployment)',
    );
    const url = /cluster prod ready at (\S+)/.exec(output)![1];
    const response = await fetch(
      `${url}/apis/apps/v1/namespaces/payments-prod/statefulsets/payments-db`,
    );
    expect(
      (await response.json()).metadata.labels['cocktailcloud.io/server'],
    ).toBe('payments-db');
    const quota = await fetch(
      `${url}/api/v1/namespaces/payments-prod/resourcequotas/cocktail-quota`,
    );
    expect((await quota.json()).spec.hard).toMatchObject({
      'requests.cpu': '32',
      pods: '300',
    });
    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('makes the --cluster-api cluster a management cluster and prints each cluster it provisions', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'packages/kube-sim/bin/kube-sim'),
        '--clusters',
        'dev,prod',
        '--port',
        '0',
        '--cluster-api',
        'dev',
      ],
      { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: '' } },
    );
    let output = '';
    child.stdout.on('data', chunk => {
      output += chunk;
    });
    child.stderr.on('data', chunk => {
      output += chunk;
    });
    const waitFor = async (pattern: RegExp) => {
      const deadline = Date.now() + 45_000;
      while (!pattern.test(output)) {
        if (Date.now() > deadline || child.exitCode !== null) {
          throw new Error(`kube-sim did not print ${pattern}:\n${output}`);
        }
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      return pattern.exec(output)!;
    };
    const [, dev] = await waitFor(
      /cluster dev ready at (\S+) \(Cluster API management cluster\)/,
    );

    const created = await fetch(
      `${dev}/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({
          metadata: { name: 'demo' },
          spec: {
            topology: { classRef: { name: 'quick-start' }, version: 'v1.31.2' },
          },
        }),
      },
    );
    expect(created.status).toBe(201);
    const [, url] = await waitFor(
      /cluster demo provisioned on (http:\/\/127\.0\.0\.1:\d+)/,
    );
    expect((await fetch(`${url}/version`)).status).toBe(401);

    const exited = new Promise(resolve => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('refuses a --cluster-api cluster that is not among --clusters', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'packages/kube-sim/bin/kube-sim'),
        '--clusters',
        'dev',
        '--port',
        '0',
        '--cluster-api',
        'prod',
      ],
      { cwd: repoRoot, env: { ...process.env, NODE_OPTIONS: '' } },
    );
    let errors = '';
    child.stderr.on('data', chunk => {
      errors += chunk;
    });
    const code = await new Promise(resolve => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(errors).toContain(
      '--cluster-api names "prod", which is not one of --clusters (dev)',
    );
  });

  it('refuses bad arguments with a clear message', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'packages/kube-sim/bin/kube-sim'),
        '--clusters',
        'Dev_1',
      ],
      {
        cwd: repoRoot,
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    let errors = '';
    child.stderr.on('data', chunk => {
      errors += chunk;
    });
    const code = await new Promise(resolve => child.once('exit', resolve));
    expect(code).not.toBe(0);
    expect(errors).toContain(
      'expected comma-separated cluster names (lowercase letters, digits, "-"), got "Dev_1"',
    );
  });
});
