import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { KubeObject, KubeSim } from '@cocktailcloud/kube-sim';
import type { KubernetesObject } from '@kubernetes/client-node';
import { ClusterRegistry } from '../ClusterRegistry';
import { KubernetesClientModule } from '../kubernetesClient';
import { ClusterEntry, fakeCatalog, serviceCredentials } from './fixtures';

const PROVISION_MS = 150;

/** Waits until `read` gives something other than undefined or false. */
export async function eventually<T>(
  read: () => Promise<T | undefined> | T | undefined,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== false) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 25));
  }
}

/** The v1beta2 objects of a kubeadm cluster on Docker infrastructure with `workers` workers. */
function clusterObjects(
  name: string,
  namespace: string,
  workers: number,
): KubernetesObject[] {
  const meta = (objectName: string, labels?: Record<string, string>) => ({
    name: objectName,
    namespace,
    ...(labels && { labels }),
  });
  const infrastructureRef = (kind: string, refName: string) => ({
    apiGroup: 'infrastructure.cluster.x-k8s.io',
    kind,
    name: refName,
  });
  return [
    {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'DockerCluster',
      metadata: meta(name),
    },
    {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
      kind: 'KubeadmControlPlane',
      metadata: meta(`${name}-control-plane`),
      spec: {
        replicas: 1,
        version: 'v1.31.2',
        machineTemplate: {
          spec: {
            infrastructureRef: infrastructureRef(
              'DockerMachineTemplate',
              `${name}-control-plane`,
            ),
          },
        },
      },
    },
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineDeployment',
      metadata: meta(`${name}-md-0`, { 'cluster.x-k8s.io/cluster-name': name }),
      spec: { clusterName: name, replicas: workers },
    },
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: meta(name),
      spec: {
        controlPlaneRef: {
          apiGroup: 'controlplane.cluster.x-k8s.io',
          kind: 'KubeadmControlPlane',
          name: `${name}-control-plane`,
        },
        infrastructureRef: infrastructureRef('DockerCluster', name),
      },
    },
  ] as KubernetesObject[];
}

/**
 * A simulated Cluster API management cluster `mgmt` (kube-sim over HTTP) that
 * provisions simulated workload clusters, and registries that read it.
 */
export class ManagementClusterSim {
  static async start(client: KubernetesClientModule) {
    const sim = await KubeSim.start({
      clusters: ['mgmt'],
      clusterApi: ['mgmt'],
      cluster: {
        controllers: {
          podReadyDelayMs: 20,
          jobPodDurationMs: 50,
          syncPeriodMs: 100,
          clusterApiProvisionMs: PROVISION_MS,
        },
      },
    });
    return new ManagementClusterSim(sim, client);
  }

  private constructor(
    readonly sim: KubeSim,
    private readonly client: KubernetesClientModule,
  ) {}

  get url(): string {
    return this.sim.cluster('mgmt').url;
  }

  /** A registry with `mgmt` in app-config as the management cluster. */
  registry(
    clusterApi: Record<string, string | number | boolean | string[]> = {},
    extraClusters: ClusterEntry[] = [],
    catalog?: ReturnType<typeof fakeCatalog>,
    options: { requestTimeoutMs?: number } = {},
  ) {
    const logger = mockServices.logger.mock();
    const registry = ClusterRegistry.fromConfig(
      new ConfigReader({
        cocktail: {
          clusters: [
            { name: 'mgmt', url: this.url, skipTLSVerify: true },
            ...extraClusters,
          ],
          clusterApi: { managementCluster: 'mgmt', ...clusterApi },
        },
      }),
      {
        logger,
        kubernetesClient: this.client,
        ...options,
        ...(catalog && {
          catalog,
          credentials: async () => serviceCredentials,
        }),
      },
    );
    return { registry, logger };
  }

  /** Creates a Cluster on the management cluster and waits for its kubeconfig Secret. */
  async provision(name: string, namespace = 'default', workers = 2) {
    const objects = this.objects();
    for (const object of clusterObjects(name, namespace, workers)) {
      await objects.create(object);
    }
    await eventually(
      () => this.secret(name, namespace),
      `the kubeconfig Secret of ${name}`,
    );
  }

  async deprovision(name: string, namespace = 'default') {
    await this.objects().delete({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name, namespace },
    });
    await eventually(
      () =>
        !this.secret(name, namespace) &&
        !this.object(
          'cluster.x-k8s.io',
          'v1beta2',
          'clusters',
          namespace,
          name,
        ),
      `${namespace}/${name} to go`,
    );
  }

  createNamespace(name: string) {
    const mgmt = this.sim.cluster('mgmt');
    mgmt.store.create(mgmt.registry.find('', 'v1', 'namespaces')!, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name },
    });
  }

  /** The stored object of a type, such as a Cluster's KubeadmControlPlane. */
  object(
    group: string,
    version: string,
    plural: string,
    namespace: string,
    name: string,
  ): KubeObject | undefined {
    const mgmt = this.sim.cluster('mgmt');
    return mgmt.store.get(
      mgmt.registry.find(group, version, plural)!,
      namespace,
      name,
    );
  }

  /** The `<name>-kubeconfig` Secret of a Cluster. */
  secret(name: string, namespace = 'default'): KubeObject | undefined {
    return this.object('', 'v1', 'secrets', namespace, `${name}-kubeconfig`);
  }

  /** Its kubeconfig's text. */
  kubeconfigOf(name: string, namespace = 'default'): string {
    const secret = this.secret(name, namespace)!;
    return Buffer.from(secret.data.value, 'base64').toString('utf8');
  }

  tokenOf(name: string, namespace = 'default'): string {
    return /token: (\S+)/.exec(this.kubeconfigOf(name, namespace))![1];
  }

  /** Writes a Secret as someone with write access to the namespace could. */
  writeSecret(secret: KubeObject) {
    const mgmt = this.sim.cluster('mgmt');
    const secrets = mgmt.registry.find('', 'v1', 'secrets')!;
    const { namespace, name } = secret.metadata;
    const { resourceVersion: _, ...metadata } = secret.metadata;
    if (mgmt.store.get(secrets, namespace, name!)) {
      mgmt.store.update(secrets, { ...secret, metadata });
    } else {
      mgmt.store.create(secrets, { ...secret, metadata });
    }
  }

  deleteSecret(name: string, namespace = 'default') {
    const mgmt = this.sim.cluster('mgmt');
    mgmt.store.delete(
      mgmt.registry.find('', 'v1', 'secrets')!,
      namespace,
      `${name}-kubeconfig`,
    );
  }

  stop() {
    return this.sim.stop();
  }

  private objects() {
    const kubeConfig = new this.client.KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'mgmt', server: this.url, skipTLSVerify: true }],
      users: [{ name: 'admin', token: 'mgmt-token' }],
      contexts: [{ name: 'mgmt', cluster: 'mgmt', user: 'admin' }],
      currentContext: 'mgmt',
    });
    return this.client.KubernetesObjectApi.makeApiClient(kubeConfig);
  }
}
