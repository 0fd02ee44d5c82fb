export type {
  KubernetesCondition,
  ServerStatus,
  PodStatus,
} from './ServerStatus';
export type * from './responses';
export { SERVER_STATUS_CHANNEL, type ServerStatusSignal } from './signals';
