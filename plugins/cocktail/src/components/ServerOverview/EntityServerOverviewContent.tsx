import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { CocktailServerEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { entityName } from '../../hooks/entityName';
import { useServerStatus } from '../../hooks/useServerStatus';
import { DriftCard } from './DriftCard';
import { LiveStatusCard } from './LiveStatusCard';
import { PlacementCard } from './PlacementCard';
import { SpecSummaryCard } from './SpecSummaryCard';

/** The Status tab of a CocktailServer: spec, live status, drift and where it belongs. */
export function EntityServerOverviewContent() {
  const { entity } = useEntity<CocktailServerEntityV1alpha1>();
  const server = entityName(entity);
  const status = useServerStatus(server);
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={6}>
        <LiveStatusCard
          status={status.value}
          loading={status.loading}
          error={status.error}
        />
      </Grid>
      <Grid item xs={12} md={6}>
        <SpecSummaryCard server={entity} />
      </Grid>
      <Grid item xs={12} md={6}>
        <PlacementCard server={entity} />
      </Grid>
      <Grid item xs={12}>
        <DriftCard server={server} />
      </Grid>
    </Grid>
  );
}
