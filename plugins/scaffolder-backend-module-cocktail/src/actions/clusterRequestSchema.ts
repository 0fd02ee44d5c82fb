import { z as zod } from 'zod/v3';

type Z = typeof zod;

/** The inputs describing a cluster, shared by create (all of them) and scale (a node pool). */
export function nodePoolSchema(z: Z) {
  return z.object({
    name: z.string().describe('Node-pool name, a DNS label such as workers'),
    replicas: z.number().int().min(0).describe('Number of nodes'),
    machineType: z
      .string()
      .optional()
      .describe(
        'Instance type, VM size or flavor, such as m5.large; the provider default when omitted',
      ),
    minReplicas: z
      .number()
      .int()
      .min(0)
      .optional()
      .describe('Autoscaling lower bound'),
    maxReplicas: z
      .number()
      .int()
      .min(1)
      .optional()
      .describe('Autoscaling upper bound'),
    labels: z
      .record(z.string())
      .optional()
      .describe('Kubernetes labels for the nodes'),
    taints: z
      .array(
        z.object({
          key: z.string(),
          value: z.string().optional(),
          effect: z.enum(['NoSchedule', 'PreferNoSchedule', 'NoExecute']),
        }),
      )
      .optional()
      .describe('Taints for the nodes'),
  });
}

export function clusterInputSchema(z: Z) {
  return z.object({
    name: z
      .string()
      .describe('Cluster name, a DNS label such as payments-prod-2'),
    namespace: z
      .string()
      .optional()
      .describe(
        'Namespace on the management cluster for the Cluster API objects (default: default)',
      ),
    provider: z
      .enum([
        'aws',
        'azure',
        'gcp',
        'openstack',
        'vsphere',
        'cloudstack',
        'metal3',
        'docker',
        'eks',
        'aks',
        'gke',
      ])
      .describe(
        'Infrastructure provider; eks, aks and gke are the managed services',
      ),
    region: z
      .string()
      .optional()
      .describe('Region or location, such as eu-west-1'),
    zone: z
      .string()
      .optional()
      .describe('Zone or failure domain, where the provider has one'),
    kubernetesVersion: z
      .string()
      .optional()
      .describe('Kubernetes version such as v1.33.1'),
    controlPlane: z
      .object({
        provider: z
          .enum(['kubeadm', 'rke2', 'k3s'])
          .optional()
          .describe('Control-plane provider (default kubeadm)'),
        replicas: z
          .number()
          .int()
          .min(1)
          .optional()
          .describe('Control-plane nodes; odd, 3 or more for production'),
        machineType: z
          .string()
          .optional()
          .describe('Control-plane instance type'),
      })
      .optional(),
    nodePools: z
      .array(nodePoolSchema(z))
      .optional()
      .describe('Worker node pools (default: workers, 2 nodes)'),
    network: z
      .object({
        podCidrs: z.array(z.string()).optional().describe('Pod CIDR blocks'),
        serviceCidrs: z
          .array(z.string())
          .optional()
          .describe('Service CIDR blocks'),
      })
      .optional(),
    clusterClass: z
      .string()
      .optional()
      .describe(
        'Use this ClusterClass (topology mode) instead of rendering every object',
      ),
    clusterClassNamespace: z
      .string()
      .optional()
      .describe('Namespace of the ClusterClass'),
    variables: z
      .record(z.unknown())
      .optional()
      .describe('ClusterClass variables, in topology mode'),
    labels: z
      .record(z.string())
      .optional()
      .describe('Labels on the Cluster, such as team and environment'),
    providerOptions: z
      .record(z.string())
      .optional()
      .describe(
        'Provider settings such as sshKeyName, project, resourceGroup, server or template',
      ),
  });
}

/** The scaffolder's input as the backend's cluster request. */
export function toClusterRequest(
  input: zod.infer<ReturnType<typeof clusterInputSchema>>,
) {
  const { clusterClass, clusterClassNamespace, variables, nodePools, ...rest } =
    input;
  return {
    ...rest,
    nodePools: (nodePools ?? [{ name: 'workers', replicas: 2 }]).map(
      ({ minReplicas, maxReplicas, ...pool }) => ({
        ...pool,
        ...(minReplicas !== undefined || maxReplicas !== undefined
          ? {
              autoscaling: {
                minReplicas: minReplicas ?? pool.replicas,
                maxReplicas: maxReplicas ?? pool.replicas,
              },
            }
          : {}),
      }),
    ),
    ...(clusterClass
      ? {
          topology: {
            classRef: { name: clusterClass, namespace: clusterClassNamespace },
            variables,
          },
        }
      : {}),
  };
}
