import { Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { ServerImageScans } from '@cocktailcloud/plugin-cocktail-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cocktailApiRef } from '../../api';
import { entityName } from '../../hooks/entityName';
import { ImageRow } from './ImagesTable';

function rowsOf(server: ServerImageScans, showServer: boolean): ImageRow[] {
  const name = server.entityRef.split('/').pop()!;
  return server.images.map(image => ({
    id: `${server.entityRef}/${image.container}/${image.image}`,
    server: showServer ? name : undefined,
    ...image,
  }));
}

/** The image scans of a server, or the roll-up of a ServiceMap's or Service's servers. */
export function useImageScans(entity: Entity) {
  const api = useApi(cocktailApiRef);
  const name = entityName(entity);
  return useAsyncRetry(async () => {
    if (entity.kind === 'CocktailServer') {
      const server = await api.getServerImageScans(name);
      return { ...server, rows: rowsOf(server, false), servers: 1 };
    }
    const rollup =
      entity.kind === 'ServiceMap'
        ? await api.getServiceMapImageScans(name)
        : await api.getServiceImageScans(name);
    return {
      ...rollup,
      rows: rollup.servers.flatMap(server => rowsOf(server, true)),
      servers: rollup.servers.length,
    };
  }, [api, entity.kind, name.namespace, name.name]);
}
