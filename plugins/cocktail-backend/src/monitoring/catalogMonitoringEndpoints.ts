import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import { ClusterMonitoring, MonitoringEndpoint } from './monitoringSettings';

export const ANNOTATION_PROMETHEUS_URL = 'cocktailcloud.io/prometheus-url';
export const ANNOTATION_ALERTMANAGER_URL = 'cocktailcloud.io/alertmanager-url';
export const ANNOTATION_OPENCOST_URL = 'cocktailcloud.io/opencost-url';
/** `cluster=dev,region=seoul`: matchers for a Prometheus and Alertmanager shared by clusters. */
export const ANNOTATION_MONITORING_LABELS =
  'cocktailcloud.io/monitoring-labels';

const LABEL_PAIR = /^([a-zA-Z_][a-zA-Z0-9_]*)=(.*)$/;

/** Whether a URL's host (or host:port) is one that config lets catalog entities name. */
export type CatalogHostCheck = (url: URL) => boolean;

/**
 * The monitoring endpoints a cluster's Resource names in its annotations (never with
 * credentials: those only come from app-config), or the problems that keep them from use.
 */
export function readCatalogMonitoring(
  entity: Entity,
  hostAllowed: CatalogHostCheck,
): { monitoring: ClusterMonitoring; problems: string[] } {
  const annotations = entity.metadata.annotations ?? {};
  const ref = stringifyEntityRef(entity);
  const problems: string[] = [];
  const labels: Record<string, string> = {};
  const labelText = annotations[ANNOTATION_MONITORING_LABELS];
  for (const pair of labelText ? labelText.split(',') : []) {
    const match = LABEL_PAIR.exec(pair.trim());
    if (match) {
      labels[match[1]] = match[2].trim();
    } else {
      problems.push(
        `${ref} annotation ${ANNOTATION_MONITORING_LABELS}: expected name=value pairs separated by commas, got "${pair.trim()}"`,
      );
    }
  }
  const endpoint = (annotation: string): MonitoringEndpoint | undefined => {
    const value = annotations[annotation];
    if (value === undefined) {
      return undefined;
    }
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      problems.push(
        `${ref} annotation ${annotation}: expected an http(s) URL, got "${value}"`,
      );
      return undefined;
    }
    if (!['http:', 'https:'].includes(url.protocol)) {
      problems.push(
        `${ref} annotation ${annotation}: expected an http(s) URL, got "${value}"`,
      );
      return undefined;
    }
    if (!hostAllowed(url)) {
      problems.push(
        `${ref} annotation ${annotation}: ${url.host} is not in cocktail.monitoring.allowedCatalogHosts, so the backend does not call it`,
      );
      return undefined;
    }
    return {
      url: url.toString().replace(/\/$/, ''),
      headers: {},
      labels,
      source: `${ref} annotation ${annotation}`,
    };
  };
  const prometheus = endpoint(ANNOTATION_PROMETHEUS_URL);
  const alertmanager = endpoint(ANNOTATION_ALERTMANAGER_URL);
  const opencost = endpoint(ANNOTATION_OPENCOST_URL);
  return {
    monitoring: {
      ...(prometheus && { prometheus }),
      ...(alertmanager && { alertmanager }),
      ...(opencost && { opencost }),
    },
    problems,
  };
}
