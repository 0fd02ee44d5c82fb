import { kubeConfigFor } from './__testUtils__/clientFor';
import {
  deployment,
  startTestCluster,
  statusOf,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

describe('authentication and RBAC for TokenRequest tokens', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({ cluster: { controllers: false } });
    for (const name of ['team-dev', 'team-prod']) {
      await t.core.createNamespace({ body: { metadata: { name } } });
      const api = deployment('api', 'nginx:1.27');
      api.metadata!.namespace = name;
      await t.apps.createNamespacedDeployment({ namespace: name, body: api });
    }
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  /** A ServiceAccount in team-dev bound to a default ClusterRole there, and its token. */
  async function boundAccount(name: string, clusterRole: string) {
    const account = await t.core.createNamespacedServiceAccount({
      namespace: 'team-dev',
      body: { metadata: { name } },
    });
    await t.objects.create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name, namespace: 'team-dev' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: clusterRole,
      },
      subjects: [{ kind: 'ServiceAccount', name, namespace: 'team-dev' }],
    } as any);
    const request = await t.core.createNamespacedServiceAccountToken({
      namespace: 'team-dev',
      name,
      body: { spec: { audiences: [], expirationSeconds: 600 } },
    });
    const config = kubeConfigFor(t.k8s, t.url, request.status!.token);
    return {
      account,
      core: config.makeApiClient(t.k8s.CoreV1Api),
      apps: config.makeApiClient(t.k8s.AppsV1Api),
      reviews: config.makeApiClient(t.k8s.AuthorizationV1Api),
    };
  }

  it('bootstraps the default ClusterRoles and their bindings', async () => {
    const rbac = t.config.makeApiClient(t.k8s.RbacAuthorizationV1Api);
    const roles = await rbac.listClusterRole();
    expect(roles.items.map(r => r.metadata!.name)).toEqual(
      expect.arrayContaining(['cluster-admin', 'admin', 'edit', 'view']),
    );
    const view = roles.items.find(r => r.metadata!.name === 'view')!;
    const coreRule = view.rules!.find(r => r.apiGroups!.includes(''))!;
    expect(coreRule.verbs).toEqual(['get', 'list', 'watch']);
    expect(coreRule.resources).toContain('pods');
    expect(coreRule.resources).not.toContain('secrets');
  });

  it('lets an edit binding change its namespace and nothing else', async () => {
    const bob = await boundAccount('bob', 'edit');
    const pods = await bob.core.listNamespacedPod({ namespace: 'team-dev' });
    expect(pods.items).toEqual([]);
    await bob.apps.patchNamespacedDeploymentScale({
      namespace: 'team-dev',
      name: 'api',
      body: [{ op: 'replace', path: '/spec/replicas', value: 3 }],
    });
    const refused = await statusOf(
      bob.apps.deleteNamespacedDeployment({
        namespace: 'team-prod',
        name: 'api',
      }),
    );
    expect(refused).toMatchObject({
      httpCode: 403,
      reason: 'Forbidden',
      message:
        'deployments.apps "api" is forbidden: User "system:serviceaccount:team-dev:bob" cannot delete resource "deployments" in API group "apps" in the namespace "team-prod"',
      details: { name: 'api', group: 'apps', kind: 'deployments' },
    });
    const nodes = await statusOf(bob.core.listNode());
    expect(nodes.message).toBe(
      'nodes is forbidden: User "system:serviceaccount:team-dev:bob" cannot list resource "nodes" in API group "" at the cluster scope',
    );
  });

  it('lets a view binding read but not change or read Secrets', async () => {
    const carol = await boundAccount('carol', 'view');
    await carol.apps.readNamespacedDeployment({
      namespace: 'team-dev',
      name: 'api',
    });
    expect(
      (
        await statusOf(
          carol.apps.deleteNamespacedDeployment({
            namespace: 'team-dev',
            name: 'api',
          }),
        )
      ).httpCode,
    ).toBe(403);
    expect(
      (
        await statusOf(
          carol.core.listNamespacedSecret({ namespace: 'team-dev' }),
        )
      ).httpCode,
    ).toBe(403);
  });

  it('answers SelfSubjectAccessReviews from the same rules', async () => {
    const dora = await boundAccount('dora', 'edit');
    const ask = async (namespace: string, verb: string) =>
      (
        await dora.reviews.createSelfSubjectAccessReview({
          body: {
            spec: {
              resourceAttributes: {
                namespace,
                verb,
                group: 'apps',
                resource: 'deployments',
              },
            },
          },
        })
      ).status!.allowed;
    expect(await ask('team-dev', 'delete')).toBe(true);
    expect(await ask('team-prod', 'delete')).toBe(false);
    expect(await ask('team-prod', 'list')).toBe(false);
  });

  it('refuses a token with 401 once its ServiceAccount is deleted', async () => {
    const erin = await boundAccount('erin', 'edit');
    await erin.core.listNamespacedPod({ namespace: 'team-dev' });
    await t.core.deleteNamespacedServiceAccount({
      namespace: 'team-dev',
      name: 'erin',
    });
    expect(
      (await statusOf(erin.core.listNamespacedPod({ namespace: 'team-dev' })))
        .httpCode,
    ).toBe(401);
    await t.core.createNamespacedServiceAccount({
      namespace: 'team-dev',
      body: { metadata: { name: 'erin' } },
    });
    expect(
      (await statusOf(erin.core.listNamespacedPod({ namespace: 'team-dev' })))
        .httpCode,
    ).toBe(401);
  });

  it('refuses a TokenRequest token it never issued', async () => {
    const config = kubeConfigFor(t.k8s, t.url, 'kube-sim.made-up');
    const core = config.makeApiClient(t.k8s.CoreV1Api);
    expect(
      (await statusOf(core.listNamespacedPod({ namespace: 'team-dev' })))
        .httpCode,
    ).toBe(401);
  });
});
