export { cocktailApiRef } from './CocktailApi';
export type {
  AuditChainBreakReason,
  AuditChainVerificationView,
  AuditCheckpointView,
  AuditLogFilter,
  AuditLogPage,
  AuditLogRow,
  AutoscalingRequest,
  CocktailApi,
  DeployOptions,
  GateOptions,
  OperationResult,
  ScanGateReport,
  ScanFindingsFilter,
  ScanFindingsPage,
  ServerName,
} from './CocktailApi';
export { CocktailClient } from './CocktailClient';
export { describeApiError } from './describeApiError';
export type { ApiErrorDescription } from './describeApiError';
