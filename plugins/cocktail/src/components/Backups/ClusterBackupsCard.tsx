import { Entity } from '@backstage/catalog-model';
import { InfoCard } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { cocktailApiRef } from '../../api';
import { refusalOf, useEntityAccess } from '../../hooks/useEntityAccess';
import { BackupsPanel } from './BackupsPanel';

/** The whole-cluster Velero backups of a cluster's page (platform admins back the cluster up). */
export function ClusterBackupsCard(props: { entity: Entity }) {
  const api = useApi(cocktailApiRef);
  const access = useEntityAccess(props.entity);
  const name = props.entity.metadata.name;
  const readRefusal = refusalOf(access, 'cocktail.backup.read');
  return (
    <InfoCard title="Backups (Velero)">
      {readRefusal && !access.loading ? (
        readRefusal
      ) : (
        <BackupsPanel
          what={`cluster ${name}`}
          deps={[api, name]}
          load={() => api.getClusterBackups(name)}
          backUp={request => api.createClusterBackup(name, request)}
          createRefusal={refusalOf(access, 'cocktail.backup.create')}
        />
      )}
    </InfoCard>
  );
}
