import { Entity } from '@backstage/catalog-model';
import { COCKTAIL_API_VERSION } from './constants';
import { CocktailKindDefinition } from './createKindValidator';
import { cocktailServerKind } from './CocktailServerEntityV1alpha1';
import { serviceKind } from './ServiceEntityV1alpha1';
import { serviceMapKind } from './ServiceMapEntityV1alpha1';

/**
 * Every Cocktail kind.
 *
 * @public
 */
export const cocktailKinds: CocktailKindDefinition[] = [
  serviceKind,
  serviceMapKind,
  cocktailServerKind,
];

/**
 * The Cocktail kind an entity claims to be, by apiVersion and kind; undefined for other
 * entities, which are not Cocktail's to validate.
 *
 * @public
 */
export function findCocktailKind(entity: Pick<Entity, 'apiVersion' | 'kind'>) {
  if (entity.apiVersion !== COCKTAIL_API_VERSION) {
    return undefined;
  }
  return cocktailKinds.find(k => k.kind === entity.kind);
}
