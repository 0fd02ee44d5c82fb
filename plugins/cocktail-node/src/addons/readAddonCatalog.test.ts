import { ConfigReader } from '@backstage/config';
import { defaultAddonsFor, readAddonCatalog } from './readAddonCatalog';
import {
  addonClusterLabel,
  chartProxyName,
  renderAddonChartProxy,
} from './renderAddon';

const config = (addons: object) =>
  new ConfigReader({ cocktail: { clusterApi: { addons } } });

describe('readAddonCatalog', () => {
  it('offers the built-in add-ons, metrics-server by default and Calico as the CNI', () => {
    const catalog = readAddonCatalog(new ConfigReader({}));
    expect(catalog.addons.map(a => a.name)).toEqual([
      'calico',
      'cilium',
      'metrics-server',
      'ingress-nginx',
      'cert-manager',
      'gpu-operator',
      'kube-prometheus-stack',
      'trivy-operator',
      'velero',
    ]);
    expect(catalog.defaults).toEqual(['metrics-server']);
    expect(catalog.defaultCni).toBe('calico');
  });

  it('lets config pin another version of a built-in and add its own add-on', () => {
    const catalog = readAddonCatalog(
      config({
        catalog: [
          {
            name: 'calico',
            category: 'cni',
            repoURL: 'https://docs.tigera.io/calico/charts',
            chartName: 'tigera-operator',
            version: 'v3.30.0',
            namespace: 'tigera-operator',
          },
          {
            name: 'kyverno',
            repoURL: 'https://kyverno.github.io/kyverno/',
            chartName: 'kyverno',
            version: '3.3.4',
            namespace: 'kyverno',
            values: 'replicaCount: 3\n',
          },
        ],
        defaults: ['kyverno'],
        defaultCni: 'cilium',
      }),
    );
    expect(catalog.addons.find(a => a.name === 'calico')?.version).toBe(
      'v3.30.0',
    );
    expect(catalog.addons.find(a => a.name === 'kyverno')).toMatchObject({
      category: 'other',
      valuesTemplate: 'replicaCount: 3\n',
    });
    expect(catalog).toMatchObject({
      defaults: ['kyverno'],
      defaultCni: 'cilium',
    });
  });

  it('reports every mistake at once with its key', () => {
    expect(() =>
      readAddonCatalog(
        config({
          catalog: [
            {
              name: 'Bad Name',
              repoURL: 'ftp://x',
              chartName: 'c',
              namespace: 'n',
            },
          ],
          defaults: ['nothing'],
          defaultCni: 'metrics-server',
        }),
      ),
    ).toThrow(
      [
        'cocktail.clusterApi.addons.catalog[0].name: expected a DNS-1123 label such as calico, got "Bad Name"',
        'cocktail.clusterApi.addons.catalog[0].repoURL: expected an https://, http:// or oci:// chart repository, got "ftp://x"',
        'cocktail.clusterApi.addons.catalog[0].version: is required',
      ].join('\n'),
    );
  });
});

describe('defaultAddonsFor', () => {
  const catalog = readAddonCatalog(new ConfigReader({}));

  it('gives a kubeadm cluster the default CNI before its other defaults', () => {
    expect(
      defaultAddonsFor(catalog, {
        provider: 'aws',
        controlPlane: { provider: 'kubeadm' },
      }).map(a => a.name),
    ).toEqual(['calico', 'metrics-server']);
  });

  it('gives managed, RKE2 and k3s clusters no CNI of ours', () => {
    expect(
      defaultAddonsFor(catalog, { provider: 'eks' }).map(a => a.name),
    ).toEqual(['metrics-server']);
    expect(
      defaultAddonsFor(catalog, {
        provider: 'aws',
        controlPlane: { provider: 'rke2' },
      }).map(a => a.name),
    ).toEqual(['metrics-server']);
  });
});

describe('renderAddonChartProxy', () => {
  it('installs the add-on on one cluster, selected by its name label', () => {
    const calico = readAddonCatalog(new ConfigReader({})).addons[0];
    const proxy = renderAddonChartProxy(calico, {
      name: 'demo',
      namespace: 'clusters',
    });
    expect(proxy.metadata).toMatchObject({
      name: 'demo-calico',
      namespace: 'clusters',
    });
    expect(chartProxyName(calico, 'demo')).toBe('demo-calico');
    expect(addonClusterLabel('demo')).toEqual({
      key: 'cocktailcloud.io/cluster-name',
      value: 'demo',
    });
    expect(proxy.spec).toMatchObject({
      clusterSelector: {
        matchLabels: { 'cocktailcloud.io/cluster-name': 'demo' },
      },
      chartName: 'tigera-operator',
      version: 'v3.29.1',
      namespace: 'tigera-operator',
    });
  });

  it('keeps the name within 63 characters, and distinct for two add-ons of a long-named cluster', () => {
    const cluster = 'a'.repeat(50);
    const stack = chartProxyName({ name: 'kube-prometheus-stack' }, cluster);
    const trivy = chartProxyName({ name: 'kube-prometheus-stackx' }, cluster);
    expect(stack.length).toBeLessThanOrEqual(63);
    expect(stack).not.toBe(trivy);
  });
});
