import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's PostgreSQL binaries (or `COCKTAIL_TEST_POSTGRES_BINDIR`), when installed. */
function findBinDir(): string | undefined {
  const candidates = process.env.COCKTAIL_TEST_POSTGRES_BINDIR
    ? [process.env.COCKTAIL_TEST_POSTGRES_BINDIR]
    : (fs.existsSync('/usr/lib/postgresql')
        ? fs.readdirSync('/usr/lib/postgresql').sort().reverse()
        : []
      ).map(version => path.join('/usr/lib/postgresql', version, 'bin'));
  return candidates.find(dir => fs.existsSync(path.join(dir, 'pg_ctl')));
}

/** Whether a throwaway PostgreSQL server can be started here. */
export function postgresInstalled(): boolean {
  return findBinDir() !== undefined;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** PostgreSQL refuses to run as root: as root, run its commands as the postgres user. */
function runAsPostgres(command: string[]) {
  const quoted = command.map(part => `'${part.replace(/'/g, `'\\''`)}'`);
  if (process.getuid?.() === 0) {
    execFileSync(
      'su',
      ['postgres', '-s', '/bin/bash', '-c', quoted.join(' ')],
      {
        stdio: 'pipe',
      },
    );
  } else {
    execFileSync('/bin/bash', ['-c', quoted.join(' ')], { stdio: 'pipe' });
  }
}

/**
 * A PostgreSQL server of the test's own, which the test may stop and start again without
 * disturbing the other suites' database. Undefined when PostgreSQL is not installed.
 */
export async function startThrowawayPostgres() {
  const binDir = findBinDir();
  if (!binDir) {
    return undefined;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocktail-fault-pg-'));
  const password = `fault-${process.pid}`;
  fs.writeFileSync(path.join(dir, 'pwfile'), `${password}\n`);
  if (process.getuid?.() === 0) {
    execFileSync('chown', ['-R', 'postgres', dir]);
  }
  const port = await freePort();
  const data = path.join(dir, 'data');
  runAsPostgres([
    path.join(binDir, 'initdb'),
    '-D',
    data,
    '-U',
    'postgres',
    `--pwfile=${path.join(dir, 'pwfile')}`,
    '-A',
    'scram-sha-256',
    '--no-sync',
  ]);
  const pgCtl = (...args: string[]) =>
    runAsPostgres([path.join(binDir, 'pg_ctl'), '-D', data, ...args]);
  const start = () =>
    pgCtl(
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      'start',
    );
  start();
  return {
    connection: {
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password,
    },
    /** Stops the server at once, as a crash or a failover would. */
    stop: () => pgCtl('-m', 'immediate', '-w', 'stop'),
    start,
    destroy: () => {
      try {
        pgCtl('-m', 'immediate', '-w', 'stop');
      } catch {
        // Already stopped.
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type ThrowawayPostgres = NonNullable<
  Awaited<ReturnType<typeof startThrowawayPostgres>>
>;
