import {
  AuthorizeResult,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PermissionPolicy,
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { CocktailPolicyDecider } from './CocktailPolicyDecider';
import { decideOtherPlugins } from './decideOtherPlugins';

/**
 * The shipped policy: Cocktail's decisions for Cocktail's permissions and the Kubernetes proxy,
 * everything to platform admins, and {@link decideOtherPlugins} for the rest.
 *
 * @public
 */
export class CocktailPermissionPolicy implements PermissionPolicy {
  constructor(private readonly cocktail: CocktailPolicyDecider) {}

  async handle(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    if (this.cocktail.handles(request)) {
      return this.cocktail.decide(request, user);
    }
    if (user && this.cocktail.isPlatformAdmin(user)) {
      return { result: AuthorizeResult.ALLOW };
    }
    return decideOtherPlugins(request, user);
  }
}
