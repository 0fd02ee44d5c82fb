export { CocktailApiClient } from './CocktailApiClient';
export { CocktailAccessClient } from './CocktailAccessClient';
export {
  CocktailClusterOperationsClient,
  type CocktailClusterOperationsApi,
} from './CocktailClusterOperationsClient';
export {
  CocktailMonitoringClient,
  type MonitoredKind,
} from './CocktailMonitoringClient';
export type * from './accessGrants';
export type * from './auditLog';
export type * from './clusterApi';
export type * from './clusterDayTwo';
export type * from './backups';
export type * from './provisioning';
export type * from './requests';
export type * from './scanFindings';
export type * from './serverOperations';
