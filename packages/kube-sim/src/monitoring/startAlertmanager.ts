import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './startPrometheus';

/** Debian's Alertmanager 0.25 (`apt-get install prometheus-alertmanager`), or ALERTMANAGER_PATH. */
export const ALERTMANAGER_PATH =
  process.env.ALERTMANAGER_PATH ?? '/usr/bin/prometheus-alertmanager';

export const alertmanagerAvailable = existsSync(ALERTMANAGER_PATH);

/** A real Alertmanager with `configYaml` (a null receiver when not given); resolves once ready. */
export async function startAlertmanager(
  configYaml = 'route:\n  receiver: none\nreceivers:\n  - name: none\n',
): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cocktail-alertmanager-'));
  await writeFile(join(dir, 'alertmanager.yml'), configYaml);
  const port = await freePort();
  const output: string[] = [];
  const child = spawn(
    ALERTMANAGER_PATH,
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', chunk => output.push(String(chunk)));
  child.stderr.on('data', chunk => output.push(String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise(resolve => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`Alertmanager exited: ${output.join('').slice(-2000)}`);
    }
    try {
      if ((await fetch(`${url}/-/ready`)).ok) {
        return { url, stop };
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(
        `Alertmanager was not ready in 20 s: ${output.join('').slice(-2000)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
