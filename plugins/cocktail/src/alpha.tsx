import { discoveryApiRef, fetchApiRef } from '@backstage/core-plugin-api';
import {
  ApiBlueprint,
  createFrontendPlugin,
  createRouteRef,
  PageBlueprint,
} from '@backstage/frontend-plugin-api';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';
import CloudQueueIcon from '@material-ui/icons/CloudQueue';
import { cocktailApiRef, CocktailClient } from './api';
import {
  hasAuditLogTab,
  hasCocktailAuditLog,
  isCocktailServer,
  isCocktailService,
  isKubernetesCluster,
  isServiceMap,
} from './entityFilters';

/**
 * The route of the Clusters page in the new frontend system.
 *
 * @public
 */
export const clustersRouteRef = createRouteRef();

const cocktailApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: cocktailApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new CocktailClient(deps),
    }),
});

const clustersPage = PageBlueprint.make({
  params: {
    path: '/cocktail',
    title: 'Clusters',
    icon: <CloudQueueIcon fontSize="inherit" />,
    routeRef: clustersRouteRef,
    loader: () =>
      import('./components/ClustersPage/ClustersPage').then(m => (
        <m.ClustersPageContent />
      )),
  },
});

const serviceContent = EntityContentBlueprint.make({
  name: 'service',
  params: {
    path: '/cocktail-service',
    title: 'Environments',
    filter: isCocktailService,
    loader: () =>
      import('./components/ServiceContent/EntityServiceContent').then(m => (
        <m.EntityServiceContent />
      )),
  },
});

const serviceMapContent = EntityContentBlueprint.make({
  name: 'service-map',
  params: {
    path: '/cocktail-servers',
    title: 'Servers',
    filter: isServiceMap,
    loader: () =>
      import('./components/ServiceMapContent/EntityServiceMapContent').then(
        m => <m.EntityServiceMapContent />,
      ),
  },
});

const serviceMapAccessContent = EntityContentBlueprint.make({
  name: 'service-map-access',
  params: {
    path: '/cocktail-access',
    title: 'Access',
    filter: isServiceMap,
    loader: () =>
      import('./components/AccessGrants/EntityServiceMapAccessContent').then(
        m => <m.EntityServiceMapAccessContent />,
      ),
  },
});

const serviceMapBackupsContent = EntityContentBlueprint.make({
  name: 'service-map-backups',
  params: {
    path: '/cocktail-backups',
    title: 'Backups',
    filter: isServiceMap,
    loader: () =>
      import('./components/Backups/EntityServiceMapBackupsContent').then(m => (
        <m.EntityServiceMapBackupsContent />
      )),
  },
});

const serverStatusContent = EntityContentBlueprint.make({
  name: 'server-status',
  params: {
    path: '/cocktail-status',
    title: 'Status',
    filter: isCocktailServer,
    loader: () =>
      import('./components/ServerOverview/EntityServerOverviewContent').then(
        m => <m.EntityServerOverviewContent />,
      ),
  },
});

const serverMonitoringContent = EntityContentBlueprint.make({
  name: 'server-monitoring',
  params: {
    path: '/cocktail-monitoring',
    title: 'Monitoring',
    filter: isCocktailServer,
    loader: () =>
      import(
        './components/ServerMonitoring/EntityServerMonitoringContent'
      ).then(m => <m.EntityServerMonitoringContent />),
  },
});

const serverOperationsContent = EntityContentBlueprint.make({
  name: 'server-operations',
  params: {
    path: '/cocktail-operations',
    title: 'Operations',
    filter: isCocktailServer,
    loader: () =>
      import(
        './components/ServerOperations/EntityServerOperationsContent'
      ).then(m => <m.EntityServerOperationsContent />),
  },
});

const auditLogContent = EntityContentBlueprint.make({
  name: 'audit-log',
  params: {
    path: '/cocktail-audit',
    title: 'Audit log',
    filter: hasAuditLogTab,
    loader: () =>
      import('./components/AuditLog/EntityAuditLogContent').then(m => (
        <m.EntityAuditLogContent />
      )),
  },
});

const imageScansContent = EntityContentBlueprint.make({
  name: 'image-scans',
  params: {
    path: '/cocktail-image-scans',
    title: 'Image scans',
    filter: hasCocktailAuditLog,
    loader: () =>
      import('./components/ImageScans/EntityImageScansContent').then(m => (
        <m.EntityImageScansContent />
      )),
  },
});

const clusterContent = EntityContentBlueprint.make({
  name: 'cluster',
  params: {
    path: '/cocktail-cluster',
    title: 'Cluster',
    filter: isKubernetesCluster,
    loader: () =>
      import('./components/ClusterContent/EntityClusterContent').then(m => (
        <m.EntityClusterContent />
      )),
  },
});

const clusterPickerField = FormFieldBlueprint.make({
  name: 'cluster-picker',
  params: {
    field: () =>
      import('./components/ScaffolderFields/fields').then(
        m => m.clusterPickerFormField,
      ),
  },
});

const serviceMapPickerField = FormFieldBlueprint.make({
  name: 'servicemap-picker',
  params: {
    field: () =>
      import('./components/ScaffolderFields/fields').then(
        m => m.serviceMapPickerFormField,
      ),
  },
});

/**
 * Cocktail for Backstage in the new frontend system: the API client, the Clusters page at
 * `/cocktail` (in the sidebar), and entity tabs for Services, ServiceMaps, CocktailServers and
 * `kubernetes-cluster` Resources, and the scaffolder fields `CocktailClusterPicker` and
 * `CocktailServiceMapPicker`.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'cocktail',
  info: { packageJson: () => import('../package.json') },
  routes: { clusters: clustersRouteRef },
  extensions: [
    cocktailApi,
    clustersPage,
    serviceContent,
    serviceMapContent,
    serviceMapAccessContent,
    serviceMapBackupsContent,
    serverStatusContent,
    serverMonitoringContent,
    serverOperationsContent,
    auditLogContent,
    imageScansContent,
    clusterContent,
    clusterPickerField,
    serviceMapPickerField,
  ],
});
