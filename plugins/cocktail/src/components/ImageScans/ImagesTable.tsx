import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ImageScanSummary } from '@cocktailcloud/plugin-cocktail-common';
import { formatDuration, secondsSince } from '../common/formatting';

/** One running image, of one server. */
export interface ImageRow {
  id: string;
  server?: string;
  container: string;
  image: string;
  digest?: string;
  pods: number;
  scan?: ImageScanSummary;
}

function describeScan(scan: ImageScanSummary) {
  return `${formatDuration(secondsSince(scan.scannedAt))} ago by ${
    scan.scanner.name
  }${scan.scanner.version ? ` ${scan.scanner.version}` : ''} (${scan.source})`;
}

function countsText(scan: ImageScanSummary) {
  const c = scan.counts;
  return `${c.CRITICAL} critical, ${c.HIGH} high, ${c.MEDIUM} medium, ${c.LOW} low`;
}

/** The images servers run, each with its latest scan; unscanned images stand out. */
export function ImagesTable(props: {
  rows: ImageRow[];
  showServer?: boolean;
  selected?: string;
  onSelect: (row: ImageRow) => void;
}) {
  const columns: TableColumn<ImageRow>[] = [
    ...(props.showServer
      ? [{ title: 'Server', field: 'server' } as TableColumn<ImageRow>]
      : []),
    { title: 'Container', field: 'container' },
    {
      title: 'Image',
      field: 'image',
      render: row => (
        <>
          <Typography variant="body2" style={{ wordBreak: 'break-all' }}>
            {row.image}
          </Typography>
          {row.digest && (
            <Typography variant="caption" color="textSecondary">
              {row.digest.slice(0, 19)}…
            </Typography>
          )}
        </>
      ),
    },
    {
      title: 'Findings',
      render: row =>
        row.scan ? (
          countsText(row.scan)
        ) : (
          <Typography color="error">Not scanned</Typography>
        ),
      customSort: (a, b) =>
        (a.scan?.counts.CRITICAL ?? -1) - (b.scan?.counts.CRITICAL ?? -1),
    },
    {
      title: 'Fixable',
      render: row =>
        row.scan
          ? Object.values(row.scan.fixable).reduce((sum, n) => sum + n, 0)
          : '—',
    },
    {
      title: 'Since the previous scan',
      render: row =>
        row.scan?.change
          ? `+${row.scan.change.newFindings} new, −${row.scan.change.fixedFindings} fixed`
          : '—',
    },
    {
      title: 'Scanned',
      render: row => (row.scan ? describeScan(row.scan) : '—'),
    },
  ];
  const unscanned = props.rows.filter(r => !r.scan);
  return (
    <>
      {unscanned.length > 0 && (
        <Box mb={2}>
          <Alert severity="warning">
            {unscanned.length === 1
              ? `${unscanned[0].image} runs without any scan.`
              : `${unscanned.length} running images have no scan: ${unscanned
                  .map(r => r.image)
                  .join(', ')}.`}{' '}
            Upload a report from CI (yarn cocktail scan upload) or run Trivy
            Operator on the cluster.
          </Alert>
        </Box>
      )}
      <Table<ImageRow>
        title={`Running images (${props.rows.length})`}
        subtitle="Click an image to see its findings"
        options={{
          paging: false,
          padding: 'dense',
          rowStyle: row =>
            row.id === props.selected ? { fontWeight: 600 } : {},
        }}
        columns={columns}
        data={props.rows}
        onRowClick={(_, row) => row && props.onSelect(row)}
        emptyContent={
          <Box p={2}>No pods run, so there are no images to show.</Box>
        }
      />
    </>
  );
}
