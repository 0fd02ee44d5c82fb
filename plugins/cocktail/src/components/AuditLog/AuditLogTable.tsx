import { Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { ReactNode, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { AuditLogRow, cocktailApiRef } from '../../api';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { formatTimestamp } from '../common/formatting';
import {
  AuditFilters,
  AuditFilterValues,
  EMPTY_FILTERS,
  toAuditFilter,
} from './AuditFilters';
import { AuditOutcome } from './AuditOutcome';
import { AuditRowDetails } from './AuditRowDetails';

const PAGE_SIZE = 25;

const columns: TableColumn<AuditLogRow>[] = [
  {
    title: 'Time',
    field: 'createdAt',
    render: row => formatTimestamp(row.createdAt),
  },
  {
    title: 'Actor',
    field: 'actor',
    render: row => <EntityRefLink entityRef={row.actor} defaultKind="user" />,
  },
  { title: 'Action', field: 'action' },
  {
    title: 'Target',
    field: 'entityRef',
    render: row =>
      row.entityRef ? <EntityRefLink entityRef={row.entityRef} /> : '—',
  },
  {
    title: 'Outcome',
    field: 'outcome',
    render: row => <AuditOutcome row={row} />,
  },
];

function download(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** The audit log of some entities: filters, cursor pages, export and a row's details. */
export function AuditLogTable(props: {
  entityRefs: string[];
  title?: string;
  /** More buttons, next to the export buttons. */
  actions?: ReactNode;
}) {
  const api = useApi(cocktailApiRef);
  const [values, setValues] = useState<AuditFilterValues>(EMPTY_FILTERS);
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const [selected, setSelected] = useState<AuditLogRow>();
  const [exportError, setExportError] = useState<unknown>();
  const filter = toAuditFilter(values, props.entityRefs);
  const filterKey = JSON.stringify(filter);
  const cursor = cursors[cursors.length - 1];
  const page = useAsync(
    () => api.queryAuditLog(filter, { limit: PAGE_SIZE, cursor }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, filterKey, cursor],
  );
  const changeFilters = (next: AuditFilterValues) => {
    setValues(next);
    setCursors([undefined]);
  };
  const exportAs = async (format: 'csv' | 'json') => {
    try {
      setExportError(undefined);
      download(
        await api.exportAuditLog(filter, format),
        `cocktail-audit.${format}`,
      );
    } catch (error) {
      setExportError(error);
    }
  };
  const rows = page.value?.items ?? [];
  return (
    <>
      <AuditFilters values={values} onChange={changeFilters} />
      {page.error && <ApiErrorPanel error={page.error} what="Audit log" />}
      {Boolean(exportError) && (
        <ApiErrorPanel error={exportError} what="Export" />
      )}
      <Table<AuditLogRow>
        title={props.title ?? 'Audit log'}
        subtitle="Every change made through Cocktail, newest first; click a row for its details"
        isLoading={page.loading}
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={rows}
        onRowClick={(_, row) => setSelected(row)}
        emptyContent={
          <Box p={2}>
            {Object.values(values).some(Boolean)
              ? 'No entries match these filters.'
              : 'No changes have been made through Cocktail yet.'}
          </Box>
        }
      />
      <Box
        display="flex"
        justifyContent="space-between"
        alignItems="center"
        mt={1}
        flexWrap="wrap"
        style={{ gap: 8 }}
      >
        <Box>
          <Button size="small" onClick={() => exportAs('csv')}>
            Export CSV
          </Button>
          <Button size="small" onClick={() => exportAs('json')}>
            Export JSON
          </Button>
          {props.actions}
        </Box>
        <Box display="flex" alignItems="center" style={{ gap: 8 }}>
          <Typography variant="body2" color="textSecondary">
            Page {cursors.length}
          </Typography>
          <Button
            size="small"
            disabled={cursors.length === 1 || page.loading}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Newer
          </Button>
          <Button
            size="small"
            disabled={!page.value?.nextCursor || page.loading}
            onClick={() => setCursors([...cursors, page.value!.nextCursor])}
          >
            Older
          </Button>
        </Box>
      </Box>
      <AuditRowDetails row={selected} onClose={() => setSelected(undefined)} />
    </>
  );
}
