import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runCocktail } from '../__testUtils__/runCocktail';

const repoRoot = path.resolve(__dirname, '../../../..');
const DEMO_MANIFESTS = path.join(repoRoot, 'test/fixtures/demo-manifests');

function run(args: string[]) {
  return runCocktail(['servers', 'render', ...args]);
}

async function filesUnder(directory: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const cluster of await fs.readdir(directory)) {
    for (const file of await fs.readdir(path.join(directory, cluster))) {
      files[`${cluster}/${file}`] = await fs.readFile(
        path.join(directory, cluster, file),
        'utf8',
      );
    }
  }
  return files;
}

describe('cocktail servers render', () => {
  let out: string;
  beforeEach(async () => {
    out = await fs.mkdtemp(path.join(os.tmpdir(), 'servers-render-'));
  });
  afterEach(async () => {
    await fs.rm(out, { recursive: true, force: true });
  });

  it('writes one file per ServiceMap in a folder per cluster: namespace, quota, then the servers', async () => {
    const result = await run([path.join(repoRoot, 'examples'), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.errors).toBe('');
    const files = await filesUnder(out);
    expect(Object.keys(files).sort()).toEqual([
      'dev/payments-dev.yaml',
      'dev/payments-staging.yaml',
      'dev/search-dev.yaml',
      'dev/search-staging.yaml',
      'prod/payments-prod.yaml',
      'prod/search-prod.yaml',
    ]);
    const objects = parseAllDocuments(files['prod/payments-prod.yaml']).map(d =>
      d.toJS(),
    );
    expect(objects.slice(0, 2).map(o => o.kind)).toEqual([
      'Namespace',
      'ResourceQuota',
    ]);
    expect(
      objects
        .filter(o => o.kind === 'Deployment' || o.kind === 'StatefulSet')
        .map(o => `${o.metadata.namespace}/${o.metadata.name}`),
    ).toContain('payments-prod/payments-api');
    expect(result.output).toContain('prod/payments-prod.yaml: 13 objects');
  });

  it('rendered the checked-in demo manifests that the tests seed kube-sim with from the examples as they are now', async () => {
    await run([path.join(repoRoot, 'examples'), '--out', out]);
    // When this fails, the examples changed: run
    //   node packages/cli/bin/cocktail servers render examples --out test/fixtures/demo-manifests
    expect(await filesUnder(DEMO_MANIFESTS)).toEqual(await filesUnder(out));
  });

  it('renders nothing from catalog files with problems, and says which', async () => {
    const file = path.join(out, 'bad.yaml');
    await fs.writeFile(
      file,
      'apiVersion: cocktailcloud.io/v1alpha1\nkind: ServiceMap\nmetadata:\n  name: broken\nspec:\n  namespace: UPPER\n',
    );
    const result = await run([file]);
    expect(result.code).toBe(1);
    expect(result.errors).toMatch(
      /bad\.yaml:\d+:\d+: .*servicemap:default\/broken/i,
    );
    expect(result.errors).toContain('nothing rendered');
    expect(result.output).toBe('');
  });

  it('prints to standard output without --out, each group headed by its cluster and ServiceMap', async () => {
    const result = await run([path.join(repoRoot, 'examples')]);
    expect(result.code).toBe(0);
    expect(result.output).toContain('# cluster dev, ServiceMap payments-dev\n');
    const kinds = parseAllDocuments(result.output).map(d => d.toJS()?.kind);
    expect(kinds.filter(k => k === 'Namespace')).toHaveLength(6);
  });
});
