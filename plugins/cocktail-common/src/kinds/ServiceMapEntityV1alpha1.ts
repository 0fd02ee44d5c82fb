import { Entity } from '@backstage/catalog-model';
import schema from '../schema/ServiceMap.v1alpha1.schema.json';
import { findServiceMapRuleIssues } from '../validation/serviceMapRules';
import { COCKTAIL_API_VERSION } from './constants';
import { defineCocktailKind } from './createKindValidator';
import { CocktailQuota } from './ServiceEntityV1alpha1';

/**
 * One environment of a Service, bound to one cluster and namespace.
 *
 * @public
 */
export interface ServiceMapEntityV1alpha1 extends Entity {
  apiVersion: typeof COCKTAIL_API_VERSION;
  kind: 'ServiceMap';
  spec: {
    service: string;
    environment: string;
    cluster: string;
    namespace: string;
    owner?: string;
    quota?: CocktailQuota;
  };
}

/** @public */
export const serviceMapKind = defineCocktailKind(
  'ServiceMap',
  schema,
  findServiceMapRuleIssues,
);

/**
 * Validates ServiceMap entities for the catalog.
 *
 * @public
 */
export const serviceMapEntityV1alpha1Validator = serviceMapKind.validator;

/**
 * True for entities of kind ServiceMap in the Cocktail apiVersion.
 *
 * @public
 */
export function isServiceMapEntity(
  entity: Entity,
): entity is ServiceMapEntityV1alpha1 {
  return (
    entity.apiVersion === COCKTAIL_API_VERSION && entity.kind === 'ServiceMap'
  );
}
