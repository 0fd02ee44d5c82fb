import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { createScaffolderFieldExtension } from '@backstage/plugin-scaffolder-react';
import { cocktailApiRef, CocktailClient } from './api';
import { ClusterPickerField } from './components/ScaffolderFields/ClusterPickerField';
import { ServiceMapPickerField } from './components/ScaffolderFields/ServiceMapPickerField';
import { rootRouteRef } from './routes';

/**
 * Cocktail for Backstage for apps on the old frontend system.
 *
 * @public
 */
export const cocktailPlugin = createPlugin({
  id: 'cocktail',
  apis: [
    createApiFactory({
      api: cocktailApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new CocktailClient(deps),
    }),
  ],
  routes: { root: rootRouteRef },
});

/**
 * The Clusters page: route it at `/cocktail` in your App.tsx.
 *
 * @public
 */
export const CocktailClustersPage: () => JSX.Element = cocktailPlugin.provide(
  createRoutableExtension({
    name: 'CocktailClustersPage',
    component: () =>
      import('./components/ClustersPage/LegacyClustersPage').then(
        m => m.LegacyClustersPage,
      ),
    mountPoint: rootRouteRef,
  }),
);

/**
 * The Environments tab of a Service entity page.
 *
 * @public
 */
export const EntityCocktailServiceContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailServiceContent',
      component: {
        lazy: () =>
          import('./components/ServiceContent/EntityServiceContent').then(
            m => m.EntityServiceContent,
          ),
      },
    }),
  );

/**
 * The Servers tab of a ServiceMap entity page.
 *
 * @public
 */
export const EntityCocktailServiceMapContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailServiceMapContent',
      component: {
        lazy: () =>
          import('./components/ServiceMapContent/EntityServiceMapContent').then(
            m => m.EntityServiceMapContent,
          ),
      },
    }),
  );

/**
 * The Access tab of a ServiceMap entity page: time-limited kubeconfigs for its namespace.
 *
 * @public
 */
export const EntityCocktailServiceMapAccessContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailServiceMapAccessContent',
      component: {
        lazy: () =>
          import(
            './components/AccessGrants/EntityServiceMapAccessContent'
          ).then(m => m.EntityServiceMapAccessContent),
      },
    }),
  );

/**
 * The Backups tab of a ServiceMap entity page: Velero backups of its namespace, schedules and
 * restores.
 *
 * @public
 */
export const EntityCocktailServiceMapBackupsContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailServiceMapBackupsContent',
      component: {
        lazy: () =>
          import('./components/Backups/EntityServiceMapBackupsContent').then(
            m => m.EntityServiceMapBackupsContent,
          ),
      },
    }),
  );

/**
 * The Status tab of a CocktailServer entity page.
 *
 * @public
 */
export const EntityCocktailServerStatusContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailServerStatusContent',
      component: {
        lazy: () =>
          import(
            './components/ServerOverview/EntityServerOverviewContent'
          ).then(m => m.EntityServerOverviewContent),
      },
    }),
  );

/**
 * The Monitoring tab of a CocktailServer entity page.
 *
 * @public
 */
export const EntityCocktailServerMonitoringContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailServerMonitoringContent',
      component: {
        lazy: () =>
          import(
            './components/ServerMonitoring/EntityServerMonitoringContent'
          ).then(m => m.EntityServerMonitoringContent),
      },
    }),
  );

/**
 * The Operations tab of a CocktailServer entity page.
 *
 * @public
 */
export const EntityCocktailServerOperationsContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailServerOperationsContent',
      component: {
        lazy: () =>
          import(
            './components/ServerOperations/EntityServerOperationsContent'
          ).then(m => m.EntityServerOperationsContent),
      },
    }),
  );

/**
 * The Audit log tab of a CocktailServer, ServiceMap or Service entity page.
 *
 * @public
 */
export const EntityCocktailAuditLogContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailAuditLogContent',
      component: {
        lazy: () =>
          import('./components/AuditLog/EntityAuditLogContent').then(
            m => m.EntityAuditLogContent,
          ),
      },
    }),
  );

/**
 * The Image scans tab of a CocktailServer, ServiceMap or Service entity page.
 *
 * @public
 */
export const EntityCocktailImageScansContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailImageScansContent',
      component: {
        lazy: () =>
          import('./components/ImageScans/EntityImageScansContent').then(
            m => m.EntityImageScansContent,
          ),
      },
    }),
  );

/**
 * The Cluster tab of a `kubernetes-cluster` Resource entity page.
 *
 * @public
 */
export const EntityCocktailClusterContent: () => JSX.Element =
  cocktailPlugin.provide(
    createComponentExtension({
      name: 'EntityCocktailClusterContent',
      component: {
        lazy: () =>
          import('./components/ClusterContent/EntityClusterContent').then(
            m => m.EntityClusterContent,
          ),
      },
    }),
  );

/**
 * `ui:field: CocktailClusterPicker` for the scaffolder in the old frontend system.
 *
 * @public
 */
export const CocktailClusterPickerFieldExtension = cocktailPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CocktailClusterPicker',
    component: ClusterPickerField,
  }),
);

/**
 * `ui:field: CocktailServiceMapPicker` for the scaffolder in the old frontend system.
 *
 * @public
 */
export const CocktailServiceMapPickerFieldExtension = cocktailPlugin.provide(
  createScaffolderFieldExtension({
    name: 'CocktailServiceMapPicker',
    component: ServiceMapPickerField,
  }),
);
