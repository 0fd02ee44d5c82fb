import { Link, Progress, Table, TableColumn } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import {
  SCAN_SEVERITIES,
  ScanFindingView,
} from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import useDebounce from 'react-use/esm/useDebounce';
import { cocktailApiRef } from '../../api';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { SeverityChip } from './SeveritySummary';

type Row = ScanFindingView & { key: string };

/** Findings per page, read from the backend one page at a time. */
const PAGE_SIZE = 100;

const columns: TableColumn<Row>[] = [
  {
    title: 'Advisory',
    field: 'id',
    width: '14%',
    render: f => (f.primaryUrl ? <Link to={f.primaryUrl}>{f.id}</Link> : f.id),
  },
  {
    title: 'Severity',
    field: 'severity',
    render: f => <SeverityChip severity={f.severity} />,
  },
  { title: 'Package', field: 'packageName', width: '14%' },
  { title: 'Installed', field: 'installedVersion', width: '12%' },
  {
    title: 'Fixed in',
    field: 'fixedVersion',
    emptyValue: 'no fix yet',
    width: '12%',
  },
  {
    title: 'CVSS',
    field: 'cvssScore',
    type: 'numeric',
    emptyValue: '—',
    width: '6%',
  },
  {
    title: 'Title',
    width: '32%',
    field: 'title',
    render: f => `${f.isNew ? '[new] ' : ''}${f.title ?? ''}`,
  },
];

/** One scan's findings, filtered and paged on the server by severity, fixability, package and ID. */
export function FindingsTable(props: { scanId: string; image: string }) {
  const api = useApi(cocktailApiRef);
  const [severity, setSeverity] = useState('');
  const [fixable, setFixable] = useState(false);
  const [pkg, setPkg] = useState('');
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState({ pkg: '', q: '' });
  useDebounce(() => setDebounced({ pkg, q }), 300, [pkg, q]);
  // The cursors of the pages seen, the first page's undefined; a new filter starts over.
  const [cursors, setCursors] = useState<Array<string | undefined>>([
    undefined,
  ]);
  const filterKey = JSON.stringify([
    props.scanId,
    severity,
    fixable,
    debounced,
  ]);
  const [pagedKey, setPagedKey] = useState(filterKey);
  if (pagedKey !== filterKey) {
    setPagedKey(filterKey);
    setCursors([undefined]);
  }
  const cursor = cursors[cursors.length - 1];
  const findings = useAsync(
    () =>
      api.getScanFindings(
        props.scanId,
        {
          severity: severity || undefined,
          fixable,
          package: debounced.pkg || undefined,
          q: debounced.q || undefined,
        },
        { limit: PAGE_SIZE, cursor },
      ),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, filterKey, cursor],
  );
  const rows: Row[] = (findings.value?.items ?? []).map(f => ({
    ...f,
    key: `${f.id}/${f.packageName}/${f.installedVersion}`,
  }));
  const total = findings.value?.total ?? rows.length;
  const first = (cursors.length - 1) * PAGE_SIZE;
  const common = {
    size: 'small' as const,
    variant: 'outlined' as const,
    margin: 'dense' as const,
  };
  return (
    <>
      <Box
        display="flex"
        flexWrap="wrap"
        alignItems="center"
        style={{ gap: 12 }}
      >
        <TextField
          {...common}
          id="cocktail-findings-severity"
          select
          label="Severity"
          value={severity}
          onChange={e => setSeverity(e.target.value)}
          style={{ width: 160 }}
          SelectProps={{ inputProps: { 'aria-label': 'Severity' } }}
        >
          <MenuItem value="">Any severity</MenuItem>
          {SCAN_SEVERITIES.map(s => (
            <MenuItem key={s} value={s}>
              {s.toLocaleLowerCase('en-US')}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...common}
          id="cocktail-findings-package"
          label="Package"
          value={pkg}
          onChange={e => setPkg(e.target.value)}
        />
        <TextField
          {...common}
          id="cocktail-findings-id"
          label="Advisory ID"
          placeholder="CVE-2024"
          value={q}
          onChange={e => setQ(e.target.value)}
        />
        <FormControlLabel
          control={
            <Checkbox checked={fixable} onChange={(_, v) => setFixable(v)} />
          }
          label="Only with a fix"
        />
      </Box>
      {findings.error && (
        <ApiErrorPanel error={findings.error} what="Findings" />
      )}
      {findings.loading && !findings.value && <Progress />}
      <Table<Row>
        title={`Findings in ${props.image} (${total})`}
        isLoading={findings.loading}
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={rows}
        emptyContent={<Box p={2}>No findings match these filters.</Box>}
      />
      {total > PAGE_SIZE && (
        <Box
          display="flex"
          justifyContent="flex-end"
          alignItems="center"
          mt={1}
          style={{ gap: 8 }}
        >
          <Typography variant="body2" color="textSecondary">
            {first + 1}–{first + rows.length} of {total}
          </Typography>
          <Button
            size="small"
            disabled={cursors.length === 1 || findings.loading}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            Previous
          </Button>
          <Button
            size="small"
            disabled={!findings.value?.nextCursor || findings.loading}
            onClick={() => setCursors([...cursors, findings.value!.nextCursor])}
          >
            Next
          </Button>
        </Box>
      )}
    </>
  );
}
