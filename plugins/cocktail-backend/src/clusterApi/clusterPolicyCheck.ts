import {
  ClusterPolicy,
  ClusterPolicyAction,
  ClusterPolicyPerson,
  ClusterPolicyRequest,
} from '@cocktailcloud/plugin-cocktail-node';
import { refusePolicy } from './clusterOperations';
import { requestFromCluster } from './clusterRequestAnnotation';

/** The cluster as the policy judges a change to it: its request (or its name) and what runs. */
export function policySubjectOf(cluster: any): {
  request: ClusterPolicyRequest;
  current: { kubernetesVersion?: string; nodePools?: any[] };
} {
  const { name, namespace } = cluster.metadata;
  const request = requestFromCluster(cluster);
  return {
    request: (request ?? { name, namespace }) as ClusterPolicyRequest,
    current: {
      kubernetesVersion:
        request?.kubernetesVersion ?? cluster.spec?.topology?.version,
      nodePools: request?.nodePools,
    },
  };
}

/**
 * Checks a change to a cluster against the cluster policy with the operation, the person and
 * the target in its context; refuses it with every broken rule, or returns the rules it passed.
 */
export function checkClusterPolicy(
  policy: ClusterPolicy,
  cluster: any,
  check: {
    action: ClusterPolicyAction;
    operation: string;
    person?: ClusterPolicyPerson;
    target?: Record<string, string>;
    /** The cluster's request as the change leaves it, when it changes it. */
    after?: ClusterPolicyRequest;
  },
): string[] {
  const { request, current } = policySubjectOf(cluster);
  refusePolicy(
    policy.check(check.action, check.after ?? request, current, {
      operation: check.operation,
      person: check.person,
      target: check.target,
    }),
  );
  return policy.rulesFor(check.action);
}
