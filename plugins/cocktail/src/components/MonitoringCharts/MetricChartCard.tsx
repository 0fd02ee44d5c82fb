import { InfoCard } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { useTheme } from '@material-ui/core/styles';
import {
  MetricChart,
  MonitoringRange,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { chartRows, hasPoints, TOTAL_KEY } from './chartRows';
import {
  formatAxisTick,
  formatMetric,
  formatTick,
  niceCeiling,
} from './formatMetric';

/** Mid-tone colours that read on Backstage's light and dark backgrounds alike. */
const LINE_COLOURS = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#9467bd',
  '#17becf',
  '#e377c2',
  '#8c564b',
  '#bcbd22',
];
const CHART_HEIGHT = 260;
/** More lines than this and the legend would crowd out the plot: the tooltip names them. */
const MAX_LEGEND_ENTRIES = 6;

/** One chart: a line per pod, node or environment, the total, and request and limit lines. */
export function MetricChartCard(props: {
  chart: MetricChart;
  range: MonitoringRange;
  /** The range's ends (unix seconds): the time axis spans them, whatever has data. */
  start: number;
  end: number;
}) {
  const { chart, range } = props;
  const theme = useTheme();
  const rows = chartRows(chart);
  const axisColour = theme.palette.text.secondary;
  const format = (value: number) => formatMetric(chart.unit, value);
  const references = [
    {
      label: chart.referenceLabels?.request ?? 'request',
      value: chart.request,
      colour: theme.palette.info?.main ?? '#2196f3',
    },
    {
      label: chart.referenceLabels?.limit ?? 'limit',
      value: chart.limit,
      colour: theme.palette.error.main,
    },
  ].filter(reference => reference.value !== undefined && reference.value > 0);
  const highest = Math.max(
    0,
    ...references.map(reference => reference.value!),
    ...rows.flatMap(row =>
      Object.entries(row)
        .filter(([key]) => key !== 'time')
        .map(([, value]) => value),
    ),
  );
  const showLegend = chart.series.length <= MAX_LEGEND_ENTRIES;
  const subheader = [
    ...references.map(
      reference => `${reference.label} ${format(reference.value!)}`,
    ),
    ...(showLegend ? [] : [`${chart.series.length} lines: hover for names`]),
  ].join(' · ');
  return (
    <InfoCard title={chart.title} subheader={subheader}>
      {hasPoints(chart) ? (
        <div data-testid={`chart-${chart.id}`}>
          <ResponsiveContainer
            width="100%"
            height={CHART_HEIGHT}
            initialDimension={{ width: 600, height: CHART_HEIGHT }}
          >
            <LineChart data={rows} margin={{ top: 8, right: 16, left: 8 }}>
              <CartesianGrid
                stroke={theme.palette.divider}
                strokeDasharray="3 3"
              />
              <XAxis
                dataKey="time"
                type="number"
                domain={[props.start, props.end]}
                allowDataOverflow
                tickFormatter={time => formatTick(range, time)}
                stroke={axisColour}
                fontSize={12}
              />
              <YAxis
                tickFormatter={value => formatAxisTick(chart.unit, value)}
                allowDecimals={chart.unit !== 'count'}
                label={
                  chart.unit === 'cores'
                    ? {
                        value: 'cores',
                        angle: -90,
                        position: 'insideLeft',
                        fill: axisColour,
                        fontSize: 12,
                      }
                    : undefined
                }
                stroke={axisColour}
                fontSize={12}
                width={72}
                domain={[0, niceCeiling(highest * 1.1)]}
              />
              <Tooltip
                labelFormatter={time =>
                  new Date(Number(time) * 1000).toLocaleString()
                }
                formatter={(value, name) => [
                  format(Number(value)),
                  name === TOTAL_KEY ? 'total' : name,
                ]}
                contentStyle={{
                  background: theme.palette.background.paper,
                  borderColor: theme.palette.divider,
                  color: theme.palette.text.primary,
                }}
              />
              {showLegend && (
                <Legend
                  formatter={name => (name === TOTAL_KEY ? 'total' : name)}
                  wrapperStyle={{ fontSize: 12, color: axisColour }}
                />
              )}
              {chart.series.map((series, index) => (
                <Line
                  key={series.name}
                  dataKey={series.name}
                  name={series.name}
                  stroke={LINE_COLOURS[index % LINE_COLOURS.length]}
                  dot={false}
                  strokeWidth={1.5}
                  isAnimationActive={false}
                  connectNulls
                />
              ))}
              {chart.total && chart.series.length > 1 && (
                <Line
                  dataKey={TOTAL_KEY}
                  name={TOTAL_KEY}
                  stroke={theme.palette.text.primary}
                  strokeDasharray="6 3"
                  dot={false}
                  strokeWidth={2}
                  isAnimationActive={false}
                />
              )}
              {references.map(reference => (
                <ReferenceLine
                  key={reference.label}
                  y={reference.value}
                  stroke={reference.colour}
                  strokeDasharray="4 4"
                  label={{
                    value: `${reference.label} ${format(reference.value!)}`,
                    position: 'insideTopRight',
                    fill: reference.colour,
                    fontSize: 12,
                  }}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
        </div>
      ) : (
        <Typography variant="body2" color="textSecondary">
          No samples in this range yet: Prometheus has not scraped these pods
          since they started.
        </Typography>
      )}
    </InfoCard>
  );
}
