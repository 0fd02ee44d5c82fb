/**
 * What a cluster request does, as policy rules see it in `action`.
 *
 * @public
 */
export type ClusterPolicyAction =
  | 'create'
  | 'upgrade'
  | 'scale'
  | 'node'
  | 'addon'
  | 'delete';

/** Every action, in the order rules list them. */
export const CLUSTER_POLICY_ACTIONS: ClusterPolicyAction[] = [
  'create',
  'upgrade',
  'scale',
  'node',
  'addon',
  'delete',
];

/**
 * The actions that change what a cluster is (its request): what a rule without `appliesTo`
 * checks. Rules for nodes, add-ons and deletion name those actions.
 */
export const REQUEST_ACTIONS: ClusterPolicyAction[] = [
  'create',
  'upgrade',
  'scale',
];

/**
 * The operation within an action, as `operation` in rule expressions: `create`, `upgrade`,
 * `scale-node-pool`, `add-node-pool`, `remove-node-pool`, `replace-machine`, `cordon-node`,
 * `uncordon-node`, `drain-node`, `install-addon`, `upgrade-addon`, `remove-addon`, `delete`.
 *
 * @public
 */
export type ClusterPolicyOperation = string;

/**
 * Who asks, as `person` in rule expressions.
 *
 * @public
 */
export interface ClusterPolicyPerson {
  /** The user's entity ref, such as `user:default/erin`. */
  ref: string;
  /** The user's ownership refs: their groups, and themselves. */
  groups: string[];
  platformAdmin: boolean;
}

/**
 * What a check is about beyond the request: the operation, the person, and what it targets
 * (a node, an add-on, a node pool).
 *
 * @public
 */
export interface ClusterPolicyCheckContext {
  operation?: ClusterPolicyOperation;
  person?: ClusterPolicyPerson;
  /** What the operation targets, such as `{ node: 'dev-md-0-x1' }` or `{ addon: 'calico' }`. */
  target?: Record<string, string>;
}

/**
 * A node pool as policy rules see it.
 *
 * @public
 */
export interface ClusterPolicyNodePool {
  name: string;
  replicas?: number;
  machineType?: string;
  autoscaling?: { minReplicas?: number; maxReplicas?: number };
  labels?: Record<string, string>;
  taints?: ReadonlyArray<object>;
}

/**
 * The cluster request that policy rules check, as `request` in their expressions. Kept
 * structural and loose so that the Cluster API request type can be passed as it is.
 *
 * @public
 */
export interface ClusterPolicyRequest {
  name: string;
  namespace?: string;
  provider: string;
  region?: string;
  zone?: string;
  kubernetesVersion?: string;
  controlPlane?: { provider?: string; replicas?: number; machineType?: string };
  nodePools?: ReadonlyArray<ClusterPolicyNodePool>;
  network?: object;
  labels?: Record<string, string>;
  providerOptions?: object;
}

/**
 * The live cluster an upgrade or scale changes, as `current` in rule expressions.
 *
 * @public
 */
export interface ClusterPolicyCurrentCluster {
  kubernetesVersion?: string;
  nodePools?: ReadonlyArray<ClusterPolicyNodePool>;
}

/**
 * One broken rule: its name and the message app-config gives it.
 *
 * @public
 */
export interface ClusterPolicyViolation {
  rule: string;
  message: string;
}

/** A rule as app-config declares it, before its expression is compiled. */
export interface ClusterPolicyRuleConfig {
  /** Where app-config declares the rule, such as `cocktail.clusterApi.policies[2]`. */
  configKey: string;
  name: string;
  message: string;
  expression: string;
  appliesTo: ClusterPolicyAction[];
}
