import {
  ANNOTATION_KUBERNETES_ID,
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { parseEntityRef } from '@backstage/catalog-model';

/** @public */
export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
/** @public */
export const LABEL_SERVICE = 'cocktailcloud.io/service';
/** @public */
export const LABEL_SERVICE_MAP = 'cocktailcloud.io/service-map';
/** @public */
export const LABEL_SERVER = 'cocktailcloud.io/server';
/** @public */
export const ANNOTATION_ENTITY_REF = 'cocktailcloud.io/entity-ref';
/** @public */
export const MANAGED_BY_COCKTAIL = 'cocktail';

/**
 * The labels every object the suite applies carries (DESIGN.md), so it can find them again.
 *
 * @public
 */
export function cocktailLabels(
  server: CocktailServerEntityV1alpha1,
  serviceMap: ServiceMapEntityV1alpha1,
): Record<string, string> {
  const namespace = serviceMap.metadata.namespace ?? 'default';
  const service = parseEntityRef(serviceMap.spec.service, {
    defaultKind: 'Service',
    defaultNamespace: namespace,
  });
  return {
    'app.kubernetes.io/name': server.metadata.name,
    [LABEL_MANAGED_BY]: MANAGED_BY_COCKTAIL,
    [LABEL_SERVICE]: service.name,
    [LABEL_SERVICE_MAP]: serviceMap.metadata.name,
    [LABEL_SERVER]: server.metadata.name,
    [ANNOTATION_KUBERNETES_ID]:
      server.metadata.annotations?.[ANNOTATION_KUBERNETES_ID] ??
      server.metadata.name,
  };
}

/**
 * Selects a server's pods; kept to one label so it never has to change (selectors are immutable).
 *
 * @public
 */
export function podSelector(
  server: CocktailServerEntityV1alpha1,
): Record<string, string> {
  return { [LABEL_SERVER]: server.metadata.name };
}

export function entityRefAnnotation(
  server: CocktailServerEntityV1alpha1,
): Record<string, string> {
  return {
    [ANNOTATION_ENTITY_REF]: `cocktailserver:${
      server.metadata.namespace ?? 'default'
    }/${server.metadata.name}`,
  };
}
