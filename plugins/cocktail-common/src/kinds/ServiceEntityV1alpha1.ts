import { Entity } from '@backstage/catalog-model';
import schema from '../schema/Service.v1alpha1.schema.json';
import { findServiceRuleIssues } from '../validation/serviceRules';
import { COCKTAIL_API_VERSION } from './constants';
import { defineCocktailKind } from './createKindValidator';

/**
 * Resource totals, each a Kubernetes quantity (`pods` a count).
 *
 * @public
 */
export type CocktailQuota = {
  cpu?: string | number;
  memory?: string;
  gpu?: string | number;
  storage?: string;
  pods?: number;
};

/**
 * The roles a Service member can have.
 *
 * @public
 */
export type ServiceMemberRole = 'admin' | 'developer' | 'viewer';

/**
 * A team's top-level unit: cluster allocations, quotas, registries and members with roles.
 *
 * @public
 */
export interface ServiceEntityV1alpha1 extends Entity {
  apiVersion: typeof COCKTAIL_API_VERSION;
  kind: 'Service';
  spec: {
    owner: string;
    members?: Array<{ ref: string; role: ServiceMemberRole }>;
    clusters?: string[];
    quota?: CocktailQuota;
    registries?: Array<{ name: string; url: string }>;
  };
}

/** @public */
export const serviceKind = defineCocktailKind(
  'Service',
  schema,
  findServiceRuleIssues,
);

/**
 * Validates Service entities for the catalog.
 *
 * @public
 */
export const serviceEntityV1alpha1Validator = serviceKind.validator;

/**
 * True for entities of kind Service in the Cocktail apiVersion.
 *
 * @public
 */
export function isServiceEntity(
  entity: Entity,
): entity is ServiceEntityV1alpha1 {
  return (
    entity.apiVersion === COCKTAIL_API_VERSION && entity.kind === 'Service'
  );
}
