import { parse, stringify } from 'yaml';
import { loadClient } from './__testUtils__/fixtures';
import { ManagementClusterSim } from './__testUtils__/managementClusterSim';
import { KubernetesClientModule } from './kubernetesClient';

jest.setTimeout(60_000);

/** Which kubeconfig Secrets of a management cluster the registry trusts. */
describe('ClusterRegistry with Cluster API kubeconfig Secrets', () => {
  let client: KubernetesClientModule;
  let mgmt: ManagementClusterSim;

  beforeAll(async () => {
    client = await loadClient();
    mgmt = await ManagementClusterSim.start(client);
    mgmt.createNamespace('team-a');
    await mgmt.provision('demo', 'default', 0);
  });

  afterAll(async () => {
    await mgmt.stop();
  });

  /** Changes demo's Secret for one test, as someone who may write Secrets could. */
  async function withDemoSecret(
    change: (secret: any) => any,
    test: () => Promise<void>,
  ) {
    const original = mgmt.secret('demo')!;
    mgmt.writeSecret(change(structuredClone(original)));
    try {
      await test();
    } finally {
      mgmt.writeSecret(original);
    }
  }

  /** demo's kubeconfig with `change` applied to its user. */
  function withUser(change: (user: Record<string, unknown>) => void) {
    return (secret: any) => {
      const kubeconfig = parse(mgmt.kubeconfigOf('demo'));
      change(kubeconfig.users[0].user);
      secret.data.value = Buffer.from(stringify(kubeconfig)).toString('base64');
      return secret;
    };
  }

  const execUser = withUser(user => {
    user.exec = {
      apiVersion: 'client.authentication.k8s.io/v1',
      command: 'touch',
      args: ['/tmp/cocktail-exec-ran'],
    };
  });

  it('refuses a kubeconfig Secret whose user runs a command, naming the Secret and the setting that allows it', async () => {
    await withDemoSecret(execUser, async () => {
      const { registry, logger } = mgmt.registry();

      const demo = await registry.getCluster('demo');

      const problem =
        'its data.value carries exec or auth-provider credentials (users[0] "demo-admin": exec), which run commands or plugins in the backend; set cocktail.clusterApi.allowExecCredentials: true if it may';
      expect(demo).toMatchObject({
        name: 'demo',
        url: '',
        source: 'cluster-api',
        auth: { type: 'serviceAccount' },
        refusal: `the kubeconfig Secret "default/demo-kubeconfig" on management cluster "mgmt" is refused: ${problem}`,
      });
      expect(logger.warn).toHaveBeenCalledWith(
        `Ignoring the Cluster API kubeconfig Secret "default/demo-kubeconfig" of "mgmt": ${problem}`,
      );
      await expect(registry.kubeConfigFor(demo)).rejects.toThrow(
        /^Cluster "demo" is not reached: the kubeconfig Secret/,
      );
    });
  });

  it('loads such a Secret when cocktail.clusterApi.allowExecCredentials is true', async () => {
    await withDemoSecret(execUser, async () => {
      const { registry } = mgmt.registry({ allowExecCredentials: true });

      const demo = await registry.getCluster('demo');
      const kubeConfig = await registry.kubeConfigFor(demo);

      expect(demo.refusal).toBeUndefined();
      expect(demo.auth).toMatchObject({
        type: 'kubeconfigData',
        allow: { execCredentials: true },
      });
      expect(kubeConfig.getCurrentUser()?.exec).toMatchObject({
        command: 'touch',
      });
    });
  });

  it('refuses a kubeconfig Secret that names a token file, which client-node would read and send', async () => {
    await withDemoSecret(
      withUser(user => {
        delete user.token;
        user['token-file'] =
          '/var/run/secrets/kubernetes.io/serviceaccount/token';
      }),
      async () => {
        const { registry } = mgmt.registry({ allowExecCredentials: true });

        expect((await registry.getCluster('demo')).refusal).toContain(
          'its data.value carries file paths (users[0] "demo-admin": token-file), which the backend would read from its own disk; set cocktail.clusterApi.allowFilePaths: true if it may',
        );
      },
    );
  });

  it('reads no Secret of a namespace that is not configured, and logs the Cluster there with the namespace to add', async () => {
    await mgmt.provision('elsewhere', 'team-a', 0);
    try {
      const { registry, logger } = mgmt.registry();

      const clusters = await registry.listClusters();

      expect(clusters.map(c => c.name)).toEqual(['mgmt', 'demo']);
      expect(logger.warn).toHaveBeenCalledWith(
        'Not reading the kubeconfig Secret of the Cluster "team-a/elsewhere" of "mgmt": its namespace is not one of cocktail.clusterApi.kubeconfigNamespaces (default); add "team-a" there to reach the cluster',
      );
    } finally {
      await mgmt.deprovision('elsewhere', 'team-a');
    }
  });

  it('refuses Secrets of two namespaces that claim one cluster name, naming both', async () => {
    await mgmt.provision('demo', 'team-a', 0);
    try {
      const { registry, logger } = mgmt.registry({
        kubeconfigNamespaces: ['default', 'team-a'],
      });

      const demo = await registry.getCluster('demo');

      const refusal =
        'the cluster name "demo" is defined by both the kubeconfig Secret "default/demo-kubeconfig" on management cluster "mgmt" and the kubeconfig Secret "team-a/demo-kubeconfig" on management cluster "mgmt", so neither is used; rename or remove one of them';
      expect(demo).toMatchObject({ url: '', refusal });
      expect(logger.warn).toHaveBeenCalledWith(
        `Not reaching the Cluster API cluster "demo": ${refusal}`,
      );
    } finally {
      await mgmt.deprovision('demo', 'team-a');
    }
  });

  it('ignores a Secret that no Cluster of its namespace owns, so that it cannot take over a name', async () => {
    const planted = structuredClone(mgmt.secret('demo')!);
    planted.metadata = {
      name: 'demo-kubeconfig',
      namespace: 'team-a',
      labels: planted.metadata.labels,
    };
    mgmt.writeSecret(planted);
    try {
      const { registry, logger } = mgmt.registry({
        kubeconfigNamespaces: ['default', 'team-a'],
      });

      const demo = await registry.getCluster('demo');

      expect(demo).toMatchObject({
        url: mgmt.sim.cluster('demo').url,
        clusterApi: { namespace: 'default' },
      });
      expect(demo.refusal).toBeUndefined();
      expect(logger.warn).toHaveBeenCalledWith(
        'Ignoring the Cluster API kubeconfig Secret "team-a/demo-kubeconfig" of "mgmt": there is no Cluster "team-a/demo" for it to belong to; delete it if Cluster API did not write it (Cluster API writes it again for a Cluster that needs it)',
      );
    } finally {
      mgmt.deleteSecret('demo', 'team-a');
    }
  });

  it('ignores a Secret without an ownerReference to its Cluster', async () => {
    await withDemoSecret(
      secret => ({
        ...secret,
        metadata: { ...secret.metadata, ownerReferences: [] },
      }),
      async () => {
        const { registry, logger } = mgmt.registry();

        expect((await registry.listClusters()).map(c => c.name)).toEqual([
          'mgmt',
        ]);
        expect(logger.warn).toHaveBeenCalledWith(
          expect.stringContaining(
            'Ignoring the Cluster API kubeconfig Secret "default/demo-kubeconfig" of "mgmt": it has no ownerReference to the Cluster "demo" or to its control plane KubeadmControlPlane "demo-control-plane", as the Secret Cluster API writes has',
          ),
        );
      },
    );
  });

  it("ignores a Secret whose ownerReference has another uid than its Cluster's", async () => {
    const uid = mgmt.object(
      'cluster.x-k8s.io',
      'v1beta2',
      'clusters',
      'default',
      'demo',
    )!.metadata.uid;
    await withDemoSecret(
      secret => ({
        ...secret,
        metadata: {
          ...secret.metadata,
          ownerReferences: [
            { ...secret.metadata.ownerReferences[0], uid: 'not-the-uid' },
          ],
        },
      }),
      async () => {
        const { registry, logger } = mgmt.registry();

        expect((await registry.listClusters()).map(c => c.name)).toEqual([
          'mgmt',
        ]);
        expect(logger.warn).toHaveBeenCalledWith(
          expect.stringContaining(
            `its ownerReference to the Cluster "demo" has uid not-the-uid, but that Cluster's uid is ${uid}`,
          ),
        );
      },
    );
  });

  describe('owned by the control plane, as KubeadmControlPlane leaves it', () => {
    const controlPlaneOwner = (uid: string) => (secret: any) => ({
      ...secret,
      metadata: {
        ...secret.metadata,
        ownerReferences: [
          {
            apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
            kind: 'KubeadmControlPlane',
            name: 'demo-control-plane',
            uid,
            controller: true,
          },
        ],
      },
    });
    const controlPlaneUid = () =>
      mgmt.object(
        'controlplane.cluster.x-k8s.io',
        'v1beta2',
        'kubeadmcontrolplanes',
        'default',
        'demo-control-plane',
      )!.metadata.uid!;

    it("reads the Secret when the uid is the control plane's", async () => {
      await withDemoSecret(controlPlaneOwner(controlPlaneUid()), async () => {
        const { registry } = mgmt.registry();

        expect(await registry.getCluster('demo')).toMatchObject({
          url: mgmt.sim.cluster('demo').url,
          source: 'cluster-api',
        });
      });
    });

    it('ignores it when the uid is another', async () => {
      await withDemoSecret(controlPlaneOwner('not-the-uid'), async () => {
        const { registry, logger } = mgmt.registry();

        expect((await registry.listClusters()).map(c => c.name)).toEqual([
          'mgmt',
        ]);
        expect(logger.warn).toHaveBeenCalledWith(
          expect.stringContaining(
            `its ownerReference to the KubeadmControlPlane "demo-control-plane" of Cluster "demo" has uid not-the-uid, but that KubeadmControlPlane's uid is ${controlPlaneUid()}`,
          ),
        );
      });
    });
  });
});
