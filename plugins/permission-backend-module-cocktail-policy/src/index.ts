/**
 * A permission policy for Cocktail for Backstage. Install the module to use it as the portal's
 * policy, or compose {@link CocktailPolicyDecider} into a policy of your own.
 *
 * @packageDocumentation
 */

export { permissionModuleCocktailPolicy as default } from './module';
export { CocktailPermissionPolicy } from './CocktailPermissionPolicy';
export {
  CocktailPolicyDecider,
  ownershipRefsOf,
} from './CocktailPolicyDecider';
export { decideOtherPlugins } from './decideOtherPlugins';
