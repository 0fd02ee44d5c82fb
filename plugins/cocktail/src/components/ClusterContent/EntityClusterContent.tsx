import { RELATION_DEPENDENCY_OF } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
  Table,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import { MonitoringHistory } from '../MonitoringCharts';
import { AlertsCard } from '../Alerts/AlertsCard';
import { CostCard } from '../Cost/CostCard';
import { cocktailApiRef } from '../../api';
import { useLiveResource } from '../../hooks/useLiveResource';
import { ClusterReadAccess } from '../AccessGrants/ClusterReadAccess';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ClusterHealthStatus } from '../common/ClusterHealthStatus';
import { NodesTable } from './NodesTable';
import { ClusterApiSection } from '../ClusterOperations/ClusterApiSection';
import {
  NodeAction,
  NodeOperationDialog,
} from '../ClusterOperations/NodeOperationDialog';
import { ClusterBackupsCard } from '../Backups/ClusterBackupsCard';
import { refusalOf, useEntityAccess } from '../../hooks/useEntityAccess';
import { useState } from 'react';

/**
 * The Cluster tab of a `kubernetes-cluster` Resource: version, nodes (cordon, drain), health,
 * ServiceMaps; for a Cluster API cluster its pools, machines, add-ons and operations; backups,
 * cost, alerts, charts and cluster-wide read access.
 */
export function EntityClusterContent() {
  const { entity } = useEntity();
  const api = useApi(cocktailApiRef);
  const name = entity.metadata.name;
  const cluster = useLiveResource(() => api.describeCluster(name), [api, name]);
  const access = useEntityAccess(entity);
  const [nodeAction, setNodeAction] = useState<{
    node: string;
    action: NodeAction;
  }>();
  const serviceMaps = (entity.relations ?? [])
    .filter(
      r =>
        r.type === RELATION_DEPENDENCY_OF &&
        r.targetRef.startsWith('servicemap:'),
    )
    .map(r => ({ id: r.targetRef, ref: r.targetRef }));
  if (!cluster.value) {
    return cluster.loading ? (
      <Progress />
    ) : (
      <ApiErrorPanel error={cluster.error} what={`Cluster ${name}`} />
    );
  }
  const description = cluster.value;
  const nodes = description.nodes ?? [];
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={5}>
        <InfoCard title="Cluster">
          <StructuredMetadataTable
            metadata={{
              Health: <ClusterHealthStatus description={description} />,
              ...(description.error ? { Problem: description.error } : {}),
              Version: description.version ?? 'unknown',
              Nodes: description.nodes
                ? `${nodes.filter(n => n.ready).length} ready of ${
                    nodes.length
                  }`
                : 'unknown',
              Provider: description.provider ?? 'not given',
              Region: description.region ?? 'not given',
              'Registered from': description.source,
            }}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={7}>
        <Table
          title={`ServiceMaps on this cluster (${serviceMaps.length})`}
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={[
            {
              title: 'ServiceMap',
              field: 'ref',
              render: (row: { ref: string }) => (
                <EntityRefLink entityRef={row.ref} />
              ),
            },
          ]}
          data={serviceMaps}
          emptyContent={
            <Box p={2}>No ServiceMap in the catalog runs on this cluster.</Box>
          }
        />
      </Grid>
      <Grid item xs={12}>
        {description.nodes ? (
          <NodesTable
            nodes={nodes}
            refusal={refusalOf(access, 'cocktail.cluster.update')}
            onAction={(node, action) => setNodeAction({ node, action })}
          />
        ) : (
          <InfoCard title="Nodes">
            Nodes are unknown while the cluster does not answer.
          </InfoCard>
        )}
      </Grid>
      <ClusterApiSection entity={entity} />
      <Grid item xs={12}>
        <ClusterBackupsCard entity={entity} />
      </Grid>
      <Grid item xs={12}>
        <CostCard
          title="Cost by namespace"
          itemTitle="Namespace"
          entityKey={name}
          load={period => api.getClusterCost(name, period)}
        />
      </Grid>
      <Grid item xs={12}>
        <AlertsCard
          subject={name}
          entityKey={name}
          load={() => api.getClusterAlerts(name)}
        />
      </Grid>
      <Grid item xs={12}>
        <MonitoringHistory
          title="Nodes over time"
          entityKey={name}
          load={range => api.getClusterMonitoring(name, range)}
        />
      </Grid>
      <Grid item xs={12}>
        <ClusterReadAccess entity={entity} />
      </Grid>
      {nodeAction && (
        <NodeOperationDialog
          cluster={name}
          node={nodeAction.node}
          action={nodeAction.action}
          onClose={() => {
            setNodeAction(undefined);
            cluster.retry();
          }}
        />
      )}
    </Grid>
  );
}
