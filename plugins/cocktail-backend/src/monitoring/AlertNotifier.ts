import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ServiceMapRecord,
  ServiceRecord,
} from '@cocktailcloud/plugin-cocktail-node';
import { NotificationService } from '@backstage/plugin-notifications-node';
import { alertEntity, clusterOfAlert } from './alertEntity';
import { AlertRecipientRoles, alertRecipients } from './alertRecipients';
import { WebhookAlert } from './alertWebhookBody';
import { NotifiedAlert } from './DatabaseAlertNotificationStore';

/** What became of one alert of a webhook call. */
export interface AlertDelivery {
  fingerprint: string;
  alertname: string;
  outcome: 'notified' | 'unchanged' | 'skipped';
  /** Who was told (users and groups), or why nobody was. */
  recipients?: string[];
  reason?: string;
}

const NOTIFICATION_SEVERITY: Record<string, 'critical' | 'high' | 'normal'> = {
  critical: 'critical',
  warning: 'high',
};

/**
 * Turns Alertmanager's alerts into Backstage notifications for the members of the Service they
 * are about (by cluster, namespace and server labels), each role as config says for the
 * severity. One notification per alert (its scope is the fingerprint): a repeat changes
 * nothing, a resolution updates it.
 */
export class AlertNotifier {
  constructor(
    private readonly options: {
      notifications: NotificationService;
      store: { record(alert: NotifiedAlert): Promise<boolean> };
      directory: {
        service(ref: string): Promise<ServiceRecord | undefined>;
        serviceMaps(): Promise<ServiceMapRecord[]>;
      };
      /** The registered clusters with an Alertmanager, and the labels its alerts carry. */
      alertingClusters: () => Promise<
        Array<{ name: string; labels: Record<string, string> }>
      >;
      /** The CocktailServer of that name deployed through the ServiceMap, if there is one. */
      serverOf: (
        serviceMapRef: string,
        server: string,
      ) => Promise<
        { kind: string; namespace: string; name: string } | undefined
      >;
      recipients: AlertRecipientRoles;
      logger: LoggerService;
    },
  ) {}

  async receive(alerts: WebhookAlert[]): Promise<AlertDelivery[]> {
    const [clusters, serviceMaps] = await Promise.all([
      this.options.alertingClusters(),
      this.options.directory.serviceMaps(),
    ]);
    const deliveries: AlertDelivery[] = [];
    for (const alert of alerts) {
      deliveries.push(await this.deliver(alert, clusters, serviceMaps));
    }
    return deliveries;
  }

  private async deliver(
    alert: WebhookAlert,
    clusters: Array<{ name: string; labels: Record<string, string> }>,
    serviceMaps: ServiceMapRecord[],
  ): Promise<AlertDelivery> {
    const { labels, annotations } = alert;
    const base = {
      fingerprint: alert.fingerprint,
      alertname: labels.alertname,
    };
    const skip = (reason: string): AlertDelivery => {
      this.options.logger.info(
        `Alert ${labels.alertname} (${alert.fingerprint}) notified nobody: ${reason}`,
      );
      return { ...base, outcome: 'skipped', reason };
    };
    const cluster = clusterOfAlert(labels, clusters);
    if (!cluster) {
      return skip(
        'its labels match no registered cluster with an Alertmanager (give it the labels of cocktail.clusters[].alertmanager.labels, or a cluster label)',
      );
    }
    if (!labels.namespace) {
      return skip(
        `it has no namespace label, so it belongs to no ServiceMap of cluster ${cluster}`,
      );
    }
    const serviceMap = serviceMaps.find(
      map => map.cluster === cluster && map.namespace === labels.namespace,
    );
    if (!serviceMap) {
      return skip(
        `no ServiceMap is bound to namespace ${labels.namespace} of cluster ${cluster}`,
      );
    }
    const server = labels.server
      ? await this.options.serverOf(serviceMap.ref, labels.server)
      : undefined;
    const entity = alertEntity(serviceMap, server);
    const service = await this.options.directory.service(entity.serviceRef);
    const recipients = service
      ? alertRecipients(service.roles, labels.severity, this.options.recipients)
      : [];
    if (!recipients.length) {
      return skip(
        `no member of ${entity.serviceRef} has a role that hears of ${
          labels.severity ?? 'unlabelled'
        } alerts`,
      );
    }
    const isNews = await this.options.store.record({
      fingerprint: alert.fingerprint,
      status: alert.status,
      entityRef: entity.entityRef,
      startsAt: alert.startsAt,
    });
    if (!isNews) {
      return { ...base, outcome: 'unchanged', recipients };
    }
    const summary = annotations.summary ?? labels.alertname;
    const firing = alert.status === 'firing';
    await this.options.notifications.send({
      recipients: { type: 'entity', entityRef: recipients },
      payload: {
        title: firing
          ? `${labels.severity ? `[${labels.severity}] ` : ''}${summary}`
          : `Resolved: ${summary}`,
        description: [
          annotations.description,
          `${labels.alertname} on ${
            entity.entityRef
          } (cluster ${cluster}, namespace ${
            labels.namespace
          }), since ${new Date(alert.startsAt).toISOString()}`,
        ]
          .filter(Boolean)
          .join('\n'),
        link: entity.link,
        severity: firing
          ? NOTIFICATION_SEVERITY[labels.severity ?? ''] ?? 'normal'
          : 'low',
        topic: 'Cocktail alerts',
        scope: `cocktail-alert:${alert.fingerprint}`,
      },
    });
    return { ...base, outcome: 'notified', recipients };
  }
}
