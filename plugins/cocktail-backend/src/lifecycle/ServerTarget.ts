import {
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';

/** A CocktailServer with everything needed to reach its objects. */
export interface ServerTarget {
  entityRef: string;
  server: CocktailServerEntityV1alpha1;
  serviceMap: ServiceMapEntityV1alpha1;
  cluster: string;
  namespace: string;
}

export interface ObjectRef {
  apiVersion: string;
  kind: string;
  namespace: string;
  name: string;
}

export const WORKLOAD_API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1',
  StatefulSet: 'apps/v1',
  DaemonSet: 'apps/v1',
  Job: 'batch/v1',
  CronJob: 'batch/v1',
};

export function workloadRef(target: ServerTarget): ObjectRef {
  return {
    apiVersion: WORKLOAD_API_VERSIONS[target.server.spec.type],
    kind: target.server.spec.type,
    namespace: target.namespace,
    name: target.server.metadata.name,
  };
}

export function describeRef(ref: {
  kind: string;
  name?: string;
  metadata?: { name?: string };
}) {
  return `${ref.kind}/${ref.name ?? ref.metadata?.name}`;
}
