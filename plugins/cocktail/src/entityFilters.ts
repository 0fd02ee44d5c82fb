import { Entity } from '@backstage/catalog-model';
import { COCKTAIL_API_VERSION } from '@cocktailcloud/plugin-cocktail-common';

function cocktailKind(kind: string) {
  return (entity: Entity) =>
    entity.apiVersion === COCKTAIL_API_VERSION && entity.kind === kind;
}

/**
 * True for CocktailServer entities.
 *
 * @public
 */
export const isCocktailServer = cocktailKind('CocktailServer');
/**
 * True for ServiceMap entities.
 *
 * @public
 */
export const isServiceMap = cocktailKind('ServiceMap');
/**
 * True for Cocktail Service entities.
 *
 * @public
 */
export const isCocktailService = cocktailKind('Service');
/**
 * True for Resources of type `kubernetes-cluster`.
 *
 * @public
 */
export function isKubernetesCluster(entity: Entity) {
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'resource' &&
    entity.spec?.type === 'kubernetes-cluster'
  );
}
/**
 * True for the Cocktail kinds: they have Audit log and Image scans tabs.
 *
 * @public
 */
export function hasCocktailAuditLog(entity: Entity) {
  return (
    isCocktailServer(entity) ||
    isServiceMap(entity) ||
    isCocktailService(entity)
  );
}
/**
 * True for the entities with an Audit log tab: the Cocktail kinds and clusters (`cluster.*` rows).
 *
 * @public
 */
export function hasAuditLogTab(entity: Entity) {
  return hasCocktailAuditLog(entity) || isKubernetesCluster(entity);
}
