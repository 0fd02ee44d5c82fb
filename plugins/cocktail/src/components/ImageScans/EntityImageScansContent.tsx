import { InfoCard, Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { useState } from 'react';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { FindingsTable } from './FindingsTable';
import { ImageRow, ImagesTable } from './ImagesTable';
import { SeveritySummary } from './SeveritySummary';
import { useImageScans } from './useImageScans';

/**
 * The Image scans tab of a CocktailServer, ServiceMap or Service: the images their pods run,
 * each image's latest scan, and its findings.
 */
export function EntityImageScansContent() {
  const { entity } = useEntity();
  const scans = useImageScans(entity);
  const [selected, setSelected] = useState<ImageRow>();
  if (!scans.value) {
    return scans.loading ? (
      <Progress />
    ) : (
      <ApiErrorPanel error={scans.error} what="Image scans" />
    );
  }
  const { rows, counts, fixable, unscanned, servers } = scans.value;
  const shown = selected ?? rows.find(r => r.scan);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="Vulnerabilities in the running images"
          subheader={
            entity.kind === 'CocktailServer'
              ? 'Latest scan of each image its pods run'
              : `Latest scan of each image the pods of its ${servers} server(s) run`
          }
        >
          <SeveritySummary counts={counts} fixable={fixable} />
          {unscanned > 0 && (
            <Typography variant="body2" color="error">
              {unscanned} running image(s) without a scan.
            </Typography>
          )}
        </InfoCard>
      </Grid>
      <Grid item xs={12}>
        <ImagesTable
          rows={rows}
          showServer={entity.kind !== 'CocktailServer'}
          selected={shown?.id}
          onSelect={setSelected}
        />
      </Grid>
      <Grid item xs={12}>
        {shown?.scan ? (
          <FindingsTable scanId={shown.scan.id} image={shown.image} />
        ) : (
          <InfoCard title="Findings">
            {shown
              ? `${shown.image} has no scan yet.`
              : 'No image has been scanned yet.'}
          </InfoCard>
        )}
      </Grid>
    </Grid>
  );
}
