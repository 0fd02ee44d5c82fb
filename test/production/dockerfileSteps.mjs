// Carries out packages/backend/Dockerfile's steps on this machine, so that the smoke test installs
// the portal exactly as the image does. The lines before WORKDIR set up the base image's system
// (packages, corepack): the machine provides those. From WORKDIR on, COPY copies from the
// repository into the fresh folder, ENV sets the steps' environment and RUN runs in the folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The Dockerfile's instructions, continuation lines joined, comments left out. */
export function parseDockerfile(text) {
  const instructions = [];
  let pending = '';
  for (const line of text.split('\n')) {
    if (!pending && (/^\s*#/.test(line) || !line.trim())) {
      continue;
    }
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1).trim()} `;
      continue;
    }
    const whole = `${pending}${line.trim()}`;
    pending = '';
    const [, keyword, rest] = /^(\w+)\s+(.*)$/.exec(whole) ?? [];
    if (!keyword) {
      throw new Error(`Dockerfile: cannot read the line "${whole}"`);
    }
    instructions.push({ keyword: keyword.toUpperCase(), args: rest });
  }
  return instructions;
}

/** `KEY=value` or `KEY="value with spaces"`. */
function parseEnv(args) {
  const match = /^([A-Za-z_][A-Za-z0-9_]*)=(?:"([^"]*)"|(\S*))$/.exec(args);
  if (!match) {
    throw new Error(
      `Dockerfile: expected ENV KEY=value, one per line, got "ENV ${args}"`,
    );
  }
  return [match[1], match[2] ?? match[3]];
}

/** RUN's command without BuildKit's `--mount=…` flags, which only speed up image builds. */
function commandOf(args) {
  return args.replace(/^(--\S+\s+)+/, '');
}

/** COPY's sources and destination, without `--chown=…`. */
function copyArgs(args) {
  const parts = args.split(/\s+/).filter(part => !part.startsWith('--'));
  return { sources: parts.slice(0, -1), destination: parts.at(-1) };
}

/**
 * Runs the steps from WORKDIR on in `folder`, with the repository's files as the build context.
 * Returns the CMD as an argument list and the environment ENV built up (also before WORKDIR).
 * `onStep` hears each step as it starts.
 */
export function carryOutDockerfile({
  dockerfile,
  context,
  folder,
  env = process.env,
  onStep = () => {},
}) {
  const instructions = parseDockerfile(fs.readFileSync(dockerfile, 'utf8'));
  const stepEnv = { ...env };
  let inWorkdir = false;
  let command;
  for (const { keyword, args } of instructions) {
    switch (keyword) {
      case 'ENV': {
        const [key, value] = parseEnv(args);
        stepEnv[key] = value;
        break;
      }
      case 'WORKDIR':
        inWorkdir = true;
        fs.mkdirSync(folder, { recursive: true });
        break;
      case 'COPY': {
        if (!inWorkdir) {
          throw new Error('Dockerfile: COPY before WORKDIR is not supported');
        }
        const { sources, destination } = copyArgs(args);
        onStep(`COPY ${sources.join(' ')} ${destination}`);
        const target = path.resolve(folder, destination);
        for (const source of sources) {
          fs.cpSync(
            path.join(context, source),
            destination.endsWith('/')
              ? path.join(target, path.basename(source))
              : target,
            { recursive: true },
          );
        }
        break;
      }
      case 'RUN':
        if (inWorkdir) {
          const shell = commandOf(args);
          onStep(`RUN ${shell}`);
          execFileSync('/bin/sh', ['-c', shell], {
            cwd: folder,
            env: stepEnv,
            stdio: ['ignore', 'inherit', 'inherit'],
          });
        }
        break;
      case 'CMD':
        command = JSON.parse(args);
        break;
      case 'FROM':
      case 'USER':
      case 'EXPOSE':
        break;
      default:
        throw new Error(
          `Dockerfile: the smoke test does not know ${keyword}; teach test/production/dockerfileSteps.mjs`,
        );
    }
  }
  if (!command) {
    throw new Error('Dockerfile: no CMD in exec form ["node", …]');
  }
  return { command, env: stepEnv };
}
