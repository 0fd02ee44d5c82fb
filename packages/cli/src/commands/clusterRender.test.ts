import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { runCocktail } from '../__testUtils__/runCocktail';

const repoRoot = path.resolve(__dirname, '../../../..');

function run(args: string[]) {
  return runCocktail(['cluster', 'render', ...args]);
}

describe('cocktail cluster render', () => {
  it('prints YAML documents separated by --- with only --provider and --name, and exits 0', async () => {
    const { code, output, errors } = await run([
      '--provider',
      'aws',
      '--name',
      'demo',
    ]);
    expect({ code, errors }).toEqual({ code: 0, errors: '' });
    const documents = parseAllDocuments(output).map(doc => doc.toJS());
    expect(documents.map(d => `${d.kind} ${d.metadata.name}`)).toEqual([
      'Cluster demo',
      'AWSCluster demo',
      'KubeadmControlPlane demo-control-plane',
      'AWSMachineTemplate demo-control-plane',
      'MachineDeployment demo-workers',
      'AWSMachineTemplate demo-workers',
      'KubeadmConfigTemplate demo-workers',
    ]);
    expect(documents[4].spec.replicas).toBe(2);
    expect(documents[2].spec.version).toBe('v1.33.1');
    expect(output).toContain(
      '\n---\napiVersion: infrastructure.cluster.x-k8s.io/v1beta2\n',
    );
  });

  it('prints a JSON List with -o json', async () => {
    const { code, output } = await run([
      '--provider',
      'gke',
      '--name',
      'demo',
      '--option',
      'project=acme',
      '--node-pool',
      'name=default,replicas=3,min=1,max=5',
      '-o',
      'json',
    ]);
    expect(code).toBe(0);
    const list = JSON.parse(output);
    expect(list).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(list.items.map((item: any) => item.kind)).toEqual([
      'Cluster',
      'GCPManagedCluster',
      'GCPManagedControlPlane',
      'MachinePool',
      'GCPManagedMachinePool',
    ]);
    expect(list.items[4].spec.scaling).toEqual({ minCount: 1, maxCount: 5 });
  });

  it('renders only a Cluster for --class, with the variables', async () => {
    const { code, output } = await run([
      '--provider',
      'docker',
      '--name',
      'dev',
      '--class',
      'quick-start',
      '--variable',
      'imageRepository=kindest',
    ]);
    expect(code).toBe(0);
    const [cluster, ...rest] = parseAllDocuments(output).map(doc => doc.toJS());
    expect(rest).toEqual([]);
    expect(cluster.spec.topology).toMatchObject({
      classRef: { name: 'quick-start' },
      variables: [{ name: 'imageRepository', value: 'kindest' }],
      workers: {
        machineDeployments: [
          { class: 'default-worker', name: 'workers', replicas: 2 },
        ],
      },
    });
  });

  it('prints the problems one per line on stderr and exits 1', async () => {
    expect(
      await run([
        '--provider',
        'aws',
        '--name',
        'Demo',
        '--control-plane-replicas',
        '2',
        '--node-pool',
        'name=gpu,replicas=9,min=1,max=4',
        '--pod-cidr',
        '10.0.0.0/33',
      ]),
    ).toEqual({
      code: 1,
      output: '',
      errors: [
        `name: must be a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit), got "Demo"`,
        'controlPlane.replicas: expected an odd number (the control plane runs etcd, which needs a majority), got 2',
        'nodePools[0].replicas: expected a number from autoscaling.minReplicas 1 to maxReplicas 4, got 9',
        'network.podCidrs[0]: expected a CIDR block like 10.0.0.0/16 or fd00::/48, got "10.0.0.0/33"',
        '',
      ].join('\n'),
    });
  });

  it('asks for the options a provider cannot do without', async () => {
    const { code, errors } = await run(['--provider', 'gcp', '--name', 'demo']);
    expect(code).toBe(1);
    expect(errors).toBe(
      'providerOptions.project: is required for gcp: GCP project ID\n',
    );
  });

  it('exits 2 for an unknown flag, a missing --provider or --name and an unknown output format', async () => {
    for (const args of [
      ['--provider', 'aws', '--name', 'demo', '--colour', 'blue'],
      ['--name', 'demo'],
      ['--provider', 'aws'],
      ['--provider', 'aws', '--name', 'demo', '-o', 'xml'],
    ]) {
      const { code, output } = await run(args);
      expect({ args, code, output }).toEqual({ args, code: 2, output: '' });
    }
  });

  it('runs from the repository root as yarn cocktail does', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        path.join(repoRoot, 'packages/cli/bin/cocktail'),
        'cluster',
        'render',
        '--provider',
        'aws',
        '--name',
        'demo',
      ],
      { cwd: repoRoot },
    );
    expect(stdout).toMatch(
      /^apiVersion: cluster\.x-k8s\.io\/v1beta2\nkind: Cluster\n/,
    );
  });

  it('exits 1 from the command line when the input is invalid', async () => {
    const result = await promisify(execFile)(
      process.execPath,
      [
        path.join(repoRoot, 'packages/cli/bin/cocktail'),
        'cluster',
        'render',
        '--provider',
        'metal3',
        '--name',
        'edge',
      ],
      { cwd: repoRoot },
    ).catch(error => error);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'providerOptions.imageUrl: is required for metal3',
    );
  });
});
