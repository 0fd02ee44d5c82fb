import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_KUBERNETES_API_SERVER,
  ANNOTATION_KUBERNETES_API_SERVER_CA,
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY,
} from '@backstage/plugin-kubernetes-common';
import { parseApiServerUrl } from './apiServerUrl';
import { toBase64CaData } from './certificateAuthority';
import { CocktailCluster } from './types';

/** The catalog entities that describe clusters. */
export const CLUSTER_ENTITY_FILTER = {
  kind: 'Resource',
  'spec.type': 'kubernetes-cluster',
};

export const LABEL_CLUSTER_PROVIDER = 'cocktailcloud.io/provider';
export const LABEL_CLUSTER_REGION = 'cocktailcloud.io/region';

const SUPPORTED_AUTH_PROVIDER = 'serviceAccount';

/** What a cluster's catalog Resource adds to it, wherever its credentials come from. */
export function describeCatalogCluster(
  entity: Entity,
): Pick<CocktailCluster, 'title' | 'entityRef' | 'provider' | 'region'> {
  const { title, labels } = entity.metadata;
  const provider = labels?.[LABEL_CLUSTER_PROVIDER];
  const region = labels?.[LABEL_CLUSTER_REGION];
  return {
    ...(title && { title }),
    entityRef: stringifyEntityRef(entity),
    ...(provider && { provider }),
    ...(region && { region }),
  };
}

/**
 * A cluster defined by its catalog Resource alone. Throws an `InputError`
 * naming each annotation at fault.
 *
 * Tokens are never read from the catalog: such clusters are reached
 * anonymously unless app-config gives them credentials.
 */
export function readCatalogCluster(entity: Entity): CocktailCluster {
  const annotations = entity.metadata.annotations ?? {};
  const problems: string[] = [];
  const quoted = (value: string | undefined) =>
    value === undefined ? 'nothing' : `"${value}"`;

  const authProvider = annotations[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
  if (authProvider !== SUPPORTED_AUTH_PROVIDER) {
    problems.push(
      `${ANNOTATION_KUBERNETES_AUTH_PROVIDER}: expected "${SUPPORTED_AUTH_PROVIDER}", the only provider supported for catalog clusters, got ${quoted(
        authProvider,
      )}`,
    );
  }

  const skipTLSVerify =
    annotations[ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY] === 'true';
  const url = annotations[ANNOTATION_KUBERNETES_API_SERVER];
  const parsedUrl = url === undefined ? undefined : parseApiServerUrl(url);
  if (!parsedUrl) {
    problems.push(
      `${ANNOTATION_KUBERNETES_API_SERVER}: expected an http(s) URL, got ${quoted(
        url,
      )}`,
    );
  } else if (parsedUrl.protocol === 'http:' && !skipTLSVerify) {
    problems.push(
      `${ANNOTATION_KUBERNETES_API_SERVER}: "${url}" is plain HTTP, which @kubernetes/client-node only accepts with ${ANNOTATION_KUBERNETES_SKIP_TLS_VERIFY}: "true"`,
    );
  }

  const ca = annotations[ANNOTATION_KUBERNETES_API_SERVER_CA];
  const caData = ca === undefined ? undefined : toBase64CaData(ca);
  if (ca !== undefined && !caData) {
    problems.push(
      `${ANNOTATION_KUBERNETES_API_SERVER_CA}: expected a PEM certificate authority or its base64 encoding`,
    );
  }

  if (problems.length > 0 || url === undefined) {
    throw new InputError(problems.join('; '));
  }
  return {
    name: entity.metadata.name,
    ...describeCatalogCluster(entity),
    url,
    source: 'catalog',
    auth: { type: 'serviceAccount' },
    ...(caData && { caData }),
    skipTLSVerify,
  };
}
