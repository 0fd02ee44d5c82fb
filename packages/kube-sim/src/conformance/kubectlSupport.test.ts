import { servingCertificate } from '../server/selfSignedCertificate';
import {
  deployment,
  eventually,
  startTestCluster,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** What kubectl needs from an API server beyond what client-node uses. */
describe('what kubectl relies on', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster();
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment('web', 'nginx:1.26', 2),
    });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  it('answers HTTPS on the same port, with a certificate its own CA verifies', async () => {
    const secureUrl = t.sim.cluster('test').secureUrl;
    expect(secureUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const client = await import('@kubernetes/client-node');
    const config = new client.KubeConfig();
    config.loadFromOptions({
      clusters: [
        {
          name: 'sim',
          server: secureUrl,
          caData: Buffer.from(servingCertificate().cert).toString('base64'),
        },
      ],
      users: [{ name: 'sim-user', token: 'test-token' }],
      contexts: [{ name: 'sim', cluster: 'sim', user: 'sim-user' }],
      currentContext: 'sim',
    });
    const namespaces = await config
      .makeApiClient(client.CoreV1Api)
      .listNamespace();
    expect(namespaces.items.map(n => n.metadata?.name)).toContain('default');
    // The plain-HTTP side keeps answering on the same port.
    const plain = await fetch(`${t.url}/version`);
    expect(plain.status).toBe(200);
  });

  it('fills in the API server defaults of a Deployment and its pod template', async () => {
    const web = await t.apps.readNamespacedDeployment({
      namespace: 'default',
      name: 'web',
    });
    expect(web.spec?.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
    });
    expect(web.spec?.revisionHistoryLimit).toBe(10);
    expect(web.spec?.progressDeadlineSeconds).toBe(600);
    expect(web.spec?.template.spec?.restartPolicy).toBe('Always');
    expect(web.spec?.template.spec?.containers[0].imagePullPolicy).toBe(
      'IfNotPresent',
    );
  });

  it('answers kubectl get with a meta.k8s.io Table of the kind’s columns', async () => {
    await eventually(async () => {
      const d = await t.apps.readNamespacedDeployment({
        namespace: 'default',
        name: 'web',
      });
      return d.status?.readyReplicas === 2 || undefined;
    }, 'web ready');
    const response = await fetch(
      `${t.url}/apis/apps/v1/namespaces/default/deployments?limit=500`,
      { headers: { Accept: TABLE_ACCEPT } },
    );
    const table = await response.json();
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(
      table.columnDefinitions
        .filter((c: any) => c.priority === 0)
        .map((c: any) => c.name),
    ).toEqual(['Name', 'Ready', 'Up-to-date', 'Available', 'Age']);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0].cells.slice(0, 4)).toEqual(['web', '2/2', 2, 2]);
    expect(table.rows[0].object).toMatchObject({
      kind: 'PartialObjectMetadata',
      metadata: { name: 'web', namespace: 'default' },
    });

    const pods = await fetch(`${t.url}/api/v1/namespaces/default/pods`, {
      headers: { Accept: TABLE_ACCEPT },
    }).then(r => r.json());
    expect(pods.rows).toHaveLength(2);
    expect(pods.rows[0].cells.slice(1, 4)).toEqual(['1/1', 'Running', 0]);

    // A plain JSON Accept still gets the list.
    const list = await fetch(
      `${t.url}/apis/apps/v1/namespaces/default/deployments`,
    ).then(r => r.json());
    expect(list.kind).toBe('DeploymentList');
  });

  it('finds a ReplicaSet again from its template with empty fields, as rollout undo sends it', async () => {
    await t.apps.patchNamespacedDeployment({
      namespace: 'default',
      name: 'web',
      body: [
        {
          op: 'replace',
          path: '/spec/template/spec/containers/0/image',
          value: 'nginx:1.27',
        },
      ],
    });
    const replicaSets = () =>
      t.apps
        .listNamespacedReplicaSet({ namespace: 'default' })
        .then(list => list.items);
    await eventually(
      async () => (await replicaSets()).length === 2 || undefined,
      'a second ReplicaSet',
    );
    const first = (await replicaSets()).find(
      rs => rs.spec?.template?.spec?.containers[0].image === 'nginx:1.26',
    )!;
    const template = JSON.parse(JSON.stringify(first.spec!.template));
    delete template.metadata.labels['pod-template-hash'];
    template.metadata.creationTimestamp = null;
    template.spec.containers[0].resources = {};
    await t.apps.patchNamespacedDeployment({
      namespace: 'default',
      name: 'web',
      body: [{ op: 'replace', path: '/spec/template', value: template }],
    });
    await eventually(async () => {
      const all = await replicaSets();
      const reused = all.find(rs => rs.metadata?.name === first.metadata?.name);
      return (
        reused?.metadata?.annotations?.['deployment.kubernetes.io/revision'] ===
          '3' || undefined
      );
    }, 'the first ReplicaSet as revision 3');
    expect(await replicaSets()).toHaveLength(2);
  });
});
