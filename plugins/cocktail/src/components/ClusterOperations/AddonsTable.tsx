import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  ClusterAddonsResponse,
  ClusterAddonView,
} from '@cocktailcloud/plugin-cocktail-common';
import { ActionButton } from './ClusterApiSummaryCard';

type Row = ClusterAddonView & { id: string };
export type AddonAction = 'install' | 'upgrade' | 'remove';

function statusChip(addon: ClusterAddonView) {
  if (addon.status === 'not-installed') {
    return <Typography variant="body2">not installed</Typography>;
  }
  return (
    <Chip
      size="small"
      label={addon.status}
      color={addon.ready ? 'primary' : 'default'}
      variant={addon.ready ? 'default' : 'outlined'}
    />
  );
}

/** The add-on catalog and each add-on's state on the cluster, with install, upgrade and remove. */
export function AddonsTable(props: {
  addons: ClusterAddonsResponse;
  refusal?: string;
  onAction: (addon: ClusterAddonView, action: AddonAction) => void;
}) {
  const refusal = props.refusal ?? props.addons.reason;
  const columns: TableColumn<Row>[] = [
    {
      title: 'Add-on',
      render: a => (
        <>
          <Typography variant="body2">
            <strong>{a.title}</strong>
            {a.default ? ' (default)' : ''}
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {a.description}
          </Typography>
        </>
      ),
    },
    { title: 'Category', field: 'category' },
    {
      title: 'Chart',
      render: a =>
        a.installedVersion && a.installedVersion !== a.version
          ? `${a.chartName} ${a.installedVersion} (catalog: ${a.version})`
          : `${a.chartName} ${a.version}`,
    },
    {
      title: 'Status',
      render: a => (
        <>
          {statusChip(a)}
          {a.message && (
            <Typography variant="caption" display="block">
              {a.message}
            </Typography>
          )}
        </>
      ),
    },
    {
      title: '',
      render: a => (
        <Box display="flex" justifyContent="flex-end" style={{ gap: 8 }}>
          {a.status === 'not-installed' ? (
            <ActionButton
              label="Install…"
              ariaLabel={`Install ${a.title}`}
              refusal={refusal}
              onClick={() => props.onAction(a, 'install')}
            />
          ) : (
            <>
              {a.upgradeAvailable && (
                <ActionButton
                  label="Upgrade…"
                  ariaLabel={`Upgrade ${a.title}`}
                  refusal={refusal}
                  onClick={() => props.onAction(a, 'upgrade')}
                />
              )}
              <ActionButton
                label="Remove…"
                ariaLabel={`Remove ${a.title}`}
                destructive
                refusal={refusal}
                onClick={() => props.onAction(a, 'remove')}
              />
            </>
          )}
        </Box>
      ),
    },
  ];
  return (
    <>
      {!props.addons.available && (
        <Box mb={1}>
          <Alert severity="info">
            Add-ons are unavailable: {props.addons.reason}
          </Alert>
        </Box>
      )}
      <Table<Row>
        title="Add-ons (Cluster API Add-on Provider Helm)"
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={props.addons.addons.map(a => ({ ...a, id: a.name }))}
      />
    </>
  );
}
