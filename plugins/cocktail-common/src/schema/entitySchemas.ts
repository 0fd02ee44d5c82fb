import cocktailServerSchemaJson from './CocktailServer.v1alpha1.schema.json';
import serviceMapSchemaJson from './ServiceMap.v1alpha1.schema.json';
import serviceSchemaJson from './Service.v1alpha1.schema.json';

// Typed as plain JSON objects so the package's type declarations name no .json file.

/**
 * The JSON schema of the Service kind, as the catalog validates it.
 *
 * @public
 */
export const serviceSchema: Record<string, unknown> = serviceSchemaJson;

/**
 * The JSON schema of the ServiceMap kind.
 *
 * @public
 */
export const serviceMapSchema: Record<string, unknown> = serviceMapSchemaJson;

/**
 * The JSON schema of the CocktailServer kind.
 *
 * @public
 */
export const cocktailServerSchema: Record<string, unknown> =
  cocktailServerSchemaJson;
