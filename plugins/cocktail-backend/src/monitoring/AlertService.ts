import { ConflictError, NotAllowedError } from '@backstage/errors';
import {
  AlertsResponse,
  AlertView,
  SilenceRequest,
  SilenceView,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  AlertmanagerAlert,
  AlertmanagerClient,
  AlertmanagerSilence,
  LabelMatcher,
} from './AlertmanagerClient';
import { MonitoringEndpoint } from './monitoringSettings';
import { MonitoringEndpoints } from './MonitoringEndpoints';

const INSTALL_ALERTMANAGER =
  "Run Alertmanager for the cluster's Prometheus with the suite's rules (monitoring/rules/cocktail.rules.yml) and give its URL in cocktail.clusters[].alertmanager.url or the cluster Resource's cocktailcloud.io/alertmanager-url annotation.";

/** Whose alerts: a cluster's, a ServiceMap's namespace's, or one server's there. */
export interface AlertScope {
  cluster: string;
  namespace?: string;
  server?: string;
}

class NoAlertmanager extends Error {}

function alertView(alert: AlertmanagerAlert): AlertView {
  return {
    fingerprint: alert.fingerprint,
    name: alert.labels.alertname ?? 'unnamed',
    severity: alert.labels.severity ?? 'none',
    summary: alert.annotations.summary ?? alert.labels.alertname ?? '',
    ...(alert.annotations.description && {
      description: alert.annotations.description,
    }),
    startsAt: alert.startsAt,
    state: alert.status.state === 'suppressed' ? 'silenced' : 'firing',
    silencedBy: alert.status.silencedBy ?? [],
    labels: alert.labels,
  };
}

function silenceView(silence: AlertmanagerSilence): SilenceView {
  return {
    id: silence.id,
    matchers: silence.matchers.map(({ name, value }) => ({ name, value })),
    startsAt: silence.startsAt,
    endsAt: silence.endsAt,
    createdBy: silence.createdBy,
    comment: silence.comment,
    state: silence.status.state,
  };
}

const SEVERITY_ORDER = ['critical', 'warning', 'info'];

/**
 * Alerts and silences of servers, ServiceMaps, Services and clusters, from each cluster's
 * Alertmanager, selected by the labels the suite's rules put on alerts (the cluster's labels,
 * `namespace`, `server`). A silence made here matches exactly its entity's labels, and only
 * silences within the entity's labels can be expired through it.
 */
export class AlertService {
  constructor(
    private readonly options: {
      endpoints: MonitoringEndpoints;
      client: AlertmanagerClient;
    },
  ) {}

  async list(scopes: AlertScope[]): Promise<AlertsResponse> {
    try {
      const answers = await Promise.all(
        scopes.map(async scope => {
          const { endpoint, matchers } = await this.locate(scope);
          const [alerts, silences] = await Promise.all([
            this.options.client.alerts(endpoint, matchers),
            this.options.client.silences(endpoint, matchers),
          ]);
          return { alerts, silences };
        }),
      );
      const alerts = answers
        .flatMap(answer => answer.alerts)
        .map(alertView)
        .sort(
          (a, b) =>
            rank(a.severity) - rank(b.severity) ||
            a.startsAt.localeCompare(b.startsAt),
        );
      const silences = answers
        .flatMap(answer => answer.silences)
        .filter(silence => silence.status.state !== 'expired')
        .map(silenceView)
        .sort((a, b) => a.endsAt.localeCompare(b.endsAt));
      return { available: true, alerts, silences };
    } catch (error) {
      if (error instanceof NoAlertmanager) {
        return {
          available: false,
          reason: error.message,
          install: INSTALL_ALERTMANAGER,
        };
      }
      throw error;
    }
  }

  /** Silences the scope's alerts (or one rule's) from now for `durationMinutes`. */
  async silence(
    scope: AlertScope,
    request: SilenceRequest,
    createdBy: string,
  ): Promise<SilenceView> {
    const { endpoint, matchers } = await this.locateOrThrow(scope);
    const startsAt = new Date();
    const endsAt = new Date(
      startsAt.getTime() + request.durationMinutes * 60_000,
    );
    const silence = {
      matchers: [
        ...matchers,
        ...(request.alertname
          ? [{ name: 'alertname', value: request.alertname }]
          : []),
      ].map(m => ({ ...m, isRegex: false, isEqual: true })),
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      createdBy,
      comment: request.comment,
    };
    const id = await this.options.client.createSilence(endpoint, silence);
    return silenceView({ ...silence, id, status: { state: 'active' } });
  }

  /**
   * Ends a silence now; refused unless it holds the scope's labels as exact matchers (so it
   * silences nothing outside the scope; more matchers only narrow it).
   */
  async expire(scope: AlertScope, id: string): Promise<SilenceView> {
    const { endpoint, matchers } = await this.locateOrThrow(scope);
    const silence = await this.options.client.silence(endpoint, id);
    const covers = matchers.every(wanted =>
      silence.matchers.some(
        m =>
          m.name === wanted.name &&
          m.value === wanted.value &&
          !m.isRegex &&
          m.isEqual !== false,
      ),
    );
    if (!covers) {
      throw new NotAllowedError(
        `silence ${id} is not one of this entity's: it matches ${silence.matchers
          .map(m => `${m.name}${m.isRegex ? '=~' : '='}"${m.value}"`)
          .join(', ')}`,
      );
    }
    await this.options.client.expireSilence(endpoint, id);
    return silenceView({
      ...silence,
      endsAt: new Date().toISOString(),
      status: { state: 'expired' },
    });
  }

  private async locateOrThrow(scope: AlertScope) {
    try {
      return await this.locate(scope);
    } catch (error) {
      if (error instanceof NoAlertmanager) {
        throw new ConflictError(
          `${error.message}, so there is nothing to silence`,
        );
      }
      throw error;
    }
  }

  private async locate(
    scope: AlertScope,
  ): Promise<{ endpoint: MonitoringEndpoint; matchers: LabelMatcher[] }> {
    const { alertmanager, problems } = await this.options.endpoints.forCluster(
      scope.cluster,
    );
    if (!alertmanager) {
      throw new NoAlertmanager(
        problems.length
          ? `The Alertmanager of cluster ${
              scope.cluster
            } is not used: ${problems.join('; ')}`
          : `No Alertmanager is configured for cluster ${scope.cluster}`,
      );
    }
    const matchers: LabelMatcher[] = [
      ...Object.entries(alertmanager.labels).map(([name, value]) => ({
        name,
        value,
      })),
      ...(scope.namespace
        ? [{ name: 'namespace', value: scope.namespace }]
        : []),
      ...(scope.server ? [{ name: 'server', value: scope.server }] : []),
    ];
    return { endpoint: alertmanager, matchers };
  }
}

function rank(severity: string) {
  const index = SEVERITY_ORDER.indexOf(severity);
  return index < 0 ? SEVERITY_ORDER.length : index;
}
