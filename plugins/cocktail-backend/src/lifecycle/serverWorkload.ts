import type {
  V1CronJob,
  V1DaemonSet,
  V1Deployment,
  V1Job,
  V1PodTemplateSpec,
  V1ReplicaSet,
  V1StatefulSet,
} from '@kubernetes/client-node';

/** The object a CocktailServer runs as, one per `spec.type`. */
export type ServerWorkload =
  | V1Deployment
  | V1StatefulSet
  | V1DaemonSet
  | V1Job
  | V1CronJob;

/** The workloads whose replicas can be set. */
export type ScalableWorkload = V1Deployment | V1StatefulSet;

/** An object that carries a pod template: a workload, or a Deployment's ReplicaSet. */
export type PodTemplateOwner = ServerWorkload | V1ReplicaSet;

/** The pod template of a workload; a CronJob's is in its job template. */
export function podTemplateOf(
  object: PodTemplateOwner,
): V1PodTemplateSpec | undefined {
  const spec = object?.spec;
  if (!spec) {
    return undefined;
  }
  return 'jobTemplate' in spec
    ? spec.jobTemplate?.spec?.template
    : spec.template;
}
