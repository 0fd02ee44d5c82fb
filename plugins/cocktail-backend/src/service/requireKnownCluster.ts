import { NotFoundError } from '@backstage/errors';
import { ClusterAccess } from './ClusterAccess';

/**
 * The registry's cluster of that name with the catalog Resource its permissions are checked on
 * (`resource:default/<name>` when it has none), or NotFoundError.
 */
export async function requireKnownCluster(
  clusters: ClusterAccess,
  name: string,
): Promise<{ name: string; entityRef: string }> {
  const cluster = (await clusters.listClusters()).find(c => c.name === name);
  if (!cluster) {
    throw new NotFoundError(`cluster: no cluster named ${name}`);
  }
  return { name, entityRef: cluster.entityRef ?? `resource:default/${name}` };
}
