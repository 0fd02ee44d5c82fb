/**
 * Common types and validators for Cocktail for Backstage: the Service, ServiceMap and
 * CocktailServer kinds.
 *
 * @packageDocumentation
 */

export * from './kinds';
export type { ValidationIssue } from './validation/ValidationIssue';
export {
  CocktailEntityValidationError,
  describeEntityRef,
  formatIssue,
} from './validation/CocktailEntityValidationError';
export { formatFieldPath } from './validation/fieldPath';
export { parseQuantity } from './validation/quantity';
export { explainInvalidCron } from './validation/cron';
export {
  compareKubernetesVersions,
  minorVersionDistance,
  parseKubernetesVersion,
} from './validation/kubernetesVersion';
export type { KubernetesVersion } from './validation/kubernetesVersion';
export * from './validation/formats';
export {
  cocktailServerSchema,
  serviceMapSchema,
  serviceSchema,
} from './schema/entitySchemas';
export * from './permissions';
export * from './api';
export * from './scans';
export * from './client';
