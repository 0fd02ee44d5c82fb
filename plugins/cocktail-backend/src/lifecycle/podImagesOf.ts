import { PodTemplateOwner, podTemplateOf } from './serverWorkload';

/**
 * Every container image (init containers too) of the pod templates of these workloads or
 * ReplicaSets, CronJobs included; sorted, each once.
 */
export function podImagesOf(objects: PodTemplateOwner[]): string[] {
  const images = new Set<string>();
  for (const object of objects) {
    const pod = podTemplateOf(object)?.spec;
    for (const c of [
      ...(pod?.initContainers ?? []),
      ...(pod?.containers ?? []),
    ]) {
      if (typeof c?.image === 'string') {
        images.add(c.image);
      }
    }
  }
  return [...images].sort();
}
