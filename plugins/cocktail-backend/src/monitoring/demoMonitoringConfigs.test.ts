import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const monitoringDir = resolve(__dirname, '../../../../monitoring');
const tools = ['promtool', 'amtool'].map(tool => `/usr/bin/${tool}`);
const describeWithTools = tools.every(existsSync) ? describe : describe.skip;

jest.setTimeout(30_000);

/** The demo's configs in monitoring/, checked by Prometheus' and Alertmanager's own tools. */
describeWithTools('the monitoring configs kept in the repository', () => {
  it('are configs Prometheus and Alertmanager accept', async () => {
    const prometheus = await run('promtool', [
      'check',
      'config',
      `${monitoringDir}/prometheus.yml`,
    ]);
    expect(prometheus.stdout).toContain('4 rules found');
    await expect(
      run('amtool', ['check-config', `${monitoringDir}/alertmanager.yml`]),
    ).resolves.toMatchObject({ stdout: expect.stringContaining('SUCCESS') });
  });

  it('fire each alert on the series that should fire it, and not before', async () => {
    const result = await run('promtool', [
      'test',
      'rules',
      `${monitoringDir}/tests/cocktail.rules.test.yml`,
    ]);
    expect(result.stdout).toContain('SUCCESS');
  });
});
