import { NotFoundError } from '@backstage/errors';
import { ClusterAccess } from './ClusterAccess';

/** Throws NotFoundError unless the registry has a cluster of that name. */
export async function requireKnownCluster(
  clusters: ClusterAccess,
  name: string,
): Promise<void> {
  const known = (await clusters.listClusters()).some(c => c.name === name);
  if (!known) {
    throw new NotFoundError(`cluster: no cluster named ${name}`);
  }
}
