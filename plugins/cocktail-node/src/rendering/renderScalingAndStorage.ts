import { CocktailServerEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { claimName } from './renderPodTemplate';
import { Manifest } from './types';

type Metadata = Manifest['metadata'];

/** An autoscaling/v2 HPA for the server's workload, when it asks for autoscaling. */
export function renderAutoscaler(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
): Manifest | undefined {
  const autoscaling = server.spec.autoscaling;
  if (!autoscaling) {
    return undefined;
  }
  const utilization = (name: string, target?: number) =>
    target === undefined
      ? []
      : [
          {
            type: 'Resource',
            resource: {
              name,
              target: { type: 'Utilization', averageUtilization: target },
            },
          },
        ];
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata,
    spec: {
      scaleTargetRef: {
        apiVersion: 'apps/v1',
        kind: server.spec.type,
        name: server.metadata.name,
      },
      minReplicas: autoscaling.minReplicas,
      maxReplicas: autoscaling.maxReplicas,
      metrics: [
        ...utilization(
          'cpu',
          autoscaling.targetCPUUtilization ??
            (autoscaling.targetMemoryUtilization === undefined
              ? 80
              : undefined),
        ),
        ...utilization('memory', autoscaling.targetMemoryUtilization),
      ],
    },
  };
}

/** The claims of a Deployment, DaemonSet, Job or CronJob; a StatefulSet's come from its templates. */
export function renderClaims(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
): Manifest[] {
  if (server.spec.type === 'StatefulSet') {
    return [];
  }
  return (server.spec.volumes ?? []).map(v => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { ...metadata, name: claimName(server, v.name) },
    spec: {
      accessModes: [v.accessMode ?? 'ReadWriteOnce'],
      ...(v.storageClass ? { storageClassName: v.storageClass } : {}),
      resources: { requests: { storage: v.size } },
    },
  }));
}
