import {
  ClusterPolicy,
  validateClusterRequest,
} from '@cocktailcloud/plugin-cocktail-node';
import { applyManifests } from '../lifecycle/applyManifests';
import { clusterEntity } from './clusterEntity';
import {
  ManagementCluster,
  refuseIssues,
  refusePolicy,
  renderForManagement,
} from './clusterOperations';
import { withRequestAnnotation } from './clusterRequestAnnotation';

/** Renders a cluster request and applies it (or, in a dry run, checks it) on the management cluster. */
export async function createCluster(
  management: ManagementCluster,
  policy: ClusterPolicy,
  body: unknown,
  options: { dryRun: boolean; owner: string; where?: string },
) {
  const { request, issues } = validateClusterRequest(
    body,
    management.providers,
  );
  refuseIssues(issues, options.where);
  refusePolicy(policy.check('create', request!));
  const { manifests } = await renderForManagement(management, request!);
  const annotated = manifests.map(m =>
    m.kind === 'Cluster' && m.apiVersion.startsWith('cluster.x-k8s.io/')
      ? withRequestAnnotation(m, request!)
      : m,
  );
  const result = await applyManifests(management.ops, annotated, options);
  return {
    ...result,
    cluster: {
      name: request!.name,
      namespace: request!.namespace ?? 'default',
    },
    entityRef: `resource:default/${request!.name}`,
    entity: clusterEntity(request!, {
      owner: options.owner,
      managementCluster: management.name,
    }),
  };
}
