export * from './constants';
export type { CocktailKindDefinition } from './createKindValidator';
export * from './ServiceEntityV1alpha1';
export * from './ServiceMapEntityV1alpha1';
export * from './CocktailServerEntityV1alpha1';
export { cocktailKinds, findCocktailKind } from './cocktailKinds';
