/**
 * The `cocktail` backend plugin: cluster status, lifecycle operations, drift and the audit log.
 *
 * @packageDocumentation
 */

export { cocktailPlugin as default } from './plugin';
export { createRouter, type RouterOptions } from './service/createRouter';
export {
  DatabaseAuditStore,
  type AuditStore,
  type AuditRow,
  type AuditEntry,
} from './audit';
export { SERVER_STATUS_CHANNEL } from './service/StatusSignals';
