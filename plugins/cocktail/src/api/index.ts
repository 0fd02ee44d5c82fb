export { cocktailApiRef } from './CocktailApi';
export type {
  AuditLogFilter,
  AutoscalingRequest,
  CocktailApi,
  DeployOptions,
  OperationResult,
  ScanGateReport,
  ScanFindingsFilter,
  ServerName,
} from './CocktailApi';
export { CocktailClient } from './CocktailClient';
export { describeApiError } from './describeApiError';
export type { ApiErrorDescription } from './describeApiError';
