import { NotFoundError } from '@backstage/errors';
import { Manifest } from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import { applyInOrder } from '../lifecycle/applyManifests';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { describeRef } from '../lifecycle/ServerTarget';
import { ACCESS_GRANT_LABEL, grantObjects } from './grantObjects';
import { renderKubeconfig } from './renderKubeconfig';
import { StoredAccessGrant } from './types';

/** The API server refuses TokenRequests for less than ten minutes. */
const MIN_TOKEN_SECONDS = 600;

type GrantOnCluster = Pick<
  StoredAccessGrant,
  | 'id'
  | 'scope'
  | 'cluster'
  | 'namespace'
  | 'userRef'
  | 'role'
  | 'serviceAccount'
  | 'expiresAt'
>;

/**
 * A grant's objects on its cluster: creates the ServiceAccount and its binding (checked by a dry
 * run first) and a token for it; removes them again to revoke. A grant shorter than the API
 * server's ten-minute token minimum gets a ten-minute token, and its end comes from the sweep
 * deleting the ServiceAccount, which invalidates the token.
 */
export class AccessGranter {
  constructor(
    private readonly deps: {
      operationsFor(cluster: string): Promise<KubernetesOperations>;
      kubeConfigFor(cluster: string): Promise<k8s.KubeConfig>;
    },
  ) {}

  async grant(
    grant: GrantOnCluster,
    durationMinutes: number,
  ): Promise<{ token: string; kubeconfig: string }> {
    const ops = await this.deps.operationsFor(grant.cluster);
    const manifests = grantObjects(grant);
    for (const manifest of manifests) {
      await ops.apply(manifest, { dryRun: true });
    }
    await applyInOrder(ops, manifests);
    let token: string;
    try {
      ({ token } = await ops.requestToken(
        grant.namespace,
        grant.serviceAccount,
        Math.max(MIN_TOKEN_SECONDS, durationMinutes * 60),
      ));
    } catch (error) {
      throw await this.withCleanup(ops, manifests, error as Error);
    }
    const cluster = (
      await this.deps.kubeConfigFor(grant.cluster)
    ).getCurrentCluster();
    if (!cluster) {
      throw await this.withCleanup(
        ops,
        manifests,
        new Error(`cluster ${grant.cluster} has no server address configured`),
      );
    }
    return {
      token,
      kubeconfig: renderKubeconfig({
        cluster: grant.cluster,
        server: cluster.server,
        certificateAuthorityData: cluster.caData,
        skipTlsVerify: cluster.skipTLSVerify,
        // A cluster-wide grant reads every namespace; kubectl starts in `default`.
        namespace: grant.scope === 'cluster' ? 'default' : grant.namespace,
        userName: grant.serviceAccount,
        token,
      }),
    };
  }

  /** Removes the grant's binding and ServiceAccount; those already gone count as removed. */
  async revoke(grant: GrantOnCluster): Promise<string[]> {
    const ops = await this.deps.operationsFor(grant.cluster);
    return this.remove(ops, grantObjects(grant).reverse());
  }

  private async remove(ops: KubernetesOperations, manifests: Manifest[]) {
    const removed: string[] = [];
    for (const manifest of manifests) {
      try {
        await ops.delete({
          apiVersion: manifest.apiVersion,
          kind: manifest.kind,
          namespace: manifest.metadata.namespace!,
          name: manifest.metadata.name,
        });
      } catch (error) {
        if (!(error instanceof NotFoundError)) {
          throw error;
        }
      }
      removed.push(describeRef(manifest));
    }
    return removed;
  }

  /** The error of a grant that failed after its objects were made, saying what was left. */
  private async withCleanup(
    ops: KubernetesOperations,
    manifests: Manifest[],
    error: Error,
  ): Promise<Error> {
    const objects = manifests.map(m => describeRef(m)).join(', ');
    try {
      await this.remove(ops, [...manifests].reverse());
      error.message = `${error.message}. Nothing was left behind: ${objects} were removed again.`;
    } catch (cleanupError) {
      error.message = `${
        error.message
      }. ${objects} were created and could not be removed again (${
        (cleanupError as Error).message
      }); remove them with \`kubectl delete rolebinding,serviceaccount -n ${
        manifests[0].metadata.namespace
      } -l ${ACCESS_GRANT_LABEL}=${
        manifests[0].metadata.labels?.[ACCESS_GRANT_LABEL]
      }\`.`;
    }
    return error;
  }
}
