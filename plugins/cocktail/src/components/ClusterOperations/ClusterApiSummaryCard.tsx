import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Tooltip from '@material-ui/core/Tooltip';
import { ClusterApiOverview } from '@cocktailcloud/plugin-cocktail-common';

/** A button that says why it is disabled. */
export function ActionButton(props: {
  label: string;
  /** The accessible name, when the label alone does not say on what (a row's button). */
  ariaLabel?: string;
  refusal?: string;
  destructive?: boolean;
  onClick: () => void;
}) {
  const button = (
    <Button
      variant="outlined"
      size="small"
      color={props.destructive ? 'secondary' : 'primary'}
      disabled={Boolean(props.refusal)}
      aria-label={props.ariaLabel}
      onClick={props.onClick}
      style={{ whiteSpace: 'nowrap', flexShrink: 0 }}
    >
      {props.label}
    </Button>
  );
  return props.refusal ? (
    <Tooltip title={props.refusal}>
      <span>{button}</span>
    </Tooltip>
  ) : (
    button
  );
}

/** Cluster API's view of the cluster: phase, version, conditions, control plane, and the whole-cluster operations. */
export function ClusterApiSummaryCard(props: {
  overview: ClusterApiOverview;
  updateRefusal?: string;
  deleteRefusal?: string;
  onUpgrade: () => void;
  onAddPool: () => void;
  onDelete: () => void;
}) {
  const { overview } = props;
  const plane = overview.controlPlane;
  return (
    <InfoCard title="Cluster API">
      <StructuredMetadataTable
        metadata={{
          Phase: overview.phase,
          Version: overview.version ?? 'unknown',
          'Control plane': plane
            ? `${plane.kind} ${plane.name}: ${plane.readyReplicas ?? 0} of ${
                plane.replicas ?? '?'
              } ready`
            : 'none',
          'Management cluster': `${overview.managementCluster} (${overview.namespace}/${overview.name})`,
          'ServiceMaps bound': overview.boundServiceMaps.length
            ? overview.boundServiceMaps.join(', ')
            : 'none',
        }}
      />
      <Box mt={1} display="flex" flexWrap="wrap" style={{ gap: 4 }}>
        {overview.conditions.map(condition => (
          <Tooltip
            key={condition.type}
            title={condition.message || condition.reason || ''}
          >
            <Chip
              size="small"
              label={`${condition.type}: ${condition.status}`}
              color={
                condition.status === 'True' && condition.type !== 'Deleting'
                  ? 'primary'
                  : 'default'
              }
              variant={condition.status === 'True' ? 'default' : 'outlined'}
            />
          </Tooltip>
        ))}
      </Box>
      <Box mt={2} display="flex" flexWrap="wrap" style={{ gap: 8 }}>
        <ActionButton
          label="Upgrade…"
          refusal={props.updateRefusal}
          onClick={props.onUpgrade}
        />
        <ActionButton
          label="Add a node pool…"
          refusal={
            props.updateRefusal ??
            (overview.createdByCocktail
              ? undefined
              : 'The cluster was not created by the portal, so its node pools cannot be rendered; add one to its manifests.')
          }
          onClick={props.onAddPool}
        />
        <ActionButton
          label="Delete cluster…"
          destructive
          refusal={props.deleteRefusal}
          onClick={props.onDelete}
        />
      </Box>
    </InfoCard>
  );
}
