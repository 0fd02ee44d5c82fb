import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createProgram } from './createProgram';

const repoRoot = path.resolve(__dirname, '../../..');

async function run(args: string[]): Promise<{ code: number; output: string }> {
  let code = -1;
  let output = '';
  const program = createProgram(
    c => {
      code = c;
    },
    text => {
      output += `${text}\n`;
    },
  );
  await program.parseAsync(['node', 'cocktail', ...args]);
  return { code, output };
}

describe('cocktail validate', () => {
  let directory: string;

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'cocktail-cli-'));
    await fs.writeFile(
      path.join(directory, 'good.yaml'),
      'apiVersion: cocktailcloud.io/v1alpha1\nkind: Service\nmetadata: { name: payments }\nspec: { owner: group:payments-team }\n',
    );
    await fs.mkdir(path.join(directory, 'bad'));
    await fs.writeFile(
      path.join(directory, 'bad', 'server.yml'),
      [
        'apiVersion: cocktailcloud.io/v1alpha1',
        'kind: CocktailServer',
        'metadata:',
        '  name: nightly',
        'spec:',
        '  serviceMap: payments-prod',
        '  type: CronJob',
        '  containers: [{ name: job, image: busybox }]',
        '',
      ].join('\n'),
    );
  });

  afterAll(async () => {
    await fs.rm(directory, { recursive: true, force: true });
  });

  it('prints nothing but a summary and exits 0 when every file is valid', async () => {
    expect(await run(['validate', path.join(directory, 'good.yaml')])).toEqual({
      code: 0,
      output: '1 entity in 1 file: all valid\n',
    });
  });

  it('prints file:line:column: entity: field: message and exits 1 when anything is invalid', async () => {
    const { code, output } = await run(['validate', directory]);
    expect(code).toBe(1);
    expect(output).toBe(
      `${path.join(
        directory,
        'bad',
        'server.yml',
      )}:5:1: cocktailserver:default/nightly: spec.schedule: is required when type is CronJob\n` +
        '1 problem in 2 entities across 2 files\n',
    );
  });

  it('prints JSON for machines', async () => {
    const { code, output } = await run([
      'validate',
      '--format',
      'json',
      directory,
    ]);
    expect(code).toBe(1);
    expect(JSON.parse(output)).toEqual({
      valid: false,
      files: [
        path.join(directory, 'bad', 'server.yml'),
        path.join(directory, 'good.yaml'),
      ],
      entities: 2,
      problems: [
        {
          file: path.join(directory, 'bad', 'server.yml'),
          line: 5,
          column: 1,
          entity: 'cocktailserver:default/nightly',
          field: 'spec.schedule',
          message: 'is required when type is CronJob',
        },
      ],
    });
  });

  it('reports a path that does not exist', async () => {
    const missing = path.join(directory, 'nope.yaml');
    expect(await run(['validate', missing])).toEqual({
      code: 1,
      output: `${missing}:1:1: no such file or directory\n1 problem in 0 entities across 1 file\n`,
    });
  });

  it('reports an entity defined twice', async () => {
    const { code, output } = await run([
      'validate',
      path.join(directory, 'good.yaml'),
      path.join(directory, 'good.yaml'),
    ]);
    expect(code).toBe(1);
    expect(output).toContain(
      `good.yaml:1:1: service:default/payments: is defined twice; the catalog keeps only one. The other definition is at ${path.join(
        directory,
        'good.yaml',
      )}:1:1`,
    );
  });

  it('refuses an unknown output format', async () => {
    const program = createProgram(() => {}).configureOutput({
      writeErr: () => {},
    });
    await expect(
      program.parseAsync([
        'node',
        'cocktail',
        'validate',
        '--format',
        'xml',
        directory,
      ]),
    ).rejects.toThrow('expected text or json, got "xml"');
  });

  it('passes every file in examples/ from the repository root, as yarn cocktail runs it', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(repoRoot, 'packages/cli/bin/cocktail'),
        'validate',
        'examples',
        'catalog-info.yaml',
      ],
      { cwd: repoRoot },
    );
    expect(stdout).toMatch(/^\d+ entities in \d+ files: all valid\n$/);
  });
});
