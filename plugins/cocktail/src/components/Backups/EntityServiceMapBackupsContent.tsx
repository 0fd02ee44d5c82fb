import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ServiceMapEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { cocktailApiRef } from '../../api';
import { entityName } from '../../hooks/entityName';
import { refusalOf, useEntityAccess } from '../../hooks/useEntityAccess';
import { BackupsPanel } from './BackupsPanel';

/** The Backups tab of a ServiceMap: Velero backups of its namespace, schedules and restores. */
export function EntityServiceMapBackupsContent() {
  const { entity } = useEntity<ServiceMapEntityV1alpha1>();
  const api = useApi(cocktailApiRef);
  const access = useEntityAccess(entity);
  const serviceMap = entityName(entity);
  const namespace = entity.spec.namespace;
  return (
    <BackupsPanel
      what={`namespace ${namespace}`}
      deps={[api, serviceMap.namespace, serviceMap.name]}
      load={() => api.getServiceMapBackups(serviceMap)}
      backUp={request => api.createServiceMapBackup(serviceMap, request)}
      createRefusal={refusalOf(access, 'cocktail.backup.create')}
      restore={{
        namespace,
        refusal: refusalOf(access, 'cocktail.backup.restore'),
        send: request => api.restoreServiceMapBackup(serviceMap, request),
        removeSchedule: (schedule, dryRun) =>
          api.deleteServiceMapBackupSchedule(serviceMap, schedule, { dryRun }),
      }}
    />
  );
}
