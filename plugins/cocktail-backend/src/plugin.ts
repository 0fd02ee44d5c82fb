import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { cocktailPermissions } from '@cocktailcloud/plugin-cocktail-common';
import {
  ClusterPolicy,
  ClusterRegistry,
  createResourceClient,
  loadKubernetesClient,
  readPermissionsConfig,
  ServiceRoleDirectory,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import { AccessExplainer } from './access/AccessExplainer';
import { statusSignalRecipients } from './access/statusSignalRecipients';
import { createAuditRetentionTask, DatabaseAuditStore } from './audit';
import { ClusterProvisioner } from './clusterApi/ClusterProvisioner';
import { DatabaseScanStore } from './imageScans/DatabaseScanStore';
import { createVulnerabilityReportSyncTask } from './imageScans/sync';
import { readGateThreshold } from './imageScans/ScanGate';
import { managementClusterAccess } from './clusterApi/managementCluster';
import { createRouter } from './service/createRouter';
import { StatusSignals } from './service/StatusSignals';

/** The `cocktail` backend plugin: wiring only; the logic lives in the classes it builds. */
export const cocktailPlugin = createBackendPlugin({
  pluginId: 'cocktail',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        httpRouter: coreServices.httpRouter,
        httpAuth: coreServices.httpAuth,
        auth: coreServices.auth,
        userInfo: coreServices.userInfo,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        auditor: coreServices.auditor,
        database: coreServices.database,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
        catalog: catalogServiceRef,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { config, logger, auth, catalog } = deps;
        deps.permissionsRegistry.addPermissions(cocktailPermissions);
        const registry = ClusterRegistry.fromConfig(config, {
          logger,
          catalog,
          credentials: () => auth.getOwnServiceCredentials(),
        });
        const watchCache = new WatchCache({
          logger,
          clientFor: async (cluster, resource) =>
            createResourceClient(
              await loadKubernetesClient(),
              await registry.kubeConfigFor(await registry.getCluster(cluster)),
              resource,
            ),
        });
        const permissionSettings = readPermissionsConfig(config);
        const directory = new ServiceRoleDirectory({
          catalog,
          credentials: () => auth.getOwnServiceCredentials(),
          platformAdmins: permissionSettings.platformAdmins,
          refreshMs: permissionSettings.refreshMs,
        });
        const explainer = new AccessExplainer({
          directory,
          userInfo: deps.userInfo,
          auth,
          catalog,
        });
        const statusSignals = new StatusSignals(
          deps.signals,
          logger,
          undefined,
          statusSignalRecipients({
            directory,
            openReads: permissionSettings.openReads,
          }),
        );
        watchCache.onChange(change => statusSignals.onChange(change));
        deps.lifecycle.addShutdownHook(() => {
          statusSignals.stop();
          watchCache.stop();
        });
        const audit = await DatabaseAuditStore.create({
          database: deps.database,
        });
        await createAuditRetentionTask({
          scheduler: deps.scheduler,
          store: audit,
          logger,
          retentionDays:
            config.getOptionalNumber('cocktail.audit.retentionDays') ?? 365,
        });
        const managementCluster = config.getOptionalString(
          'cocktail.clusterApi.managementCluster',
        );
        const clusterProvisioner = managementCluster
          ? new ClusterProvisioner({
              management: managementClusterAccess({
                name: managementCluster,
                kubeConfigFor: async name =>
                  registry.kubeConfigFor(await registry.getCluster(name)),
                loadClient: loadKubernetesClient,
              }),
              policy: await ClusterPolicy.fromConfig(config),
              refreshRegistry: async () => {
                await registry.refreshClusterApiClusters();
              },
            })
          : undefined;
        const scanStore = await DatabaseScanStore.create({
          database: deps.database,
        });
        await createVulnerabilityReportSyncTask({
          config,
          logger,
          scheduler: deps.scheduler,
          store: scanStore,
          registry,
          loadClient: loadKubernetesClient,
        });
        deps.httpRouter.use(
          await createRouter({
            clusterProvisioner,
            ...deps,
            catalog,
            explainer,
            directory,
            reservedNamespaces: config.getOptionalStringArray(
              'cocktail.serviceMaps.reservedNamespaces',
            ),
            clusters: {
              listClusters: async () =>
                (
                  await registry.listClusters()
                ).map(c => ({
                  name: c.name,
                  title: c.title,
                  source: c.source,
                  provider: c.provider,
                  region: c.region,
                  entityRef: c.entityRef,
                })),
              kubeConfigFor: async name =>
                registry.kubeConfigFor(await registry.getCluster(name)),
            },
            watchCache,
            audit,
            imageScans: {
              store: scanStore,
              blockDeployAtOrAbove: readGateThreshold(config),
              maxUploadBytes:
                (config.getOptionalNumber(
                  'cocktail.imageScans.maxUploadMegabytes',
                ) ?? 200) *
                2 ** 20,
            },
            loadClient: loadKubernetesClient,
          }),
        );
      },
    });
  },
});
