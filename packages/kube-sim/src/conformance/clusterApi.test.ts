import type * as k8s from '@kubernetes/client-node';
import net from 'node:net';
import { KubeSim, WorkloadClusterEvent } from '../KubeSim';
import { SimulatedCluster } from '../server/SimulatedCluster';
import {
  capiCluster,
  createAll,
  dockerCluster,
  kubeadmControlPlane,
  machineDeployment,
} from './__testUtils__/clusterApiObjects';
import {
  eventually,
  FAST_CONTROLLERS,
  startTestCluster,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(60_000);

const PROVISION_MS = 300;

describe('Cluster API: the management cluster provisions simulated clusters', () => {
  let t: TestCluster;
  const workloadEvents: WorkloadClusterEvent[] = [];

  beforeAll(async () => {
    t = await startTestCluster({
      clusters: ['mgmt'],
      clusterApi: ['mgmt'],
      onWorkloadCluster: event => workloadEvents.push(event),
      cluster: {
        controllers: {
          ...FAST_CONTROLLERS,
          clusterApiProvisionMs: PROVISION_MS,
        },
        bookmarkIntervalMs: 100,
      },
    });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  const ref = (kind: string, name: string, apiVersion: string) => ({
    apiVersion,
    kind,
    metadata: { name, namespace: 'default' },
  });
  const readCluster = (name: string) =>
    t.objects.read<any>(ref('Cluster', name, 'cluster.x-k8s.io/v1beta2'));
  const readMachineDeployment = (name: string) =>
    t.objects.read<any>(
      ref('MachineDeployment', name, 'cluster.x-k8s.io/v1beta2'),
    );
  const readControlPlane = (name: string) =>
    t.objects.read<any>(
      ref('KubeadmControlPlane', name, 'controlplane.cluster.x-k8s.io/v1beta2'),
    );
  const mergePatch = (body: k8s.KubernetesObject) =>
    t.objects.patch(
      body,
      undefined,
      undefined,
      undefined,
      undefined,
      t.k8s.PatchStrategy.MergePatch,
    );

  /** A KubeConfig from the Cluster's `<name>-kubeconfig` Secret, as a user would load it. */
  async function workloadConfig(name: string): Promise<k8s.KubeConfig> {
    const secret = await t.core.readNamespacedSecret({
      name: `${name}-kubeconfig`,
      namespace: 'default',
    });
    const config = new t.k8s.KubeConfig();
    config.loadFromString(
      Buffer.from(secret.data!.value, 'base64').toString('utf8'),
    );
    return config;
  }

  async function nodesOf(config: k8s.KubeConfig) {
    const list = await config.makeApiClient(t.k8s.CoreV1Api).listNode();
    return list.items;
  }

  describe('a kubeadm Cluster with a MachineDeployment', () => {
    let config: k8s.KubeConfig;

    it('goes Pending, Provisioning and Provisioned, as a watch sees it', async () => {
      const phases: string[] = [];
      let provisioned = () => {};
      const done = new Promise<void>(resolve => {
        provisioned = resolve;
      });
      const watch = await new t.k8s.Watch(t.config).watch(
        '/apis/cluster.x-k8s.io/v1beta2/namespaces/default/clusters',
        {},
        (_type, object) => {
          const phase = object.status?.phase;
          if (phase && phases[phases.length - 1] !== phase) {
            phases.push(phase);
          }
          if (phase === 'Provisioned') {
            provisioned();
          }
        },
        () => {},
      );

      await createAll(t.objects, [
        dockerCluster('demo'),
        kubeadmControlPlane('demo', 1, 'v1.31.2'),
        machineDeployment('demo', 'demo-md-0', 2, 'v1.31.2'),
        capiCluster('demo'),
      ]);
      await done;
      watch.abort();

      expect(phases).toEqual(['Pending', 'Provisioning', 'Provisioned']);
    });

    it('reports v1beta2 conditions, initialization and replica counts', async () => {
      const cluster = await eventually(async () => {
        const c = await readCluster('demo');
        return c.status?.workers?.replicas === 2 ? c : undefined;
      }, 'the workers to be counted');

      expect(cluster.metadata.finalizers).toEqual(['cluster.cluster.x-k8s.io']);
      expect(cluster.status).toMatchObject({
        phase: 'Provisioned',
        initialization: {
          infrastructureProvisioned: true,
          controlPlaneInitialized: true,
        },
        controlPlane: { desiredReplicas: 1, replicas: 1, readyReplicas: 1 },
        workers: { desiredReplicas: 2, replicas: 2, upToDateReplicas: 2 },
      });
      const conditions = Object.fromEntries(
        cluster.status.conditions.map((c: any) => [c.type, c.status]),
      );
      expect(conditions).toMatchObject({
        InfrastructureReady: 'True',
        ControlPlaneInitialized: 'True',
        ControlPlaneAvailable: 'True',
        WorkersAvailable: 'True',
        Available: 'True',
      });
      const dockerInfra = await t.objects.read<any>(
        ref('DockerCluster', 'demo', 'infrastructure.cluster.x-k8s.io/v1beta2'),
      );
      expect(dockerInfra.status).toEqual({ ready: true });
    });

    it('gives MachineDeployments and the control plane their status', async () => {
      const md = await eventually(async () => {
        const m = await readMachineDeployment('demo-md-0');
        return m.status?.phase === 'Running' ? m : undefined;
      }, 'the MachineDeployment to run');
      expect(md.status).toMatchObject({
        replicas: 2,
        readyReplicas: 2,
        availableReplicas: 2,
        upToDateReplicas: 2,
      });
      const kcp = await readControlPlane('demo-control-plane');
      expect(kcp.status).toMatchObject({
        initialization: { controlPlaneInitialized: true },
        replicas: 1,
        readyReplicas: 1,
        version: 'v1.31.2',
      });
    });

    it('starts a simulated cluster on a new port with the kubeconfig Secret that reaches it', async () => {
      const secret = await t.core.readNamespacedSecret({
        name: 'demo-kubeconfig',
        namespace: 'default',
      });
      expect(secret.type).toBe('cluster.x-k8s.io/secret');
      expect(secret.metadata?.labels).toEqual({
        'cluster.x-k8s.io/cluster-name': 'demo',
      });
      const workload = t.sim.cluster('demo');
      expect(workloadEvents).toEqual([
        expect.objectContaining({
          type: 'provisioned',
          name: 'demo',
          url: workload.url,
          managementCluster: 'mgmt',
          namespace: 'default',
          clusterName: 'demo',
        }),
      ]);
      expect(workload.url).not.toBe(t.url);

      config = await workloadConfig('demo');

      expect(config.getCurrentCluster()).toMatchObject({
        server: workload.url,
        skipTLSVerify: true,
      });
      const nodes = await nodesOf(config);
      expect(nodes).toHaveLength(3);
      expect(
        nodes.filter(
          n =>
            n.metadata?.labels?.['node-role.kubernetes.io/control-plane'] ===
            '',
        ),
      ).toHaveLength(1);
      expect(
        new Set(nodes.map(n => n.status?.nodeInfo?.kubeletVersion)),
      ).toEqual(new Set(['v1.31.2']));
      const version = await config.makeApiClient(t.k8s.VersionApi).getCode();
      expect(version).toMatchObject({ gitVersion: 'v1.31.2', minor: '31' });
    });

    it('requires the token of the kubeconfig on the new cluster', async () => {
      const response = await fetch(`${t.sim.cluster('demo').url}/api/v1/nodes`);

      expect(response.status).toBe(401);
    });

    it('keeps one Machine per node in the Cluster namespace', async () => {
      const machines = await eventually(async () => {
        const list = await t.objects.list<any>(
          'cluster.x-k8s.io/v1beta2',
          'Machine',
          'default',
        );
        return list.items.length === 3 ? list.items : undefined;
      }, 'three Machines');
      const nodeNames = (await nodesOf(config)).map(n => n.metadata!.name);

      expect(machines.map((m: any) => m.status.nodeRef.name).sort()).toEqual(
        [...nodeNames].sort(),
      );
      expect(
        machines.filter(
          (m: any) =>
            m.metadata.labels['cluster.x-k8s.io/deployment-name'] ===
            'demo-md-0',
        ),
      ).toHaveLength(2);
    });

    it('reports a control plane upgrade in /version and the kubelets', async () => {
      await mergePatch({
        ...ref(
          'KubeadmControlPlane',
          'demo-control-plane',
          'controlplane.cluster.x-k8s.io/v1beta2',
        ),
        spec: { version: 'v1.32.0' },
      } as k8s.KubernetesObject);

      const version = await eventually(async () => {
        const v = await config.makeApiClient(t.k8s.VersionApi).getCode();
        return v.gitVersion === 'v1.32.0' ? v : undefined;
      }, '/version to report v1.32.0');
      expect(version.minor).toBe('32');
      const controlPlaneNodes = (await nodesOf(config)).filter(
        n =>
          n.metadata?.labels?.['node-role.kubernetes.io/control-plane'] === '',
      );
      expect(
        controlPlaneNodes.map(n => n.status?.nodeInfo?.kubeletVersion),
      ).toEqual(['v1.32.0']);
      await eventually(
        async () =>
          (await readControlPlane('demo-control-plane')).status?.version ===
          'v1.32.0',
        'the control plane status to report v1.32.0',
      );
    });

    it('rolls the kubelets of a MachineDeployment to its template version', async () => {
      await mergePatch({
        ...ref('MachineDeployment', 'demo-md-0', 'cluster.x-k8s.io/v1beta2'),
        spec: { template: { spec: { version: 'v1.32.0' } } },
      } as k8s.KubernetesObject);

      await eventually(async () => {
        const nodes = await nodesOf(config);
        return nodes.every(
          n => n.status?.nodeInfo?.kubeletVersion === 'v1.32.0',
        );
      }, 'every kubelet to run v1.32.0');
      const md = await eventually(async () => {
        const m = await readMachineDeployment('demo-md-0');
        return m.status?.upToDateReplicas === 2 ? m : undefined;
      }, 'the MachineDeployment to be up to date');
      expect(md.status.replicas).toBe(2);
    });

    it('adds and removes nodes when the MachineDeployment is scaled', async () => {
      const scale = (replicas: number) =>
        mergePatch({
          ...ref('MachineDeployment', 'demo-md-0', 'cluster.x-k8s.io/v1beta2'),
          spec: { replicas },
        } as k8s.KubernetesObject);

      await scale(4);
      await eventually(
        async () => (await nodesOf(config)).length === 5,
        'five nodes',
      );
      await eventually(async () => {
        const md = await readMachineDeployment('demo-md-0');
        return md.status?.readyReplicas === 4 && md.status.phase === 'Running';
      }, 'the MachineDeployment to report four ready replicas');

      await scale(1);
      await eventually(
        async () => (await nodesOf(config)).length === 2,
        'two nodes',
      );
      const cluster = await eventually(async () => {
        const c = await readCluster('demo');
        return c.status?.workers?.replicas === 1 ? c : undefined;
      }, 'the Cluster to count one worker');
      expect(cluster.status.workers.desiredReplicas).toBe(1);
    });

    it('records Events about the Cluster', async () => {
      const events = await t.core.listNamespacedEvent({
        namespace: 'default',
        fieldSelector: 'involvedObject.name=demo',
      });

      expect(events.items.map(e => e.reason)).toEqual(
        expect.arrayContaining(['Pending', 'Provisioning', 'Provisioned']),
      );
    });

    it('stops the simulated cluster and removes the Secret when the Cluster is deleted', async () => {
      const url = t.sim.cluster('demo').url;

      await t.objects.delete(
        ref('Cluster', 'demo', 'cluster.x-k8s.io/v1beta2'),
      );

      await eventually(async () => {
        try {
          await readCluster('demo');
          return undefined;
        } catch (error: any) {
          return error.code === 404;
        }
      }, 'the Cluster to go');
      expect(t.sim.clusters.has('demo')).toBe(false);
      await expect(fetch(`${url}/version`)).rejects.toThrow();
      const secrets = await t.core.listNamespacedSecret({
        namespace: 'default',
        labelSelector: 'cluster.x-k8s.io/cluster-name=demo',
      });
      expect(secrets.items).toEqual([]);
      const machineDeployments = await t.objects.list(
        'cluster.x-k8s.io/v1beta2',
        'MachineDeployment',
        'default',
      );
      expect(machineDeployments.items).toEqual([]);
      await eventually(
        () => workloadEvents.length === 2,
        'the simulated cluster to be reported deleted',
      );
      expect(workloadEvents.map(e => `${e.type} ${e.name}`)).toEqual([
        'provisioned demo',
        'deleted demo',
      ]);
      const events = await t.core.listNamespacedEvent({
        namespace: 'default',
        fieldSelector: 'involvedObject.name=demo',
      });
      expect(events.items.map(e => e.reason)).toEqual(
        expect.arrayContaining(['Deleting', 'Deleted']),
      );
    });
  });

  it('takes the version and machine counts of a topology Cluster from its topology', async () => {
    await createAll(t.objects, [
      {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        metadata: { name: 'classy', namespace: 'default' },
        spec: {
          topology: {
            classRef: { name: 'quick-start' },
            version: 'v1.30.4',
            controlPlane: { replicas: 3 },
            workers: {
              machineDeployments: [
                { class: 'default-worker', name: 'md-0', replicas: 2 },
              ],
            },
          },
        },
      } as k8s.KubernetesObject,
    ]);

    await eventually(
      async () => (await readCluster('classy')).status?.phase === 'Provisioned',
      'the topology Cluster to be provisioned',
    );
    const config = await workloadConfig('classy');
    const nodes = await nodesOf(config);

    expect(nodes).toHaveLength(5);
    expect(
      (await config.makeApiClient(t.k8s.VersionApi).getCode()).gitVersion,
    ).toBe('v1.30.4');
  });

  it('gives a v1beta1 Cluster the v1beta1 status shape', async () => {
    await createAll(t.objects, [
      {
        ...kubeadmControlPlane('legacy', 1, 'v1.29.8'),
        apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
      },
      {
        apiVersion: 'cluster.x-k8s.io/v1beta1',
        kind: 'Cluster',
        metadata: { name: 'legacy', namespace: 'default' },
        spec: {
          controlPlaneRef: {
            apiVersion: 'controlplane.cluster.x-k8s.io/v1beta1',
            kind: 'KubeadmControlPlane',
            name: 'legacy-control-plane',
          },
        },
      } as k8s.KubernetesObject,
    ]);

    const cluster = await eventually(async () => {
      const c = await t.objects.read<any>(
        ref('Cluster', 'legacy', 'cluster.x-k8s.io/v1beta1'),
      );
      return c.status?.phase === 'Provisioned' ? c : undefined;
    }, 'the v1beta1 Cluster to be provisioned');

    expect(cluster.status).toMatchObject({
      infrastructureReady: true,
      controlPlaneReady: true,
    });
    expect(
      cluster.status.conditions.find((c: any) => c.type === 'Ready').status,
    ).toBe('True');
    expect(
      cluster.status.v1beta2.conditions.find((c: any) => c.type === 'Available')
        .status,
    ).toBe('True');
    const kcp = await eventually(async () => {
      const c = await t.objects.read<any>(
        ref(
          'KubeadmControlPlane',
          'legacy-control-plane',
          'controlplane.cluster.x-k8s.io/v1beta1',
        ),
      );
      return c.status?.ready ? c : undefined;
    }, 'the v1beta1 control plane to be ready');
    expect(kcp.status).toMatchObject({
      initialized: true,
      replicas: 1,
      updatedReplicas: 1,
      version: 'v1.29.8',
    });
  });

  it('runs only the MachinePool nodes of a managed control plane, at its version', async () => {
    await createAll(t.objects, [
      {
        apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
        kind: 'AWSManagedControlPlane',
        metadata: { name: 'eks-control-plane', namespace: 'default' },
        spec: { version: 'v1.30.1', region: 'eu-west-1' },
      } as k8s.KubernetesObject,
      {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'MachinePool',
        metadata: {
          name: 'eks-pool-0',
          namespace: 'default',
          labels: { 'cluster.x-k8s.io/cluster-name': 'eks' },
        },
        spec: {
          clusterName: 'eks',
          replicas: 3,
          template: { spec: { clusterName: 'eks' } },
        },
      } as k8s.KubernetesObject,
      capiCluster('eks', {
        controlPlaneRef: {
          apiGroup: 'controlplane.cluster.x-k8s.io',
          kind: 'AWSManagedControlPlane',
          name: 'eks-control-plane',
        },
        infrastructureRef: {
          apiGroup: 'controlplane.cluster.x-k8s.io',
          kind: 'AWSManagedControlPlane',
          name: 'eks-control-plane',
        },
      }),
    ]);

    await eventually(
      async () => (await readCluster('eks')).status?.phase === 'Provisioned',
      'the EKS Cluster to be provisioned',
    );
    const config = await workloadConfig('eks');
    const nodes = await nodesOf(config);

    expect(nodes).toHaveLength(3);
    expect(
      nodes.map(n => n.metadata?.annotations?.['cluster.x-k8s.io/owner-kind']),
    ).toEqual(['MachinePool', 'MachinePool', 'MachinePool']);
    expect(
      (await config.makeApiClient(t.k8s.VersionApi).getCode()).gitVersion,
    ).toBe('v1.30.1');
    const pool = await eventually(async () => {
      const p = await t.objects.read<any>(
        ref('MachinePool', 'eks-pool-0', 'cluster.x-k8s.io/v1beta2'),
      );
      return p.status?.phase === 'Running' ? p : undefined;
    }, 'the MachinePool to run');
    expect(pool.status).toMatchObject({ replicas: 3, readyReplicas: 3 });
  });

  it('waits in Provisioning for the control plane the Cluster names', async () => {
    await createAll(t.objects, [capiCluster('late')]);
    await eventually(
      async () => (await readCluster('late')).status?.phase === 'Provisioning',
      'the Cluster to be Provisioning',
    );
    await new Promise(resolve => setTimeout(resolve, PROVISION_MS * 2));

    expect((await readCluster('late')).status.phase).toBe('Provisioning');
    expect(t.sim.clusters.has('late')).toBe(false);

    await createAll(t.objects, [kubeadmControlPlane('late', 3, 'v1.31.2')]);
    await eventually(
      async () => (await readCluster('late')).status?.phase === 'Provisioned',
      'the Cluster to be Provisioned',
    );
    expect(await nodesOf(await workloadConfig('late'))).toHaveLength(3);
  });

  it('names the simulated cluster after its namespace when the Cluster name is taken', async () => {
    await createAll(t.objects, [
      kubeadmControlPlane('mgmt', 1, 'v1.31.2'),
      capiCluster('mgmt'),
    ]);

    await eventually(
      async () => (await readCluster('mgmt')).status?.phase === 'Provisioned',
      'the Cluster named mgmt to be provisioned',
    );
    const config = await workloadConfig('mgmt');

    expect(config.getCurrentCluster()?.server).toBe(
      t.sim.cluster('default-mgmt').url,
    );
    expect(await nodesOf(config)).toHaveLength(1);
  });
});

describe('Cluster API on a lone SimulatedCluster', () => {
  it('starts the clusters it provisions on free ports and stops them when it closes', async () => {
    const management = new SimulatedCluster({
      name: 'alone',
      clusterApi: true,
      controllers: { ...FAST_CONTROLLERS, clusterApiProvisionMs: 60 },
    });
    await management.listen(0);
    const clusters = typeOfCluster(management);
    management.store.create(clusters, {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'solo', namespace: 'default' },
      spec: { topology: { classRef: { name: 'c' }, version: 'v1.31.0' } },
    });

    const workload = await eventually(
      () => management.clusterApi!.workloadCluster('default', 'solo'),
      'the simulated cluster of solo',
    );
    const response = await fetch(`${workload.url}/version`);
    expect(response.status).toBe(401);

    await management.close();
    await expect(fetch(`${workload.url}/version`)).rejects.toThrow();
  });
});

function typeOfCluster(cluster: SimulatedCluster) {
  return cluster.registry.find('cluster.x-k8s.io', 'v1beta2', 'clusters')!;
}

describe('Cluster API in KubeSim on fixed ports', () => {
  function listenOn(port: number): Promise<net.Server | undefined> {
    return new Promise(resolve => {
      const server = net.createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => resolve(server));
    });
  }

  const close = (server: net.Server) =>
    new Promise(resolve => server.close(resolve));

  /** A port whose next three were free a moment ago, with the second next held by a blocker. */
  async function portsWithBlocker(): Promise<{
    port: number;
    blocker: net.Server;
  }> {
    for (;;) {
      const probe = (await listenOn(0))!;
      const port = (probe.address() as net.AddressInfo).port;
      await close(probe);
      if (port > 65000) {
        continue;
      }
      const servers = await Promise.all(
        [0, 1, 2, 3].map(offset => listenOn(port + offset)),
      );
      if (servers.every(Boolean)) {
        await Promise.all([0, 1, 3].map(offset => close(servers[offset]!)));
        return { port, blocker: servers[2]! };
      }
      await Promise.all(servers.map(server => server && close(server)));
    }
  }

  it('puts a provisioned cluster on the first free port after the existing clusters', async () => {
    const { port, blocker } = await portsWithBlocker();
    const sim = await KubeSim.start({
      clusters: ['mgmt', 'other'],
      port,
      clusterApi: ['mgmt'],
      cluster: {
        controllers: { ...FAST_CONTROLLERS, clusterApiProvisionMs: 60 },
      },
    });
    try {
      const mgmt = sim.cluster('mgmt');
      mgmt.store.create(typeOfCluster(mgmt), {
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        metadata: { name: 'next', namespace: 'default' },
        spec: { topology: { classRef: { name: 'c' }, version: 'v1.31.0' } },
      });

      await eventually(() => sim.clusters.get('next'), 'the cluster next');

      expect(sim.urls()).toEqual({
        mgmt: `http://127.0.0.1:${port}`,
        other: `http://127.0.0.1:${port + 1}`,
        next: `http://127.0.0.1:${port + 3}`,
      });
    } finally {
      await sim.stop();
      await close(blocker);
    }
  });

  it('refuses a management cluster that is not among the clusters', async () => {
    await expect(
      KubeSim.start({ clusters: ['dev'], clusterApi: ['prod'] }),
    ).rejects.toThrow(
      'the Cluster API management cluster prod is not one of the clusters (dev)',
    );
  });
});
