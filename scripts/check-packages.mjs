#!/usr/bin/env node
// Packs every published package as `npm publish` would (yarn pack, which runs Backstage's
// prepack) and checks that each tarball holds what the package needs at run time: the files its
// package.json points at (main, module, types, exports, bin), its config schema, its database
// migrations and the JSON schemas its code bundles. Run after `backstage-cli repo build`.
//
// Usage: node scripts/check-packages.mjs
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const repo = path.resolve(
  path.dirname(new URL(import.meta.url).pathname),
  '..',
);
const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-packages-'));

function publishedPackages() {
  return ['plugins', 'packages']
    .flatMap(parent =>
      fs
        .readdirSync(path.join(repo, parent))
        .map(name => path.join(repo, parent, name)),
    )
    .filter(dir => fs.existsSync(path.join(dir, 'package.json')))
    .map(dir => ({
      dir,
      json: JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')),
    }))
    .filter(({ json }) => !json.private);
}

function pack({ dir, json }) {
  const tarball = path.join(workDir, `${json.name.replace(/[@/]/g, '_')}.tgz`);
  execFileSync('yarn', ['pack', '--out', tarball], { cwd: dir, stdio: 'pipe' });
  const files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map(entry => entry.replace(/^package\//, ''));
  const packedJson = JSON.parse(
    execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    }),
  );
  return { files: new Set(files), packedJson, tarball };
}

function exportTargets(exports) {
  if (!exports) {
    return [];
  }
  if (typeof exports === 'string') {
    return [exports];
  }
  // Condition values that are not paths (`backstage: '@backstage/FrontendPlugin'`) are metadata.
  return Object.entries(exports)
    .filter(([condition]) => condition !== 'backstage')
    .flatMap(([, target]) => exportTargets(target));
}

function filesUnder(dir, pattern) {
  if (!fs.existsSync(dir)) {
    return [];
  }
  return fs
    .readdirSync(dir, { recursive: true })
    .map(String)
    .filter(file => pattern.test(file) && !file.includes('__'));
}

/** What the package needs in its tarball, each with why. */
function problemsOf({ dir, json }, { files, packedJson, tarball }) {
  const problems = [];
  const need = (file, why) => {
    const normal = path.posix.normalize(file).replace(/^\.\//, '');
    if (!files.has(normal)) {
      problems.push(`${normal} is missing (${why})`);
    }
  };
  for (const field of ['main', 'module', 'types']) {
    if (packedJson[field]) {
      need(packedJson[field], `package.json ${field}`);
    }
  }
  if (!packedJson.main && !packedJson.exports) {
    problems.push('package.json has neither main nor exports');
  }
  for (const target of exportTargets(packedJson.exports)) {
    if (
      target.startsWith('./src/') ||
      (target.endsWith('.ts') && !target.endsWith('.d.ts'))
    ) {
      problems.push(`exports points at source ${target}: prepack did not run`);
    } else {
      need(target, 'package.json exports');
    }
  }
  const bins =
    typeof packedJson.bin === 'string'
      ? [packedJson.bin]
      : Object.values(packedJson.bin ?? {});
  bins.forEach(bin => need(bin, 'package.json bin'));
  if (json.configSchema && !packedJson.configSchema) {
    problems.push('package.json configSchema was dropped');
  } else if (packedJson.configSchema) {
    need(packedJson.configSchema, 'configSchema: the config keys it reads');
  }
  for (const migration of filesUnder(path.join(dir, 'migrations'), /\.js$/)) {
    need(`migrations/${migration}`, 'a database migration');
  }
  const schemas = filesUnder(path.join(dir, 'src'), /\.schema\.json$/);
  if (schemas.length) {
    const dist = [...files]
      .filter(file => file.startsWith('dist/') && file.endsWith('.js'))
      .map(file =>
        execFileSync('tar', ['-xzOf', tarball, `package/${file}`], {
          encoding: 'utf8',
        }),
      )
      .join('\n');
    for (const schema of schemas) {
      const { $id } = JSON.parse(
        fs.readFileSync(path.join(dir, 'src', schema), 'utf8'),
      );
      if ($id && !dist.includes($id)) {
        problems.push(`the JSON schema ${schema} ($id ${$id}) is not in dist`);
      }
    }
  }
  if (!files.has('README.md')) {
    problems.push('README.md is missing');
  }
  return problems;
}

let failures = 0;
const packages = publishedPackages();
for (const pkg of packages) {
  const packed = pack(pkg);
  const problems = problemsOf(pkg, packed);
  failures += problems.length ? 1 : 0;
  console.log(
    `${problems.length ? 'FAIL' : 'ok  '} ${pkg.json.name} (${
      packed.files.size
    } files)${problems.map(p => `\n       ${p}`).join('')}`,
  );
}
fs.rmSync(workDir, { recursive: true, force: true });
console.log(
  `packages: ${packages.length} packed, ${packages.length - failures} complete`,
);
process.exitCode = failures ? 1 : 0;
