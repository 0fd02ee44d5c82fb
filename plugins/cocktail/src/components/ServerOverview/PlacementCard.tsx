import { parseEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
  WarningPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef, EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import useAsync from 'react-use/esm/useAsync';
import { ApiErrorPanel } from '../common/ApiErrorPanel';

/** The server's ServiceMap, Service, cluster and namespace, as links. */
export function PlacementCard(props: { server: CocktailServerEntityV1alpha1 }) {
  const catalogApi = useApi(catalogApiRef);
  const namespace = props.server.metadata.namespace ?? 'default';
  const serviceMapRef = parseEntityRef(props.server.spec.serviceMap, {
    defaultKind: 'ServiceMap',
    defaultNamespace: namespace,
  });
  const { value, loading, error } = useAsync(
    async () =>
      (await catalogApi.getEntityByRef(serviceMapRef)) as
        | ServiceMapEntityV1alpha1
        | undefined,
    [catalogApi, props.server.spec.serviceMap],
  );
  const metadata: Record<string, unknown> = {
    ServiceMap: <EntityRefLink entityRef={serviceMapRef} />,
  };
  if (value) {
    const mapNamespace = value.metadata.namespace ?? 'default';
    Object.assign(metadata, {
      Environment: value.spec.environment,
      Service: (
        <EntityRefLink
          entityRef={parseEntityRef(value.spec.service, {
            defaultKind: 'Service',
            defaultNamespace: mapNamespace,
          })}
        />
      ),
      Cluster: (
        <EntityRefLink
          entityRef={parseEntityRef(value.spec.cluster, {
            defaultKind: 'Resource',
            defaultNamespace: mapNamespace,
          })}
        />
      ),
      Namespace: value.spec.namespace,
    });
  }
  return (
    <InfoCard title="Where it runs">
      {loading && <Progress />}
      {error && <ApiErrorPanel error={error} what="ServiceMap" />}
      {!loading && !error && !value && (
        <WarningPanel
          title={`ServiceMap ${props.server.spec.serviceMap} is not in the catalog`}
          message="Register it, or correct spec.serviceMap in this server's catalog file."
        />
      )}
      <StructuredMetadataTable metadata={metadata} />
    </InfoCard>
  );
}
