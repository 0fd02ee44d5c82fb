import { AuthService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import { CatalogEntityReader } from '../service/ServerResolver';

/** The annotation a Resource names its Cluster API Cluster by: `<management>/<namespace>/<name>`. */
export const CLUSTER_API_ANNOTATION = 'cocktailcloud.io/cluster-api';

/** The catalog Resource a Cluster's permissions are checked on: found by the Cluster's name. */
export const clusterResourceRef = (name: string) => `resource:default/${name}`;

/**
 * Permissions on a Cluster API Cluster are checked on the Resource of its name; a Resource that
 * names its Cluster (`cocktailcloud.io/cluster-api`) must name this one, so owning `demo` does
 * not reach a Cluster `demo` of another namespace. Read as the plugin, so it cannot be hidden.
 */
export async function requireClusterOfResource(
  deps: { catalog: CatalogEntityReader; auth: AuthService },
  cluster: { namespace: string; name: string },
): Promise<void> {
  const ref = clusterResourceRef(cluster.name);
  const entity = await deps.catalog.getEntityByRef(ref, {
    credentials: await deps.auth.getOwnServiceCredentials(),
  });
  const named = entity?.metadata?.annotations?.[CLUSTER_API_ANNOTATION];
  if (named && !named.endsWith(`/${cluster.namespace}/${cluster.name}`)) {
    throw new NotAllowedError(
      `cluster: ${ref} is the Cluster ${named}, not ${cluster.namespace}/${cluster.name}; permissions on it do not reach another namespace's Cluster`,
    );
  }
}
