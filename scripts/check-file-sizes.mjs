#!/usr/bin/env node
// Files with one job: no non-test source file under plugins/*/src or packages/*/src may grow
// past 400 lines. Tests, test utilities and fixtures are left out.
//
// Usage: node scripts/check-file-sizes.mjs
import fs from 'node:fs';
import path from 'node:path';

const LIMIT = 400;
const repo = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const isSource = file =>
  /\.(ts|tsx)$/.test(file) &&
  !/\.test\.tsx?$/.test(file) &&
  !/(^|\/)(__testUtils__|__fixtures__)\//.test(file);

const sources = ['plugins', 'packages'].flatMap(parent =>
  fs
    .readdirSync(path.join(repo, parent))
    .map(name => path.join(parent, name, 'src'))
    .filter(dir => fs.existsSync(path.join(repo, dir)))
    .flatMap(dir =>
      fs
        .readdirSync(path.join(repo, dir), { recursive: true })
        .map(file => path.join(dir, String(file))),
    )
    .filter(isSource),
);
const tooLong = sources
  .map(file => ({
    file,
    lines:
      fs.readFileSync(path.join(repo, file), 'utf8').split('\n').length - 1,
  }))
  .filter(({ lines }) => lines > LIMIT)
  .sort((a, b) => b.lines - a.lines);
tooLong.forEach(({ file, lines }) =>
  console.log(`${file}: ${lines} lines; split it by job (at most ${LIMIT})`),
);
console.log(
  `file sizes: ${sources.length} source files, ${tooLong.length} over ${LIMIT} lines`,
);
process.exitCode = tooLong.length ? 1 : 0;
