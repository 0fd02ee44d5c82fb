import { ConflictError, InputError } from '@backstage/errors';

/** A ServiceMap claims a namespace on a cluster; as the catalog has it. */
export interface NamespaceClaim {
  ref: string;
  cluster: string;
  namespace: string;
}

/**
 * Refuses a namespace a ServiceMap may not take: the cluster's own (`default`, `kube-*`), one
 * configured as reserved, or one another ServiceMap already claims on the same cluster.
 */
export function checkServiceMapNamespace(input: {
  serviceMapRef: string;
  cluster: string;
  namespace: string;
  reserved: string[];
  claims: NamespaceClaim[];
}) {
  const { namespace, cluster } = input;
  if (
    namespace === 'default' ||
    namespace.startsWith('kube-') ||
    input.reserved.includes(namespace)
  ) {
    throw new InputError(
      `spec.namespace: ${namespace} is reserved on every cluster (default, kube-*${
        input.reserved.length ? `, ${input.reserved.join(', ')}` : ''
      }); choose a namespace of the Service's own`,
    );
  }
  const others = input.claims.filter(
    claim =>
      claim.cluster === cluster &&
      claim.namespace === namespace &&
      claim.ref !== input.serviceMapRef.toLocaleLowerCase('en-US'),
  );
  if (others.length) {
    throw new ConflictError(
      `spec.namespace: ${namespace} on cluster ${cluster} is already claimed by ${others
        .map(o => o.ref)
        .join(', ')}; a namespace belongs to one ServiceMap`,
    );
  }
}
