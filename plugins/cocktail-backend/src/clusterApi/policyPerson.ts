import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ClusterPolicyPerson } from '@cocktailcloud/plugin-cocktail-node';
import { AccessExplainer } from '../access/AccessExplainer';
import { actorOf } from '../service/auditedOperation';

/** Who asks, as the cluster policy sees them: their ref, their groups, and whether they are a platform admin. */
export type PersonOf = (
  credentials: BackstageCredentials,
) => Promise<ClusterPolicyPerson>;

/** Reads the person from the catalog through the explainer; without one, only their ref is known. */
export function createPersonOf(options: {
  auth: AuthService;
  explainer?: AccessExplainer;
}): PersonOf {
  return async credentials => {
    const ref = actorOf(options.auth, credentials);
    if (!options.explainer) {
      return { ref, groups: [ref], platformAdmin: false };
    }
    const [groups, context] = await Promise.all([
      options.explainer.ownershipRefs(credentials),
      options.explainer.roleContext(credentials),
    ]);
    return { ref, groups, platformAdmin: context.platformAdmin };
  };
}
