import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1. */
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

/** A monitoring binary running for a test, on its own port and temporary folder. */
export interface RunningBinary {
  url: string;
  stop(): Promise<void>;
}

/**
 * Runs Prometheus or Alertmanager with `configYaml` written to a temporary folder, on a free
 * port, and resolves once its `/-/ready` answers (20 s at most); `args` builds its arguments.
 */
export async function runMonitoringBinary(options: {
  name: string;
  path: string;
  configYaml: string;
  args: (paths: { config: string; dir: string; address: string }) => string[];
}): Promise<RunningBinary> {
  const dir = await mkdtemp(join(tmpdir(), `cocktail-${options.name}-`));
  const config = join(dir, `${options.name}.yml`);
  await writeFile(config, options.configYaml);
  const address = `127.0.0.1:${await freePort()}`;
  const output: string[] = [];
  const child = spawn(options.path, options.args({ config, dir, address }), {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', chunk => output.push(String(chunk)));
  child.stderr.on('data', chunk => output.push(String(chunk)));
  const url = `http://${address}`;
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
      throw new Error(
        `${options.name} exited: ${output.join('').slice(-2000)}`,
      );
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
        `${options.name} was not ready in 20 s: ${output
          .join('')
          .slice(-2000)}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
