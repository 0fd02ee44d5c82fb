export { DatabaseAuditStore } from './DatabaseAuditStore';
export { createAuditRetentionTask } from './retention';
export { redactDetails } from './redactDetails';
export type {
  AuditChainBreakReason,
  AuditChainVerification,
  AuditEntry,
  AuditExportFormat,
  AuditFilter,
  AuditOutcome,
  AuditPage,
  AuditQuery,
  AuditRow,
  AuditStore,
} from './types';
