import {
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { KubeObject } from '../api/types';

/**
 * Just enough of a CocktailServer's manifests to give the demo clusters something to show: the
 * workload and its Service, labelled as the suite labels what it applies. The suite's own
 * renderer (cocktail-node) is the real one; this is seed data for a test double.
 */
export function renderSeedWorkload(
  server: CocktailServerEntityV1alpha1,
  serviceMap: ServiceMapEntityV1alpha1,
): KubeObject[] {
  const name = server.metadata.name;
  const namespace = serviceMap.spec.namespace;
  const serviceName = serviceMap.spec.service.split(/[:/]/).pop()!;
  const labels = {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/managed-by': 'cocktail',
    'cocktailcloud.io/service': serviceName,
    'cocktailcloud.io/service-map': serviceMap.metadata.name,
    'cocktailcloud.io/server': name,
    'backstage.io/kubernetes-id': name,
  };
  const selector = { 'cocktailcloud.io/server': name };
  const podSpec = {
    containers: server.spec.containers.map(c => ({
      name: c.name,
      image: c.image,
      command: c.command,
      args: c.args,
      ports: c.ports?.map(p => ({
        name: p.name,
        containerPort: p.containerPort,
        protocol: p.protocol ?? 'TCP',
      })),
      env: c.env,
      resources: c.resources,
    })),
  };
  const template = { metadata: { labels }, spec: podSpec };
  const metadata = { name, namespace, labels };
  const workload = ((): KubeObject => {
    switch (server.spec.type) {
      case 'StatefulSet':
        return {
          apiVersion: 'apps/v1',
          kind: 'StatefulSet',
          metadata,
          spec: {
            replicas: server.spec.replicas ?? 1,
            serviceName: name,
            selector: { matchLabels: selector },
            template,
            volumeClaimTemplates: (server.spec.volumes ?? []).map(v => ({
              metadata: { name: v.name },
              spec: {
                accessModes: [v.accessMode ?? 'ReadWriteOnce'],
                storageClassName: v.storageClass,
                resources: { requests: { storage: v.size } },
              },
            })),
          },
        };
      case 'DaemonSet':
        return {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          metadata,
          spec: { selector: { matchLabels: selector }, template },
        };
      case 'Job':
        return {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata,
          spec: {
            parallelism: server.spec.replicas ?? 1,
            completions: server.spec.replicas ?? 1,
            backoffLimit: server.spec.backoffLimit,
            template: {
              ...template,
              spec: { ...podSpec, restartPolicy: 'Never' },
            },
          },
        };
      case 'CronJob':
        return {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          metadata,
          spec: {
            schedule: server.spec.schedule,
            timeZone: server.spec.timeZone,
            concurrencyPolicy: server.spec.concurrencyPolicy,
            jobTemplate: {
              metadata: { labels },
              spec: {
                backoffLimit: server.spec.backoffLimit,
                template: {
                  ...template,
                  spec: { ...podSpec, restartPolicy: 'OnFailure' },
                },
              },
            },
          },
        };
      default:
        return {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata,
          spec: {
            replicas: server.spec.replicas ?? 1,
            selector: { matchLabels: selector },
            template,
          },
        };
    }
  })();
  const objects = [workload];
  if (server.spec.ports?.length) {
    objects.push({
      apiVersion: 'v1',
      kind: 'Service',
      metadata,
      spec: {
        type: serviceTypeOf(server),
        selector,
        ports: server.spec.ports.map(p => ({
          name: p.name,
          port: p.port,
          targetPort: p.targetPort ?? p.port,
          protocol: p.protocol ?? 'TCP',
          nodePort: p.nodePort,
        })),
      },
    });
  }
  return objects;
}

function serviceTypeOf(server: CocktailServerEntityV1alpha1): string {
  const exposures = (server.spec.ports ?? []).map(p => p.expose);
  if (exposures.includes('LoadBalancer')) {
    return 'LoadBalancer';
  }
  return exposures.includes('NodePort') ? 'NodePort' : 'ClusterIP';
}
