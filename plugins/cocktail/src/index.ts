/**
 * Cocktail for Backstage frontend for apps on the old frontend system; the new system's plugin
 * is the default export of `@cocktailcloud/plugin-cocktail/alpha`.
 *
 * @packageDocumentation
 */

export {
  cocktailPlugin,
  CocktailClustersPage,
  EntityCocktailServiceContent,
  EntityCocktailServiceMapContent,
  EntityCocktailServiceMapAccessContent,
  EntityCocktailServiceMapBackupsContent,
  EntityCocktailServerStatusContent,
  EntityCocktailServerMonitoringContent,
  EntityCocktailServerOperationsContent,
  EntityCocktailAuditLogContent,
  EntityCocktailImageScansContent,
  EntityCocktailClusterContent,
  CocktailClusterPickerFieldExtension,
  CocktailServiceMapPickerFieldExtension,
} from './plugin';
export { rootRouteRef } from './routes';
export * from './api';
export * from './entityFilters';
