import {
  AuthService,
  DatabaseService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CocktailServerEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { ServiceRoleDirectory } from '@cocktailcloud/plugin-cocktail-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { CatalogEntityReader } from '../service/ServerResolver';
import { serviceMapRefOf } from '../summaries/catalogRefs';
import { AlertNotifier } from './AlertNotifier';
import { DatabaseAlertNotificationStore } from './DatabaseAlertNotificationStore';
import { MonitoringEndpoints } from './MonitoringEndpoints';
import { MonitoringSettings } from './monitoringSettings';

/** The webhook receiver's notifier, reading the catalog and clusters with the backend's own credentials. */
export async function createAlertNotifier(options: {
  settings: MonitoringSettings;
  endpoints: MonitoringEndpoints;
  notifications: NotificationService;
  database: DatabaseService;
  directory: ServiceRoleDirectory;
  catalog: CatalogEntityReader;
  auth: AuthService;
  logger: LoggerService;
  clusterNames: () => Promise<string[]>;
}): Promise<AlertNotifier> {
  const { endpoints, catalog, auth } = options;
  return new AlertNotifier({
    notifications: options.notifications,
    store: await DatabaseAlertNotificationStore.create({
      database: options.database,
    }),
    directory: options.directory,
    alertingClusters: async () => {
      const clusters = await Promise.all(
        (
          await options.clusterNames()
        ).map(async name => ({
          name,
          alertmanager: (await endpoints.forCluster(name)).alertmanager,
        })),
      );
      return clusters.flatMap(({ name, alertmanager }) =>
        alertmanager ? [{ name, labels: alertmanager.labels }] : [],
      );
    },
    serverOf: async (serviceMapRef, server) => {
      const { items } = await catalog.getEntities(
        { filter: { kind: 'CocktailServer', 'metadata.name': server } },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      const match = (items as CocktailServerEntityV1alpha1[]).find(
        entity =>
          serviceMapRefOf(entity) === serviceMapRef.toLocaleLowerCase('en-US'),
      );
      return match
        ? {
            kind: match.kind,
            namespace: match.metadata.namespace ?? 'default',
            name: match.metadata.name,
          }
        : undefined;
    },
    recipients: options.settings.alertRecipients,
    logger: options.logger,
  });
}
