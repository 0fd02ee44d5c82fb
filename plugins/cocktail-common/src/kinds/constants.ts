/** The apiVersion of every Cocktail kind. */
export const COCKTAIL_API_VERSION = 'cocktailcloud.io/v1alpha1';

/** Annotation that Backstage's Kubernetes plugin uses to find an entity's objects. */
export const ANNOTATION_KUBERNETES_ID = 'backstage.io/kubernetes-id';
