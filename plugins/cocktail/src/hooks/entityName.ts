import { Entity } from '@backstage/catalog-model';
import { ServerName } from '../api';

/** The namespace and name the backend's URLs use for an entity. */
export function entityName(entity: Entity): ServerName {
  return {
    namespace: entity.metadata.namespace ?? 'default',
    name: entity.metadata.name,
  };
}
