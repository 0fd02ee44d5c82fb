import { InfoCard, Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { ServiceSummary } from '@cocktailcloud/plugin-cocktail-common';
import { QUOTA_RESOURCES, quantityValue } from '../common/quota';
import { UsageBar } from '../common/UsageBar';

interface Row {
  id: string;
  label: string;
  allocated?: number;
  assigned: number;
  used: number;
  format: (value: number) => string;
}

const show = (row: Row) => (value: number | undefined) =>
  value === undefined ? '—' : row.format(value);

const columns: TableColumn<Row>[] = [
  { title: 'Resource', field: 'label' },
  {
    title: 'Assigned to ServiceMaps, of the Service quota',
    render: row => (
      <UsageBar used={row.assigned} limit={row.allocated} format={show(row)} />
    ),
  },
  {
    title: 'In use, of what is assigned',
    render: row => (
      <UsageBar
        used={row.used}
        limit={row.assigned || undefined}
        format={show(row)}
      />
    ),
  },
];

/** The Service's quota against what its ServiceMaps assign and what they use. */
export function QuotaAllocationCard(props: { summary: ServiceSummary }) {
  const { allocated, assigned, used } = props.summary;
  const rows: Row[] = QUOTA_RESOURCES.map(resource => ({
    id: resource.key,
    label: resource.label,
    allocated: quantityValue(allocated?.[resource.key]),
    assigned: assigned[resource.key],
    used: used[resource.key],
    format: resource.format,
  })).filter(row => row.allocated !== undefined || row.assigned > 0);
  const over = rows.filter(
    row => row.allocated !== undefined && row.assigned > row.allocated,
  );
  return (
    <InfoCard
      title="Quota"
      subheader="The Service's quota, what its ServiceMaps assign, and what they use"
      noPadding
    >
      {over.length > 0 && (
        <Box p={2} color="error.main">
          Over-assigned: the ServiceMaps assign more{' '}
          {over.map(r => r.label).join(', ')} than the Service's quota allows.
        </Box>
      )}
      <Table<Row>
        options={{
          paging: false,
          search: false,
          toolbar: false,
          padding: 'dense',
        }}
        columns={columns}
        data={rows}
        emptyContent={
          <Box p={2}>Neither the Service nor its ServiceMaps set a quota.</Box>
        }
      />
    </InfoCard>
  );
}
