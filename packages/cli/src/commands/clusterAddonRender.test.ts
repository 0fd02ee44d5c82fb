import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { runCocktail } from '../__testUtils__/runCocktail';
import { CrdSchemas, crdFixturesMissing } from '../__testUtils__/upstreamCrds';

const run = (args: string[]) =>
  runCocktail(['cluster', 'addon', 'render', ...args]);

describe('cocktail cluster addon render', () => {
  it('prints the HelmChartProxy of a built-in add-on and how to select the cluster', async () => {
    const { code, output, errors } = await run([
      '--addon',
      'ingress-nginx',
      '--cluster',
      'demo',
      '--namespace',
      'clusters',
    ]);
    expect({ code, errors }).toEqual({ code: 0, errors: '' });
    expect(output).toContain(
      '#   kubectl label cluster demo -n clusters cocktailcloud.io/cluster-name=demo\n',
    );
    const [proxy] = parseAllDocuments(output).map(doc => doc.toJS());
    expect(proxy).toMatchObject({
      apiVersion: 'addons.cluster.x-k8s.io/v1alpha1',
      kind: 'HelmChartProxy',
      metadata: {
        name: 'demo-ingress-nginx',
        namespace: 'clusters',
      },
      spec: {
        clusterSelector: {
          matchLabels: { 'cocktailcloud.io/cluster-name': 'demo' },
        },
        repoURL: 'https://kubernetes.github.io/ingress-nginx',
        chartName: 'ingress-nginx',
        version: '4.11.3',
      },
    });
  });

  it("reads the catalog from an app-config file's cocktail.clusterApi.addons", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cocktail-addon-'));
    const file = path.join(dir, 'app-config.yaml');
    fs.writeFileSync(
      file,
      [
        'cocktail:',
        '  clusterApi:',
        '    addons:',
        '      catalog:',
        '        - name: kyverno',
        '          repoURL: https://kyverno.github.io/kyverno/',
        '          chartName: kyverno',
        '          version: 3.3.4',
        '          namespace: kyverno',
        '',
      ].join('\n'),
    );
    const { code, output } = await run([
      '--addon',
      'kyverno',
      '--cluster',
      'demo',
      '--config',
      file,
      '-o',
      'json',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(output).items[0].spec).toMatchObject({
      chartName: 'kyverno',
      version: '3.3.4',
      namespace: 'kyverno',
    });
  });

  it('names the add-ons there are when asked for one that is not', async () => {
    const { code, errors } = await run([
      '--addon',
      'nginx',
      '--cluster',
      'Demo',
    ]);
    expect(code).toBe(1);
    expect(errors).toContain(
      '--addon: no add-on "nginx" in the catalog; it has calico, cilium, metrics-server',
    );
    expect(errors).toContain(
      '--cluster: expected a cluster name (DNS-1123 label), got "Demo"',
    );
  });

  const missing = crdFixturesMissing();
  const describeWithFixtures = missing ? describe.skip : describe;
  describeWithFixtures('against the upstream CAAPH CRD', () => {
    it.each([
      'calico',
      'cilium',
      'metrics-server',
      'ingress-nginx',
      'cert-manager',
      'gpu-operator',
      'kube-prometheus-stack',
      'trivy-operator',
      'velero',
    ])(
      'prints a %s HelmChartProxy that the upstream CAAPH CRD accepts',
      async addon => {
        const { output } = await run(['--addon', addon, '--cluster', 'demo']);
        const [proxy] = parseAllDocuments(output).map(doc => doc.toJS());
        expect(CrdSchemas.load().manifestProblems(proxy)).toEqual([]);
      },
    );
  });
});
