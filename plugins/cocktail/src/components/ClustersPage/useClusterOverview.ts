import { useApi } from '@backstage/core-plugin-api';
import {
  ClusterDescription,
  ClusterListItem,
} from '@cocktailcloud/plugin-cocktail-common';
import { useEffect, useState } from 'react';
import { cocktailApiRef } from '../../api';
import { useLiveResource } from '../../hooks/useLiveResource';

/**
 * Every registered cluster, then each one's live description as it arrives: one slow or
 * unreachable cluster does not hold back the others.
 */
export function useClusterOverview() {
  const api = useApi(cocktailApiRef);
  const list = useLiveResource(() => api.listClusters(), [api]);
  const [descriptions, setDescriptions] = useState<
    Record<string, ClusterDescription | Error>
  >({});
  const items: ClusterListItem[] | undefined = list.value?.items;
  useEffect(() => {
    let cancelled = false;
    (items ?? []).forEach(item => {
      api
        .describeCluster(item.name)
        .catch(error => error as Error)
        .then(result => {
          if (!cancelled) {
            setDescriptions(previous => ({ ...previous, [item.name]: result }));
          }
        });
    });
    return () => {
      cancelled = true;
    };
  }, [api, items]);
  return { list, descriptions };
}
