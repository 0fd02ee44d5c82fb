/**
 * Catalog backend module for the Cocktail kinds (Service, ServiceMap, CocktailServer).
 *
 * @packageDocumentation
 */

export { catalogModuleCocktail as default } from './module';
export { CocktailEntitiesProcessor } from './processor/CocktailEntitiesProcessor';
export {
  cocktailRelations,
  type RelationPair,
} from './processor/cocktailRelations';
export { isInCocktailServiceRule } from './permissions/isInCocktailServiceRule';
