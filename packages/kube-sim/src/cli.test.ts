import { spawn } from 'node:child_process';
import path from 'node:path';

jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../..');

describe('the kube-sim command', () => {
  it('prints each cluster URL once it answers, seeds the examples with their quotas and stops cleanly', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'packages/kube-sim/bin/kube-sim'),
        '--clusters',
        'dev,prod',
        '--seed',
        'examples',
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
