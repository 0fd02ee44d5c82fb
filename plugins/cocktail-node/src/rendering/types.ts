import {
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';

/**
 * A Kubernetes object as rendered: plain JSON, ready for server-side apply.
 *
 * @public
 */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

/**
 * What a server's manifests are rendered from.
 *
 * @public
 */
export interface RenderInput {
  server: CocktailServerEntityV1alpha1;
  serviceMap: ServiceMapEntityV1alpha1;
}
