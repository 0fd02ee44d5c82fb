import { InfoCard, Progress, Table } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import ButtonGroup from '@material-ui/core/ButtonGroup';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  CostItem,
  CostPeriod,
  CostResponse,
} from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import { useLiveResource } from '../../hooks/useLiveResource';
import { ApiErrorPanel } from '../common/ApiErrorPanel';

const PERIODS: Array<{ period: CostPeriod; label: string; hours: number }> = [
  { period: '24h', label: '24 hours', hours: 24 },
  { period: '7d', label: '7 days', hours: 168 },
  { period: '30d', label: '30 days', hours: 720 },
];

/** An amount with the precision it needs: cents, fractions of a cent under 1, none from 1000. */
function money(currency: string, value: number) {
  let fractionDigits = 2;
  if (value >= 1000) {
    fractionDigits = 0;
  } else if (value > 0 && value < 1) {
    fractionDigits = 4;
  }
  return new Intl.NumberFormat(undefined, {
    style: 'currency',
    currency,
    minimumFractionDigits: Math.min(2, fractionDigits),
    maximumFractionDigits: fractionDigits,
  }).format(value);
}

const hours = (value: number) =>
  value < 10 ? value.toFixed(2) : Math.round(value).toLocaleString();

/** How the numbers were made, in a sentence (the README's "Cost" section says more). */
function methodNote(answer: Extract<CostResponse, { available: true }>) {
  const methods = new Set(answer.items.map(item => item.method));
  const notes: string[] = [];
  if (methods.has('prometheus')) {
    const prices = Object.entries(answer.prices)
      .map(
        ([cluster, p]) =>
          `${cluster}: ${money(
            answer.currency,
            p.cpuCoreHour,
          )} per core-hour, ${money(
            answer.currency,
            p.memoryGiBHour,
          )} per GiB-hour, ${money(
            answer.currency,
            p.gpuHour,
          )} per GPU-hour, ${money(
            answer.currency,
            p.storageGiBMonth,
          )} per GiB-month of storage`,
      )
      .join('; ');
    notes.push(
      `From Prometheus: CPU and memory are charged on what pods request, or on what they use where that is higher; GPUs and storage on what is requested; summed over the period and priced per cluster (${prices}).`,
    );
  }
  if (methods.has('opencost')) {
    notes.push("From OpenCost's allocation API, as OpenCost prices them.");
  }
  return notes.join(' ');
}

/**
 * What the entity's environments (or a cluster's namespaces) cost over 24 hours, 7 or 30 days,
 * with what each resource contributes and how it was computed.
 */
export function CostCard(props: {
  title: string;
  entityKey: string;
  /** What the lines are: environments of a Service, or namespaces of a cluster. */
  itemTitle: string;
  load: (period: CostPeriod) => Promise<CostResponse>;
}) {
  const [period, setPeriod] = useState<CostPeriod>('7d');
  const answer = useLiveResource(
    () => props.load(period),
    [props.entityKey, period],
  );
  const picker = (
    <ButtonGroup size="small" color="primary" aria-label="Cost period">
      {PERIODS.map(choice => (
        <Button
          key={choice.period}
          variant={choice.period === period ? 'contained' : 'outlined'}
          aria-pressed={choice.period === period}
          onClick={() => setPeriod(choice.period)}
        >
          {choice.label}
        </Button>
      ))}
    </ButtonGroup>
  );
  const value = answer.value;
  let body;
  if (!value) {
    body = answer.loading ? (
      <Progress />
    ) : (
      <ApiErrorPanel error={answer.error} what="Cost" />
    );
  } else if (!value.available) {
    body = (
      <Alert severity="info" data-testid="cost-unavailable">
        <strong>No cost: {value.reason}.</strong> {value.install}
      </Alert>
    );
  } else {
    const periodHours = PERIODS.find(p => p.period === value.period)!.hours;
    const short = Object.entries(value.coveredHours).filter(
      ([, covered]) => covered < periodHours - 0.5,
    );
    body = (
      <>
        <Typography variant="h3" component="p" data-testid="cost-total">
          {money(value.currency, value.total)}
        </Typography>
        <Typography variant="body2" color="textSecondary" gutterBottom>
          over the last {PERIODS.find(p => p.period === value.period)!.label}
        </Typography>
        {short.map(([cluster, covered]) => (
          <Alert key={cluster} severity="info">
            Prometheus of {cluster} has data for {hours(covered)} of the{' '}
            {periodHours} hours: the cost covers only those.
          </Alert>
        ))}
        {value.missing?.map(part => (
          <Alert key={part.name} severity="warning">
            {part.name}: {part.reason}
          </Alert>
        ))}
        <Table<CostItem>
          options={{
            paging: false,
            search: false,
            padding: 'dense',
            toolbar: false,
          }}
          data={value.items}
          columns={[
            { title: props.itemTitle, field: 'name', highlight: true },
            {
              title: 'CPU',
              render: item =>
                `${money(value.currency, item.cost.cpu)} (${hours(
                  item.cpuCoreHours,
                )} core-h)`,
            },
            {
              title: 'Memory',
              render: item =>
                `${money(value.currency, item.cost.memory)} (${hours(
                  item.memoryGiBHours,
                )} GiB-h)`,
            },
            {
              title: 'GPU',
              render: item =>
                `${money(value.currency, item.cost.gpu)} (${hours(
                  item.gpuHours,
                )} h)`,
            },
            {
              title: 'Storage',
              render: item =>
                `${money(value.currency, item.cost.storage)} (${hours(
                  item.storageGiBHours,
                )} GiB-h)`,
            },
            {
              title: 'Total',
              render: item => (
                <strong>{money(value.currency, item.cost.total)}</strong>
              ),
            },
          ]}
        />
        <Typography variant="caption" color="textSecondary" component="p">
          {methodNote(value)}
        </Typography>
      </>
    );
  }
  return (
    <InfoCard
      title={props.title}
      action={
        <Box mt={2} mr={2}>
          {picker}
        </Box>
      }
    >
      {body}
    </InfoCard>
  );
}
