import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { cocktailPermissions } from '@cocktailcloud/plugin-cocktail-common';
import {
  BUILT_IN_CONTROL_PLANE_PROVIDERS,
  BUILT_IN_INFRASTRUCTURE_PROVIDERS,
  BUILT_IN_SCAN_REPORT_READERS,
  ClusterApiProviders,
  ClusterPolicy,
  cocktailClusterApiProvidersExtensionPoint,
  CocktailClusterApiProvidersExtensionPoint,
  ClusterRegistry,
  cocktailClusterSourcesExtensionPoint,
  CocktailClusterSource,
  cocktailScanReportReadersExtensionPoint,
  ReportReader,
  ScanReportReaders,
  createResourceClient,
  loadKubernetesClient,
  readPermissionsConfig,
  ServiceRoleDirectory,
  WatchCache,
  readAddonCatalog,
} from '@cocktailcloud/plugin-cocktail-node';
import { AccessExplainer } from './access/AccessExplainer';
import { createAccessGrantSweepTask } from './accessGrants/accessGrantSweep';
import { readAccessSettings } from './accessGrants/accessSettings';
import { DatabaseAccessGrantStore } from './accessGrants/DatabaseAccessGrantStore';
import { AccessGranter } from './accessGrants/AccessGranter';
import { KubernetesOperations } from './lifecycle/KubernetesOperations';
import { statusSignalRecipients } from './access/statusSignalRecipients';
import {
  createAuditCheckpointTask,
  createAuditRetentionTask,
  DatabaseAuditStore,
} from './audit';
import { ClusterProvisioner } from './clusterApi/ClusterProvisioner';
import { DatabaseScanStore } from './imageScans/DatabaseScanStore';
import { createVulnerabilityReportSyncTask } from './imageScans/sync';
import { readImageScanSettings } from './imageScans/imageScanSettings';
import { createScanRetentionTask } from './imageScans/scanRetention';
import { managementClusterAccess } from './clusterApi/managementCluster';
import { createApiServices } from './service/apiServices';
import { createRouter, RouterOptions } from './service/createRouter';
import { StatusSignals } from './service/StatusSignals';
import { readRequestTimeoutMs } from './service/readRequestTimeout';
import { createMonitoring } from './monitoring/createMonitoring';
import { createAlertNotifier } from './monitoring/createAlertNotifier';
import { ALERT_WEBHOOK_PATH } from './monitoring/alertWebhookRouter';

/**
 * The `cocktail` backend plugin: wiring only; the logic lives in the classes it builds.
 *
 * @public
 */
export const cocktailPlugin = createBackendPlugin({
  pluginId: 'cocktail',
  register(env) {
    const scanReportReaders = new ScanReportReaders();
    const scanReportReadersExtension = {
      addScanReportReader: (...readers: ReportReader[]) => {
        scanReportReaders.add(...readers);
      },
    };
    // The built-in formats go in the way a module's do.
    scanReportReadersExtension.addScanReportReader(
      ...BUILT_IN_SCAN_REPORT_READERS,
    );
    env.registerExtensionPoint(
      cocktailScanReportReadersExtensionPoint,
      scanReportReadersExtension,
    );
    const clusterApiProviders = new ClusterApiProviders();
    const clusterApiProvidersExtension: CocktailClusterApiProvidersExtensionPoint =
      {
        addInfrastructureProvider: provider =>
          clusterApiProviders.addInfrastructureProvider(provider),
        addControlPlaneProvider: provider =>
          clusterApiProviders.addControlPlaneProvider(provider),
      };
    BUILT_IN_INFRASTRUCTURE_PROVIDERS.forEach(
      clusterApiProvidersExtension.addInfrastructureProvider,
    );
    BUILT_IN_CONTROL_PLANE_PROVIDERS.forEach(
      clusterApiProvidersExtension.addControlPlaneProvider,
    );
    env.registerExtensionPoint(
      cocktailClusterApiProvidersExtensionPoint,
      clusterApiProvidersExtension,
    );
    // Modules' cluster sources join the registry (Cluster API's is added there the same way).
    const clusterSources: CocktailClusterSource[] = [];
    env.registerExtensionPoint(cocktailClusterSourcesExtensionPoint, {
      addClusterSource: source => {
        clusterSources.push(source);
      },
    });
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
        notifications: notificationService,
      },
      async init(deps) {
        const { config, logger, auth, catalog } = deps;
        deps.permissionsRegistry.addPermissions(cocktailPermissions);
        const requestTimeoutMs = readRequestTimeoutMs(config);
        const registry = ClusterRegistry.fromConfig(config, {
          requestTimeoutMs,
          logger,
          catalog,
          credentials: () => auth.getOwnServiceCredentials(),
        });
        clusterSources.forEach(source => registry.addClusterSource(source));
        const permissionSettings = readPermissionsConfig(config);
        const directory = new ServiceRoleDirectory({
          catalog,
          credentials: () => auth.getOwnServiceCredentials(),
          platformAdmins: permissionSettings.platformAdmins,
          refreshMs: permissionSettings.refreshMs,
        });
        const watchCache = new WatchCache({
          logger,
          clientFor: async (cluster, resource) =>
            createResourceClient(
              await loadKubernetesClient(),
              await registry.kubeConfigFor(await registry.getCluster(cluster)),
              resource,
            ),
          // Only the namespaces of ServiceMaps are kept, and only clusters in the registry watched.
          namespacesOf: async cluster =>
            (await directory.serviceMaps())
              .filter(map => map.cluster === cluster)
              .map(map => map.namespace),
          knownClusters: async () =>
            (await registry.listClusters()).map(c => c.name),
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
          chainKey: config.getOptionalString('cocktail.audit.chainKey'),
        });
        if (!audit.keyId) {
          logger.warn(
            'The audit log is chained with plain SHA-256, so whoever can write to the database can rewrite it and its checkpoints without verify noticing: set cocktail.audit.chainKey to a secret of at least 32 characters.',
          );
        }
        await createAuditCheckpointTask({
          scheduler: deps.scheduler,
          store: audit,
          logger,
          auditor: deps.auditor,
          frequencyMinutes:
            config.getOptionalNumber('cocktail.audit.checkpointMinutes') ?? 10,
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
        const clusterPolicy = await ClusterPolicy.fromConfig(config);
        const clusterProvisioner = managementCluster
          ? new ClusterProvisioner({
              management: managementClusterAccess({
                name: managementCluster,
                kubeConfigFor: async name =>
                  registry.kubeConfigFor(await registry.getCluster(name)),
                loadClient: loadKubernetesClient,
                providers: clusterApiProviders,
                timeoutMs: requestTimeoutMs,
              }),
              policy: clusterPolicy,
              addons: readAddonCatalog(config),
              refreshRegistry: async () => {
                await registry.refreshClusterApiClusters();
              },
            })
          : undefined;
        const scanSettings = readImageScanSettings(config);
        const scanStore = await DatabaseScanStore.create({
          database: deps.database,
        });
        await createScanRetentionTask({
          scheduler: deps.scheduler,
          store: scanStore,
          logger,
          retentionDays: scanSettings.retentionDays,
        });
        const scanSync = await createVulnerabilityReportSyncTask({
          config,
          logger,
          scheduler: deps.scheduler,
          store: scanStore,
          registry,
          loadClient: loadKubernetesClient,
          maxFindingsPerScan: scanSettings.maxFindingsPerScan,
          requestTimeoutMs,
        });
        const accessSettings = readAccessSettings(config);
        const accessGrantStore = await DatabaseAccessGrantStore.create({
          database: deps.database,
        });
        const accessGranter = new AccessGranter({
          kubeConfigFor: async name =>
            registry.kubeConfigFor(await registry.getCluster(name)),
          operationsFor: async name =>
            new KubernetesOperations(
              await loadKubernetesClient(),
              await registry.kubeConfigFor(await registry.getCluster(name)),
              name,
              requestTimeoutMs,
            ),
        });
        await createAccessGrantSweepTask({
          scheduler: deps.scheduler,
          store: accessGrantStore,
          granter: accessGranter,
          audit,
          logger,
          intervalSeconds: accessSettings.sweepIntervalSeconds,
        });
        const monitoring = createMonitoring({
          config,
          catalog,
          auth,
          logger,
          entityRefOf: async name =>
            (await registry.listClusters()).find(c => c.name === name)
              ?.entityRef,
        });
        const alertNotifier = await createAlertNotifier({
          ...monitoring,
          notifications: deps.notifications,
          database: deps.database,
          directory,
          catalog,
          auth,
          logger,
          clusterNames: async () =>
            (await registry.listClusters()).map(c => c.name),
        });
        // Alertmanager has no Backstage token: the route checks the webhook secret instead.
        deps.httpRouter.addAuthPolicy({
          path: ALERT_WEBHOOK_PATH,
          allow: 'unauthenticated',
        });
        const routerOptions: RouterOptions = {
          clusterProvisioner,
          clusterPolicy,
          ...deps,
          catalog,
          explainer,
          directory,
          reservedNamespaces: config.getOptionalStringArray(
            'cocktail.serviceMaps.reservedNamespaces',
          ),
          clusters: {
            listClusters: async () =>
              (await registry.listClusters()).map(c => ({
                name: c.name,
                title: c.title,
                source: c.source,
                provider: c.provider,
                region: c.region,
                entityRef: c.entityRef,
                ...(c.refusal !== undefined && { error: c.refusal }),
              })),
            kubeConfigFor: async name =>
              registry.kubeConfigFor(await registry.getCluster(name)),
          },
          watchCache,
          audit,
          imageScans: {
            store: scanStore,
            ...scanSettings,
            sync: scanSync,
            readers: scanReportReaders,
          },
          loadClient: loadKubernetesClient,
          requestTimeoutMs,
          accessGrants: {
            store: accessGrantStore,
            granter: accessGranter,
            maxDurationMinutes: accessSettings.maxDurationMinutes,
            clusterGrantNamespace: accessSettings.clusterGrantNamespace,
          },
          monitoring: {
            ...monitoring,
            webhook: {
              secret: monitoring.settings.webhookSecret,
              notifier: alertNotifier,
            },
          },
        };
        deps.httpRouter.use(
          await createRouter(routerOptions, createApiServices(routerOptions)),
        );
      },
    });
  },
});
