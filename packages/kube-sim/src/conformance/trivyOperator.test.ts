import fs from 'node:fs';
import path from 'node:path';
import type * as k8s from '@kubernetes/client-node';
import { seedManifestDirectory } from '../seed/seedManifests';
import { vulnerabilityReportFor } from '../seed/vulnerabilityReports';
import { kubeConfigFor } from './__testUtils__/clientFor';
import {
  eventually,
  startTestCluster,
  statusOf,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

const DEMO_MANIFESTS = path.resolve(
  __dirname,
  '../../../../test/fixtures/demo-manifests',
);
const UPSTREAM_CRD = path.resolve(
  __dirname,
  '../../../../../shared/fixtures/crds/aquasecurity.github.io_vulnerabilityreports.yaml',
);
const hasUpstreamCrd = fs.existsSync(UPSTREAM_CRD);

const GROUP = 'aquasecurity.github.io';
const VERSION = 'v1alpha1';
const PLURAL = 'vulnerabilityreports';

/** A report without the fields the upstream CRD requires, as public samples are. */
const sparseReport = (name: string) => ({
  apiVersion: `${GROUP}/${VERSION}`,
  kind: 'VulnerabilityReport',
  metadata: { name, namespace: 'default' },
  report: {
    artifact: { repository: 'library/nginx', tag: '1.27' },
    vulnerabilities: [],
  },
});

function customObjects(t: TestCluster, url = t.url) {
  return kubeConfigFor(t.k8s, url).makeApiClient(t.k8s.CustomObjectsApi);
}

describe('Trivy Operator VulnerabilityReports', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({ clusters: ['prod', 'dev'] });
    await seedManifestDirectory(t.sim, DEMO_MANIFESTS);
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  it('are served on every cluster, namespaced, with the upstream short names', async () => {
    for (const url of Object.values(t.sim.urls())) {
      const resources = await kubeConfigFor(t.k8s, url)
        .makeApiClient(t.k8s.CustomObjectsApi)
        .getAPIResources({ group: GROUP, version: VERSION });
      expect(resources.resources).toContainEqual(
        expect.objectContaining({
          name: PLURAL,
          kind: 'VulnerabilityReport',
          namespaced: true,
          shortNames: ['vuln', 'vulns'],
        }),
      );
    }
  });

  it('keeps fields the upstream schema would require or reject', async () => {
    const api = customObjects(t);
    await api.createNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'default',
      plural: PLURAL,
      body: { ...sparseReport('sparse'), extra: { kept: true } },
    });
    const read: any = await api.getNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'default',
      plural: PLURAL,
      name: 'sparse',
    });
    expect(read.extra).toEqual({ kept: true });
    expect(read.report.artifact.repository).toBe('library/nginx');
  });

  it('lists the seeded report of payments-api, naming the image by the digest its pods run', async () => {
    const prod = t.sim.urls().prod;
    const list: any = await customObjects(t, prod).listNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'payments-prod',
      plural: PLURAL,
    });
    expect(list.items).toHaveLength(1);
    const [report] = list.items;
    expect(report.metadata.name).toBe('deployment-payments-api-api');
    expect(report.metadata.labels).toMatchObject({
      'app.kubernetes.io/managed-by': 'trivy-operator',
      'trivy-operator.resource.kind': 'Deployment',
      'trivy-operator.resource.name': 'payments-api',
      'trivy-operator.resource.namespace': 'payments-prod',
      'trivy-operator.container.name': 'api',
    });
    expect(report.metadata.ownerReferences[0]).toMatchObject({
      kind: 'Deployment',
      name: 'payments-api',
      controller: true,
    });
    expect(report.report.registry.server).toBe('harbor.example.com');
    expect(report.report.artifact).toMatchObject({
      repository: 'payments/api',
      tag: '1.4.2',
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    const critical = report.report.vulnerabilities.filter(
      (v: any) => v.severity === 'CRITICAL',
    );
    expect(critical).toHaveLength(1);
    expect(critical[0].fixedVersion).not.toBe('');
    expect(report.report.summary).toMatchObject({
      criticalCount: 1,
      highCount: 1,
      mediumCount: 1,
      lowCount: 2,
      unknownCount: 0,
    });

    const core = kubeConfigFor(t.k8s, prod).makeApiClient(t.k8s.CoreV1Api);
    const pod = await eventually(async () => {
      const pods = await core.listNamespacedPod({ namespace: 'payments-prod' });
      return pods.items.find(
        (p: k8s.V1Pod) =>
          p.metadata?.name?.startsWith('payments-api-') &&
          p.status?.containerStatuses?.[0]?.imageID,
      );
    }, 'a running payments-api pod');
    expect(pod.status!.containerStatuses![0].imageID).toBe(
      `harbor.example.com/payments/api@${report.report.artifact.digest}`,
    );
  });

  it('seeds no report for servers the demo has no findings for', async () => {
    const list: any = await customObjects(
      t,
      t.sim.urls().dev,
    ).listNamespacedCustomObject({
      group: GROUP,
      version: VERSION,
      namespace: 'payments-dev',
      plural: PLURAL,
    });
    expect(list.items).toEqual([]);
  });
});

describe('a cluster without Trivy Operator', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({ cluster: { trivyOperator: false } });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  it('answers 404 for VulnerabilityReports', async () => {
    const status = await statusOf(
      customObjects(t).listClusterCustomObject({
        group: GROUP,
        version: VERSION,
        plural: PLURAL,
      }),
    );
    expect(status.httpCode).toBe(404);
  });
});

(hasUpstreamCrd ? describe : describe.skip)(
  'with the upstream VulnerabilityReport CRD loaded',
  () => {
    let t: TestCluster;

    beforeAll(async () => {
      t = await startTestCluster({ crdPaths: [UPSTREAM_CRD] });
    });

    afterAll(async () => {
      await t.sim.stop();
    });

    it('serves the loaded CRD, which enforces its required fields', async () => {
      const status = await statusOf(
        customObjects(t).createNamespacedCustomObject({
          group: GROUP,
          version: VERSION,
          namespace: 'default',
          plural: PLURAL,
          body: sparseReport('sparse'),
        }),
      );
      expect(status.httpCode).toBe(422);
    });

    it('accepts the report the seed writes', async () => {
      const cluster = t.sim.cluster('test');
      const deployments = cluster.registry.find('apps', 'v1', 'deployments')!;
      const workload = cluster.store.create(deployments, {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'api', namespace: 'default' },
        spec: {
          selector: { matchLabels: { app: 'api' } },
          template: {
            metadata: { labels: { app: 'api' } },
            spec: { containers: [{ name: 'api', image: 'nginx:1.27' }] },
          },
        },
      });
      const report = vulnerabilityReportFor({
        workload,
        container: 'api',
        image: 'nginx:1.27',
        findings: [
          {
            vulnerabilityID: 'CVE-2023-44487',
            resource: 'nghttp2-libs',
            installedVersion: '1.57.0-r0',
            fixedVersion: '1.58.0-r0',
            severity: 'HIGH',
            title: 'HTTP/2: Multiple HTTP/2 enabled web servers are vulnerable',
            publishedDate: '2023-10-10T14:15:10Z',
          },
        ],
      });
      const created: any = await customObjects(t).createNamespacedCustomObject({
        group: GROUP,
        version: VERSION,
        namespace: 'default',
        plural: PLURAL,
        body: report,
      });
      expect(created.report.artifact).toMatchObject({
        repository: 'library/nginx',
        tag: '1.27',
      });
    });
  },
);
