import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  MonitoringRange,
  MonitoringSeriesResponse,
} from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import { useLiveResource } from '../../hooks/useLiveResource';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { MetricChartCard } from './MetricChartCard';
import { RangePicker } from './RangePicker';

/**
 * Charts over a chosen range from the cluster's Prometheus, refreshed every 30 s. Without
 * Prometheus it says why and what to install; the page's current numbers stay below it.
 */
export function MonitoringHistory(props: {
  title: string;
  load: (range: MonitoringRange) => Promise<MonitoringSeriesResponse>;
  /** A key that changes when the entity does, so charts reload. */
  entityKey: string;
}) {
  const [range, setRange] = useState<MonitoringRange>('1h');
  const answer = useLiveResource(
    () => props.load(range),
    [props.entityKey, range],
  );
  const header = (
    <Box
      display="flex"
      alignItems="center"
      justifyContent="space-between"
      mb={2}
    >
      <Typography variant="h5">{props.title}</Typography>
      <RangePicker value={range} onChange={setRange} />
    </Box>
  );
  if (!answer.value) {
    return (
      <>
        {header}
        {answer.loading ? (
          <Progress />
        ) : (
          <ApiErrorPanel error={answer.error} what="Charts over time" />
        )}
      </>
    );
  }
  const value = answer.value;
  if (!value.available) {
    return (
      <Alert severity="info" data-testid="monitoring-unavailable">
        <strong>No history: {value.reason}.</strong> {value.install}
      </Alert>
    );
  }
  return (
    <>
      {header}
      {answer.error && (
        <ApiErrorPanel error={answer.error} what="Refreshing the charts" />
      )}
      {value.missing?.map(part => (
        <Alert key={part.name} severity="warning">
          {part.name}: {part.reason}
        </Alert>
      ))}
      <Grid container spacing={3}>
        {value.charts.map(chart => (
          <Grid item xs={12} lg={6} key={chart.id}>
            <MetricChartCard
              chart={chart}
              range={value.range}
              start={value.start}
              end={value.end}
            />
          </Grid>
        ))}
      </Grid>
    </>
  );
}
