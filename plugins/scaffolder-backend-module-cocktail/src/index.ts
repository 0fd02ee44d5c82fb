/**
 * Scaffolder actions for Cocktail: clusters through Cluster API, ServiceMap provisioning,
 * server deployment, and publishing to a directory for offline portals.
 *
 * @packageDocumentation
 */

export { scaffolderModuleCocktail as default } from './module';
export { createCocktailClusterCreateAction } from './actions/cluster/createCocktailClusterCreateAction';
export { createCocktailClusterUpgradeAction } from './actions/cluster/createCocktailClusterUpgradeAction';
export { createCocktailClusterScaleAction } from './actions/cluster/createCocktailClusterScaleAction';
export { createCocktailServiceMapProvisionAction } from './actions/serviceMap/createCocktailServiceMapProvisionAction';
export { createCocktailServerDeployAction } from './actions/server/createCocktailServerDeployAction';
export { createCocktailPublishDirectoryAction } from './actions/publish/createCocktailPublishDirectoryAction';
export { CocktailBackendClient } from './CocktailBackendClient';
