import {
  CocktailServerEntityV1alpha1,
  KubernetesManifest,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';

/**
 * A Kubernetes object as rendered: plain JSON, ready for server-side apply (the shape the
 * backend's answers carry, `KubernetesManifest`).
 *
 * @public
 */
export type Manifest = KubernetesManifest;

/**
 * What a server's manifests are rendered from.
 *
 * @public
 */
export interface RenderInput {
  server: CocktailServerEntityV1alpha1;
  serviceMap: ServiceMapEntityV1alpha1;
}
