import { Entity } from '@backstage/catalog-model';
import { InfoCard, Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { cocktailApiRef } from '../../api';
import { refusalOf, useEntityAccess } from '../../hooks/useEntityAccess';
import { useLiveResource } from '../../hooks/useLiveResource';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { AddonsTable } from './AddonsTable';
import { ClusterApiDialog, ClusterDialog } from './ClusterApiDialogs';
import { ClusterApiSummaryCard } from './ClusterApiSummaryCard';
import {
  ClusterEventsTable,
  MachinesTable,
  NodePoolsTable,
} from './ClusterApiTables';
import { clusterApiRefOf } from './clusterApiRef';

/** While machines roll, the page follows Cluster API this often. */
const REFRESH_MS = 5_000;

/**
 * The Cluster API part of a cluster's page: its phase and conditions, node pools, machines,
 * events and add-ons, and the operations on them. A cluster not created through Cluster API
 * says so, and why its pools and add-ons are not managed here.
 */
export function ClusterApiSection(props: { entity: Entity }) {
  const api = useApi(cocktailApiRef);
  const ref = clusterApiRefOf(props.entity);
  const access = useEntityAccess(props.entity);
  const [dialog, setDialog] = useState<ClusterDialog>();
  const key = ref ? `${ref.namespace}/${ref.name}` : '';
  const overview = useLiveResource(
    async () => (ref ? api.getClusterApiOverview(ref) : undefined),
    [api, key],
    undefined,
    REFRESH_MS,
  );
  const addons = useLiveResource(
    async () => (ref ? api.getClusterAddons(ref) : undefined),
    [api, key],
    undefined,
    REFRESH_MS,
  );
  if (!ref) {
    return (
      <InfoCard title="Cluster API">
        <Typography variant="body2">
          This cluster was not created through Cluster API (its Resource has no{' '}
          <code>cocktailcloud.io/cluster-api</code> annotation), so its
          Kubernetes version, node pools, machines and add-ons are managed where
          it was made. Its nodes can still be cordoned and drained below.
        </Typography>
      </InfoCard>
    );
  }
  if (!overview.value) {
    return overview.loading ? (
      <Progress />
    ) : (
      <ApiErrorPanel
        error={overview.error}
        what={`Cluster API cluster ${ref.namespace}/${ref.name} on ${ref.managementCluster}`}
      />
    );
  }
  const updateRefusal = refusalOf(access, 'cocktail.cluster.update');
  const openDialog = (next: ClusterDialog) => setDialog(next);
  const closeDialog = () => {
    setDialog(undefined);
    overview.retry();
    addons.retry();
  };
  return (
    <>
      <Grid item xs={12} md={6}>
        <ClusterApiSummaryCard
          overview={overview.value}
          updateRefusal={updateRefusal}
          deleteRefusal={refusalOf(access, 'cocktail.cluster.delete')}
          onUpgrade={() => openDialog({ kind: 'upgrade' })}
          onAddPool={() => openDialog({ kind: 'add-pool' })}
          onDelete={() => openDialog({ kind: 'delete' })}
        />
      </Grid>
      <Grid item xs={12}>
        <NodePoolsTable
          overview={overview.value}
          refusal={updateRefusal}
          onScale={pool => openDialog({ kind: 'scale', pool })}
          onRemove={pool => openDialog({ kind: 'remove-pool', pool })}
        />
      </Grid>
      <Grid item xs={12}>
        <MachinesTable
          machines={overview.value.machines}
          refusal={updateRefusal}
          onReplace={machine => openDialog({ kind: 'replace', machine })}
        />
      </Grid>
      <Grid item xs={12}>
        {addons.value ? (
          <AddonsTable
            addons={addons.value}
            refusal={updateRefusal}
            onAction={(addon, action) =>
              openDialog({ kind: 'addon', addon, action })
            }
          />
        ) : (
          <ApiErrorPanel error={addons.error} what="Add-ons" />
        )}
      </Grid>
      <Grid item xs={12}>
        <ClusterEventsTable events={overview.value.events} />
      </Grid>
      {dialog && (
        <ClusterApiDialog
          dialog={dialog}
          cluster={ref}
          overview={overview.value}
          platformAdmin={Boolean(access.value?.platformAdmin)}
          onClose={closeDialog}
        />
      )}
    </>
  );
}
