export type {
  KubernetesCondition,
  ServerStatus,
  PodStatus,
} from './ServerStatus';
export type * from './responses';
export type * from './monitoring';
export type * from './cost';
export { SERVER_STATUS_CHANNEL, type ServerStatusSignal } from './signals';
