/**
 * The `@kubernetes/client-node` module.
 *
 * @public
 */
export type KubernetesClientModule = typeof import('@kubernetes/client-node');

/**
 * Loads `@kubernetes/client-node`, which is ESM-only: this package compiles to
 * CommonJS and can only reach it through a dynamic import.
 *
 * @public
 */
export function loadKubernetesClient(): Promise<KubernetesClientModule> {
  return import('@kubernetes/client-node');
}
