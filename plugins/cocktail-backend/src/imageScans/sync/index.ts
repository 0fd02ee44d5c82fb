export { createVulnerabilityReportSyncTask } from './createVulnerabilityReportSyncTask';
export {
  VulnerabilityReportSync,
  type RecordedReport,
  type VulnerabilityReportSyncOptions,
  type VulnerabilityReportSyncRun,
} from './VulnerabilityReportSync';
