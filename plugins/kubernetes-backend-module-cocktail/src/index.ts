/**
 * Supplies Cocktail's clusters to Backstage's Kubernetes plugin.
 *
 * @packageDocumentation
 */

export { kubernetesModuleCocktailClusters as default } from './module';
