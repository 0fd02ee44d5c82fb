import { CocktailServerEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { podSelector } from './labels';
import { renderPodTemplate } from './renderPodTemplate';
import { Manifest } from './types';

type Metadata = Manifest['metadata'];

function rollingUpdate(server: CocktailServerEntityV1alpha1) {
  const { maxSurge, maxUnavailable } = server.spec.update ?? {};
  return {
    ...(maxSurge !== undefined ? { maxSurge } : {}),
    ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
  };
}

/**
 * With autoscaling the HPA owns the replica count; leaving `replicas` out of the applied
 * manifest keeps server-side apply from resetting it on every deploy.
 */
function replicas(server: CocktailServerEntityV1alpha1) {
  return server.spec.autoscaling ? {} : { replicas: server.spec.replicas ?? 1 };
}

function deployment(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
  labels: Record<string, string>,
): Manifest {
  const strategy = server.spec.update?.strategy ?? 'RollingUpdate';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata,
    spec: {
      ...replicas(server),
      revisionHistoryLimit: 10,
      selector: { matchLabels: podSelector(server) },
      strategy:
        strategy === 'RollingUpdate'
          ? { type: strategy, rollingUpdate: rollingUpdate(server) }
          : { type: strategy },
      template: renderPodTemplate(server, labels),
    },
  };
}

function statefulSet(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
  labels: Record<string, string>,
): Manifest {
  const strategy = server.spec.update?.strategy ?? 'RollingUpdate';
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata,
    spec: {
      ...replicas(server),
      serviceName: server.metadata.name,
      podManagementPolicy: 'OrderedReady',
      selector: { matchLabels: podSelector(server) },
      updateStrategy: { type: strategy },
      template: renderPodTemplate(server, labels),
      volumeClaimTemplates: (server.spec.volumes ?? []).map(v => ({
        metadata: { name: v.name, labels },
        spec: {
          accessModes: [v.accessMode ?? 'ReadWriteOnce'],
          ...(v.storageClass ? { storageClassName: v.storageClass } : {}),
          resources: { requests: { storage: v.size } },
        },
      })),
    },
  };
}

function daemonSet(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
  labels: Record<string, string>,
): Manifest {
  const strategy = server.spec.update?.strategy ?? 'RollingUpdate';
  const maxUnavailable = server.spec.update?.maxUnavailable;
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata,
    spec: {
      selector: { matchLabels: podSelector(server) },
      updateStrategy:
        strategy === 'RollingUpdate' && maxUnavailable !== undefined
          ? { type: strategy, rollingUpdate: { maxUnavailable } }
          : { type: strategy },
      template: renderPodTemplate(server, labels),
    },
  };
}

function jobSpec(
  server: CocktailServerEntityV1alpha1,
  labels: Record<string, string>,
  restartPolicy: 'Never' | 'OnFailure',
) {
  const count = server.spec.replicas ?? 1;
  return {
    parallelism: count,
    completions: count,
    ...(server.spec.backoffLimit !== undefined
      ? { backoffLimit: server.spec.backoffLimit }
      : {}),
    template: renderPodTemplate(server, labels, restartPolicy),
  };
}

function job(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
  labels: Record<string, string>,
): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata,
    spec: jobSpec(server, labels, 'Never'),
  };
}

function cronJob(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
  labels: Record<string, string>,
): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata,
    spec: {
      schedule: server.spec.schedule,
      ...(server.spec.timeZone ? { timeZone: server.spec.timeZone } : {}),
      concurrencyPolicy: server.spec.concurrencyPolicy ?? 'Allow',
      jobTemplate: {
        metadata: { labels },
        spec: jobSpec(server, labels, 'OnFailure'),
      },
    },
  };
}

const RENDERERS = {
  Deployment: deployment,
  StatefulSet: statefulSet,
  DaemonSet: daemonSet,
  Job: job,
  CronJob: cronJob,
};

/** The workload object of a server, of the type its spec names. */
export function renderWorkload(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
  labels: Record<string, string>,
): Manifest {
  return RENDERERS[server.spec.type](server, metadata, labels);
}
