import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import {
  AlertsResponse,
  AlertView,
  SilenceRequest,
  SilenceView,
} from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import { useLiveResource } from '../../hooks/useLiveResource';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { formatDuration, secondsSince } from '../common/formatting';
import { timeLeft } from '../AccessGrants/timeLeft';
import { SilenceDialog } from './SilenceDialog';

const SEVERITY_COLOURS: Record<string, 'secondary' | 'primary' | 'default'> = {
  critical: 'secondary',
  warning: 'primary',
};

/** What may be done with the entity's silences; absent where it has none (Services, clusters). */
export interface SilenceActions {
  /** Why the person may not silence, or undefined when they may. */
  refusal?: string;
  silence(request: SilenceRequest): Promise<unknown>;
  expire(silenceId: string): Promise<unknown>;
}

/**
 * The entity's active alerts from its cluster's Alertmanager (severity, summary, since when,
 * silenced or firing) and their silences; developers and above silence a rule or end a silence.
 */
export function AlertsCard(props: {
  /** What the alerts are about, e.g. "payments-api". */
  subject: string;
  entityKey: string;
  load: () => Promise<AlertsResponse>;
  silences?: SilenceActions;
}) {
  const answer = useLiveResource(props.load, [props.entityKey]);
  const [silencing, setSilencing] = useState<AlertView | 'all'>();
  const [expiring, setExpiring] = useState<string>();
  const [actionError, setActionError] = useState<string>();
  if (!answer.value) {
    return answer.loading ? null : (
      <ApiErrorPanel error={answer.error} what="Alerts" />
    );
  }
  const value = answer.value;
  if (!value.available) {
    return (
      <Alert severity="info" data-testid="alerts-unavailable">
        <strong>No alerts: {value.reason}.</strong> {value.install}
      </Alert>
    );
  }
  const actions = props.silences;
  const columns: TableColumn<AlertView>[] = [
    {
      title: 'Severity',
      width: '110px',
      render: alert => (
        <Chip
          size="small"
          label={alert.severity}
          color={SEVERITY_COLOURS[alert.severity] ?? 'default'}
        />
      ),
    },
    {
      title: 'Alert',
      render: alert => (
        <>
          <Typography variant="body2">{alert.summary}</Typography>
          <Typography variant="caption" color="textSecondary">
            {alert.name}
            {alert.description ? ` — ${alert.description}` : ''}
          </Typography>
        </>
      ),
    },
    {
      title: 'Since',
      width: '120px',
      render: alert => (
        <span title={new Date(alert.startsAt).toLocaleString()}>
          {formatDuration(secondsSince(alert.startsAt))} ago
        </span>
      ),
    },
    {
      title: 'State',
      width: '100px',
      render: alert => (alert.state === 'silenced' ? 'silenced' : 'firing'),
    },
    ...(actions
      ? [
          {
            title: '',
            width: '110px',
            render: (alert: AlertView) => (
              <Button
                size="small"
                variant="outlined"
                disabled={Boolean(actions.refusal)}
                title={actions.refusal}
                onClick={() => setSilencing(alert)}
                aria-label={`Silence ${alert.name}`}
              >
                Silence
              </Button>
            ),
          },
        ]
      : []),
  ];
  const expire = async (silence: SilenceView) => {
    setExpiring(silence.id);
    setActionError(undefined);
    try {
      await actions!.expire(silence.id);
      answer.retry();
    } catch (e) {
      setActionError((e as Error).message);
    } finally {
      setExpiring(undefined);
    }
  };
  return (
    <>
      {actions?.refusal && <Alert severity="info">{actions.refusal}</Alert>}
      {actionError && <Alert severity="error">{actionError}</Alert>}
      {actions && (
        <Box display="flex" justifyContent="flex-end" mb={1}>
          <Button
            size="small"
            variant="outlined"
            disabled={Boolean(actions.refusal)}
            onClick={() => setSilencing('all')}
          >
            Silence every alert of {props.subject}
          </Button>
        </Box>
      )}
      <Table
        title={`Alerts (${value.alerts.length})`}
        subtitle={`from ${props.subject}'s cluster Alertmanager`}
        options={{ paging: false, search: false, padding: 'dense' }}
        columns={columns}
        data={value.alerts}
        emptyContent={
          <Typography style={{ padding: 16 }}>
            No alerts are firing for {props.subject}.
          </Typography>
        }
      />
      {value.silences.length > 0 && (
        <Table
          title={`Silences (${value.silences.length})`}
          options={{ paging: false, search: false, padding: 'dense' }}
          columns={[
            {
              title: 'Matches',
              render: silence =>
                silence.matchers.map(m => `${m.name}=${m.value}`).join(', '),
            },
            { title: 'By', field: 'createdBy' },
            { title: 'Reason', field: 'comment' },
            {
              title: 'Time left',
              render: silence => (
                <span title={new Date(silence.endsAt).toLocaleString()}>
                  {timeLeft(silence.endsAt)}
                </span>
              ),
            },
            ...(actions
              ? [
                  {
                    title: '',
                    render: (silence: SilenceView) => (
                      <Button
                        size="small"
                        color="secondary"
                        variant="outlined"
                        disabled={
                          Boolean(actions.refusal) || expiring === silence.id
                        }
                        onClick={() => expire(silence)}
                        aria-label={`End silence ${silence.id}`}
                      >
                        {expiring === silence.id ? 'Ending…' : 'End now'}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
          data={value.silences}
        />
      )}
      {actions && silencing && (
        <SilenceDialog
          open
          what={
            silencing === 'all'
              ? `every alert of ${props.subject}`
              : `${silencing.name} on ${props.subject}`
          }
          alertname={silencing === 'all' ? undefined : silencing.name}
          onClose={() => setSilencing(undefined)}
          onSilence={async request => {
            await actions.silence(request);
            answer.retry();
          }}
        />
      )}
    </>
  );
}
