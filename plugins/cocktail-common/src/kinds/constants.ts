/**
 * The apiVersion of every Cocktail kind.
 *
 * @public
 */
export const COCKTAIL_API_VERSION = 'cocktailcloud.io/v1alpha1';

/**
 * Annotation that Backstage's Kubernetes plugin uses to find an entity's objects.
 *
 * @public
 */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
