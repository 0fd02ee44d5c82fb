import {
  StatusAborted,
  StatusError,
  StatusOK,
  StatusPending,
  StatusRunning,
  StatusWarning,
} from '@backstage/core-components';
import { ServerHealth } from '@cocktailcloud/plugin-cocktail-common';

type Health = Pick<
  ServerHealth,
  'found' | 'replicas' | 'rollout' | 'stale' | 'kind'
>;

/** One word for a server's state, used for sorting and filtering as well as display. */
export function healthLabel(status: Health): string {
  if (!status.found) {
    return 'Not deployed';
  }
  if (status.rollout.state === 'suspended') {
    return 'Suspended';
  }
  if (status.rollout.state === 'progressing') {
    return 'Rolling out';
  }
  const { desired, ready } = status.replicas;
  if (status.kind === 'CronJob' || status.kind === 'Job') {
    return 'Scheduled';
  }
  if (desired === 0) {
    return 'Scaled to zero';
  }
  if (ready >= desired) {
    return 'Healthy';
  }
  return ready === 0 ? 'Down' : 'Degraded';
}

/** A server's state with the status icon Backstage uses elsewhere. */
export function ServerHealthStatus(props: { status: Health }) {
  const label = healthLabel(props.status);
  const text = `${label}${props.status.stale ? ' (stale)' : ''}`;
  switch (label) {
    case 'Healthy':
    case 'Scheduled':
      return <StatusOK>{text}</StatusOK>;
    case 'Rolling out':
      return <StatusRunning>{text}</StatusRunning>;
    case 'Degraded':
      return <StatusWarning>{text}</StatusWarning>;
    case 'Down':
      return <StatusError>{text}</StatusError>;
    case 'Suspended':
    case 'Scaled to zero':
      return <StatusAborted>{text}</StatusAborted>;
    default:
      return <StatusPending>{text}</StatusPending>;
  }
}
