import { parseAllDocuments } from 'yaml';
import { runCocktail } from '../__testUtils__/runCocktail';
import { CrdSchemas, crdFixturesMissing } from '../__testUtils__/upstreamCrds';

const run = (args: string[]) => runCocktail(['backup', 'render', ...args]);
const documentOf = (output: string) => parseAllDocuments(output)[0].toJS();
const missing = crdFixturesMissing();
const describeWithFixtures = missing ? describe.skip : describe;

describe('cocktail backup render', () => {
  it('prints a Backup of a namespace for the velero namespace', async () => {
    const { code, output, errors } = await run([
      '--namespace',
      'payments-dev',
      '--name',
      'payments-dev-before-upgrade',
      '--ttl',
      '168h0m0s',
    ]);
    expect({ code, errors }).toEqual({ code: 0, errors: '' });
    expect(documentOf(output)).toMatchObject({
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      metadata: { name: 'payments-dev-before-upgrade', namespace: 'velero' },
      spec: { includedNamespaces: ['payments-dev'], ttl: '168h0m0s' },
    });
  });

  it('prints a Schedule with --schedule', async () => {
    const { code, output } = await run([
      '--namespace',
      'payments-dev',
      '--schedule',
      '0 3 * * *',
    ]);
    expect(code).toBe(0);
    expect(documentOf(output)).toMatchObject({
      kind: 'Schedule',
      metadata: { name: 'payments-dev-scheduled' },
      spec: {
        schedule: '0 3 * * *',
        template: { includedNamespaces: ['payments-dev'] },
      },
    });
  });

  it('backs up the whole cluster with --all-namespaces', async () => {
    const { output } = await run(['--all-namespaces', '--name', 'dev-all']);
    expect(documentOf(output).spec).toMatchObject({
      includedNamespaces: ['*'],
      includeClusterResources: true,
    });
  });

  it('names each option at fault', async () => {
    const { code, errors } = await run([
      '--namespace',
      'Payments',
      '--schedule',
      'nightly',
      '--ttl',
      '3 days',
    ]);
    expect(code).toBe(1);
    expect(errors).toContain(
      '--namespace: expected a namespace name (DNS-1123 label), got "Payments"',
    );
    expect(errors).toContain('--ttl: expected a duration such as 720h0m0s');
    expect(errors).toContain(
      '--schedule: expected a cron schedule of 5 fields',
    );
    expect((await run([])).errors).toContain(
      '--namespace: name the namespace to back up, or give --all-namespaces',
    );
  });

  describeWithFixtures('against the upstream Velero CRD', () => {
    it.each([
      [
        'a namespace backup',
        ['--namespace', 'payments-dev', '--ttl', '720h0m0s'],
      ],
      ['a schedule', ['--namespace', 'payments-dev', '--schedule', '@daily']],
      [
        'a whole-cluster backup',
        ['--all-namespaces', '--storage-location', 'default'],
      ],
    ])(
      'prints %s that the upstream Velero CRD accepts',
      async (_what, args) => {
        const { output } = await run(args);
        expect(CrdSchemas.load().manifestProblems(documentOf(output))).toEqual(
          [],
        );
      },
    );
  });
});
