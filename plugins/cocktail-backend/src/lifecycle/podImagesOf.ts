/**
 * Every container image (init containers too) of the pod templates of these workloads or
 * ReplicaSets, CronJobs included; sorted, each once.
 */
export function podImagesOf(objects: any[]): string[] {
  const images = new Set<string>();
  for (const object of objects) {
    const pod =
      object?.spec?.template?.spec ??
      object?.spec?.jobTemplate?.spec?.template?.spec;
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
