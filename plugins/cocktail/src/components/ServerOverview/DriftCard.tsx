import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ServerDrift } from '@cocktailcloud/plugin-cocktail-common';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cocktailApiRef, ServerName } from '../../api';
import { ApiErrorPanel } from '../common/ApiErrorPanel';

type DriftRow = ServerDrift['objects'][number] & { id: string };

function show(value: unknown) {
  return value === undefined ? 'absent' : JSON.stringify(value);
}

const columns: TableColumn<DriftRow>[] = [
  { title: 'Object', field: 'object' },
  { title: 'State', field: 'state' },
  {
    title: 'Differences',
    render: row =>
      row.changes.length
        ? row.changes
            .map(
              c =>
                `${c.path}: catalog ${show(c.expected)}, cluster ${show(
                  c.actual,
                )}`,
            )
            .join('; ')
        : '—',
  },
];

const EXPLAIN: Record<string, string> = {
  missing: 'in the catalog but not on the cluster',
  drifted: 'on the cluster with different values',
  extra: 'on the cluster but no longer in the catalog',
};

/** Where the cluster differs from the catalog spec, asked live on demand. */
export function DriftCard(props: { server: ServerName }) {
  const api = useApi(cocktailApiRef);
  const { value, loading, error, retry } = useAsyncRetry(
    () => api.getServerDrift(props.server),
    [api, props.server.namespace, props.server.name],
  );
  const differing = value?.objects.filter(o => o.state !== 'in-sync') ?? [];
  return (
    <InfoCard
      title="Drift"
      subheader="The cluster compared with the catalog spec"
      action={
        <Button onClick={retry} disabled={loading} size="small">
          Check again
        </Button>
      }
    >
      {loading && <Progress />}
      {error && <ApiErrorPanel error={error} what="Drift" />}
      {value && differing.length === 0 && (
        <Typography>
          In sync: all {value.objects.length} objects match the catalog.
        </Typography>
      )}
      {differing.length > 0 && (
        <>
          <Typography paragraph>
            {differing
              .map(o => `${o.object} is ${EXPLAIN[o.state]}`)
              .join('; ')}
            . Deploy from the Operations tab to bring the cluster back to the
            catalog spec.
          </Typography>
          <Table<DriftRow>
            options={{
              paging: false,
              search: false,
              padding: 'dense',
              toolbar: false,
            }}
            columns={columns}
            data={differing.map(o => ({ ...o, id: o.object }))}
          />
        </>
      )}
    </InfoCard>
  );
}
