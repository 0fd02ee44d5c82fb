import { renderServerManifests } from '@cocktailcloud/plugin-cocktail-node';
import { changed, ServerObjects } from '../ServerObjects';

/** Sets the HorizontalPodAutoscaler's bounds, or removes it. */
export async function autoscaleServer(
  server: ServerObjects,
  settings:
    | {
        minReplicas: number;
        maxReplicas: number;
        targetCPUUtilization?: number;
      }
    | { enabled: false },
) {
  await server.workload();
  const name = server.target.server.metadata.name;
  if ('enabled' in settings) {
    const existing = await server.autoscaler();
    if (existing) {
      await server.ops.delete({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        namespace: server.target.namespace,
        name,
      });
    }
    return { autoscaling: 'disabled' };
  }
  const withAutoscaling = {
    ...server.target.server,
    spec: { ...server.target.server.spec, autoscaling: settings },
  };
  const hpa = renderServerManifests({
    server: withAutoscaling,
    serviceMap: server.target.serviceMap,
  }).find(m => m.kind === 'HorizontalPodAutoscaler')!;
  return changed(await server.ops.apply(hpa, { dryRun: false }));
}
