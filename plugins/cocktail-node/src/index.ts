/**
 * Backend library for Cocktail for Backstage.
 *
 * @packageDocumentation
 */

export { renderServerManifests } from './rendering/renderServerManifests';
export {
  renderCatalogManifests,
  type CatalogManifests,
  type ServiceMapManifests,
} from './rendering/renderCatalogManifests';
export {
  renderServiceMapQuota,
  SERVICE_MAP_QUOTA_NAME,
} from './rendering/renderNamespaceQuota';
export type { Manifest, RenderInput } from './rendering/types';
export {
  cocktailLabels,
  podSelector,
  LABEL_MANAGED_BY,
  LABEL_SERVER,
  LABEL_SERVICE,
  LABEL_SERVICE_MAP,
  ANNOTATION_ENTITY_REF,
  MANAGED_BY_COCKTAIL,
} from './rendering/labels';
export {
  WatchCache,
  type ClusterCacheState,
  type ChangeListener,
} from './cache/WatchCache';
export { ClusterCache } from './cache/ClusterCache';
export { createResourceClient } from './cache/createResourceClient';
export {
  ResourceWatcher,
  type ResourceClient,
  type ResourceWatcherEvents,
} from './cache/ResourceWatcher';
export {
  WATCHED_RESOURCES,
  type WatchedResource,
} from './cache/watchedResources';
export type { SlimObject } from './cache/slimObject';
export {
  makeAbortableApiClient,
  runWithDeadline,
  RequestTimeoutError,
} from './kubernetes/abortableRequests';
export {
  describeRequestError,
  MAX_CLUSTER_MESSAGE_CHARS,
} from './kubernetes/describeRequestError';
export { summarizeServerStatus } from './status/summarizeServerStatus';
export type {
  ServerStatus,
  PodStatus,
} from '@cocktailcloud/plugin-cocktail-common';
export { ClusterRegistry } from './clusters/ClusterRegistry';
export type { CocktailClusterSource } from './clusters/CocktailClusterSource';
export {
  cocktailClusterSourcesExtensionPoint,
  type CocktailClusterSourcesExtensionPoint,
} from './extensions/clusterSourcesExtensionPoint';
export type { ClusterRegistryOptions } from './clusters/ClusterRegistry';
export {
  CocktailClusterSupplier,
  createCocktailClusterSupplier,
} from './clusters/CocktailClusterSupplier';
export type {
  CatalogClusterSource,
  CocktailCluster,
  CocktailClusterAuth,
  KubeconfigAllowances,
} from './clusters/types';
export { loadKubernetesClient } from './clusters/kubernetesClient';
export type { KubernetesClientModule } from './clusters/kubernetesClient';
export { ClusterPolicy } from './policy/ClusterPolicy';
export type {
  ClusterPolicyAction,
  ClusterPolicyCheckContext,
  ClusterPolicyOperation,
  ClusterPolicyPerson,
  ClusterPolicyCurrentCluster,
  ClusterPolicyNodePool,
  ClusterPolicyRequest,
  ClusterPolicyViolation,
} from './policy/types';
export {
  renderServiceMapProvisioning,
  LABEL_ENVIRONMENT,
  type ServiceMapProvisioningInput,
} from './provisioning/renderServiceMapProvisioning';
export {
  SERVICE_MAP_LIMIT_RANGE_NAME,
  type ContainerResources,
  type LimitRangeDefaults,
} from './provisioning/renderLimitRange';
export { CLUSTER_ROLE_BY_MEMBER_ROLE } from './provisioning/renderRoleBindings';
export { NETWORK_POLICY_NAMES } from './provisioning/renderNetworkPolicies';
export type {
  ClusterApiVersions,
  ClusterRequest,
  ClusterRequestIssue,
  BuiltInInfrastructureProvider,
  ControlPlaneProvider,
  InfrastructureProvider,
  NodePoolRequest,
  NodePoolTaint,
} from './clusterApi/types';
export { OFFLINE_CLUSTER_API_VERSIONS } from './clusterApi/apiVersions';
export {
  PROVIDER_PROFILES,
  type ProviderOption,
  type ProviderProfile,
} from './clusterApi/providerProfiles';
export { validateClusterRequest } from './clusterApi/validateClusterRequest';
export {
  ClusterApiProviders,
  type ClusterApiControlPlaneProvider,
  type ClusterApiInfrastructureProvider,
} from './clusterApi/providers/ClusterApiProviders';
export {
  BUILT_IN_CONTROL_PLANE_PROVIDERS,
  BUILT_IN_INFRASTRUCTURE_PROVIDERS,
  builtInClusterApiProviders,
} from './clusterApi/providers/builtInClusterApiProviders';
export type {
  BootstrapFile,
  MachineRole,
  NodeSetup,
  SelfManagedInfrastructure,
} from './clusterApi/infrastructure/types';
export type { ManagedService } from './clusterApi/managed/types';
export type { BootstrapProvider } from './clusterApi/bootstrap/types';
export { clusterObject, type RenderContext } from './clusterApi/renderContext';
export {
  cocktailClusterApiProvidersExtensionPoint,
  type CocktailClusterApiProvidersExtensionPoint,
} from './extensions/clusterApiProvidersExtensionPoint';
export {
  renderClusterManifests,
  clusterApiKindsFor,
} from './clusterApi/renderClusterManifests';
export { renderNodePool } from './clusterApi/renderNodePool';
export { distributionVersion } from './clusterApi/distributionVersion';
export {
  CONTROL_PLANE_VERSION_FIELD,
  WORKER_VERSION_FIELD,
} from './clusterApi/versionFields';
export {
  discoverClusterApiVersions,
  type DiscoveryGet,
  type DiscoveredClusterApiVersions,
} from './clusterApi/discoverClusterApiVersions';
export { kubeConfigDiscovery } from './clusterApi/kubeConfigDiscovery';
export {
  cocktailScanReportReadersExtensionPoint,
  type CocktailScanReportReadersExtensionPoint,
} from './extensions/scanReportReadersExtensionPoint';
export {
  ScanReportReaders,
  BUILT_IN_SCAN_REPORT_READERS,
} from './scans/ScanReportReaders';
export type {
  ReportReader,
  ReportHeader,
  ReportPattern,
} from './scans/ReportReader';
export { ReportFields, type ReportPath } from './scans/reportFields';
export { FindingCollector } from './scans/FindingCollector';
export {
  parseScanReport,
  type ParseScanReportOptions,
  type ScanReportContents,
} from './scans/parseScanReport';
export { TooManyFindingsError } from './scans/TooManyFindingsError';
export { severityCounts, fixableCounts } from './scans/severity';
export {
  parseImageReference,
  formatImageReference,
} from './scans/imageReference';
export type {
  ImageReference,
  NormalizedScan,
  ScanFinding,
  ScanReportFormat,
  ScanSeverity,
  SeverityCounts,
} from '@cocktailcloud/plugin-cocktail-common';
export {
  ServiceRoleDirectory,
  type ServiceDirectoryCatalog,
  type ServiceMapRecord,
  type ServiceRecord,
} from './permissions/ServiceRoleDirectory';
export {
  readPermissionsConfig,
  type CocktailPermissionsConfig,
} from './permissions/readPermissionsConfig';
export { describeRefusal } from './permissions/describeRefusal';
export type {
  AddonCatalog,
  AddonCategory,
  AddonDefinition,
} from './addons/types';
export {
  readAddonCatalog,
  defaultAddonsFor,
  ADDONS_CONFIG_KEY,
} from './addons/readAddonCatalog';
export {
  renderAddonChartProxy,
  addonClusterLabel,
  chartProxyName,
  ADDONS_API_VERSION,
  ADDON_NAME_LABEL,
  CLUSTER_SELECTOR_LABEL,
  CHART_PROXY_NAME_LABEL,
} from './addons/renderAddon';
export {
  renderBackup,
  renderSchedule,
  renderRestore,
  backupRequestIssues,
  BACKUP_NAMESPACE_LABEL,
  VELERO_API_VERSION,
  VELERO_NAMESPACE,
  type BackupRequest,
  type BackupIssue,
  type RestoreRequest,
} from './backups/renderBackups';
