import {
  Entity,
  RELATION_HAS_PART,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { catalogApiRef } from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { isKubernetesCluster } from '../../entityFilters';

function parts(entity: Entity): string[] {
  return (entity.relations ?? [])
    .filter(r => r.type === RELATION_HAS_PART)
    .map(r => r.targetRef);
}

/**
 * The entities whose audit rows an entity's tab shows: itself, and for a ServiceMap its servers,
 * for a Service its ServiceMaps and their servers (through the catalog's hasPart relations). A
 * cluster shows only its own rows (`cluster.*`), not those of what runs on it.
 */
export function useAuditedEntityRefs(entity: Entity) {
  const catalogApi = useApi(catalogApiRef);
  const self = stringifyEntityRef(entity);
  return useAsync(async () => {
    if (isKubernetesCluster(entity)) {
      return [self];
    }
    const direct = parts(entity);
    if (entity.kind !== 'Service' || direct.length === 0) {
      return [self, ...direct];
    }
    const { items } = await catalogApi.getEntitiesByRefs({
      entityRefs: direct,
      fields: ['kind', 'metadata.name', 'metadata.namespace', 'relations'],
    });
    const nested = items.flatMap(item => (item ? parts(item) : []));
    return [self, ...direct, ...nested];
  }, [catalogApi, self]);
}
