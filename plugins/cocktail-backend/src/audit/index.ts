export { DatabaseAuditStore } from './DatabaseAuditStore';
export { createAuditRetentionTask } from './retention';
export { createAuditCheckpointTask } from './checkpointTask';
export { redactDetails } from './redactDetails';
export { redactErrorText } from './redactText';
export type {
  AuditChainBreakReason,
  AuditChainVerification,
  AuditCheckpoint,
  AuditCheckpointSummary,
  AuditEntry,
  AuditExportFormat,
  AuditFilter,
  AuditOutcome,
  AuditPage,
  AuditQuery,
  AuditRow,
  AuditStore,
} from './types';
