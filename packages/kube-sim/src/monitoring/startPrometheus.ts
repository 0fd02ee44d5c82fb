import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Debian's Prometheus 2.42 (`apt-get install prometheus`), or PROMETHEUS_PATH. */
export const PROMETHEUS_PATH =
  process.env.PROMETHEUS_PATH ?? '/usr/bin/prometheus';

/** Whether the real Prometheus binary is here; tests that need it are skipped otherwise. */
export const prometheusAvailable = existsSync(PROMETHEUS_PATH);

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningPrometheus {
  url: string;
  stop(): Promise<void>;
}

/** Starts a real Prometheus with `configYaml` and a throwaway TSDB; resolves once it is ready. */
export async function startPrometheus(
  configYaml: string,
  options: { storagePath?: string; extraArgs?: string[] } = {},
): Promise<RunningPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'cocktail-prometheus-'));
  await writeFile(join(dir, 'prometheus.yml'), configYaml);
  const port = await freePort();
  const output: string[] = [];
  const child: ChildProcess = spawn(
    PROMETHEUS_PATH,
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${options.storagePath ?? join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--storage.tsdb.retention.time=3650d',
      ...(options.extraArgs ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.on('data', chunk => output.push(String(chunk)));
  child.stderr!.on('data', chunk => output.push(String(chunk)));
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
      throw new Error(`Prometheus exited: ${output.join('').slice(-2000)}`);
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
        `Prometheus was not ready in 20 s: ${output.join('').slice(-2000)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
