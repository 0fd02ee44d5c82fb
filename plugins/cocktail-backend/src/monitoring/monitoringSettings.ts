import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  COCKTAIL_ROLES,
  CocktailRole,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  AlertRecipientRoles,
  DEFAULT_ALERT_RECIPIENTS,
} from './alertRecipients';
import { DEFAULT_SERIES_QUERIES, SeriesQueryName } from './seriesQueries';

/**
 * Where one monitoring service of a cluster answers, with the headers that authenticate to it.
 * `headers` carries credentials: never log it or send it to the browser.
 */
export interface MonitoringEndpoint {
  url: string;
  headers: Record<string, string>;
  /** Matchers added to every query, for a Prometheus that holds several clusters' series. */
  labels: Record<string, string>;
  /** Where the endpoint was configured: a config key or a catalog entity's annotation. */
  source: string;
}

export interface ClusterMonitoring {
  prometheus?: MonitoringEndpoint;
  alertmanager?: MonitoringEndpoint;
  /** OpenCost's API; cost comes from its allocations instead of Prometheus × prices. */
  opencost?: MonitoringEndpoint;
}

export interface MonitoringSettings {
  /** By cluster name, from `cocktail.clusters[].prometheus` and `.alertmanager`. */
  clusters: Map<string, ClusterMonitoring>;
  queries: Record<SeriesQueryName, string>;
  cacheSeconds: number;
  requestTimeoutMs: number;
  /** The hosts (or host:port) that catalog annotations may point the backend at. */
  allowedCatalogHosts: string[];
  /** The bearer secret Alertmanager's webhook sends; the receiver is off without it. */
  webhookSecret?: string;
  /** Which members hear of an alert, by severity. */
  alertRecipients: AlertRecipientRoles;
}

const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

function describe(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}

/** Reads an endpoint block (`url`, `bearerToken` or `username` + `password`, `labels`). */
export function readEndpoint(
  block: Config,
  key: string,
  problems: string[],
): MonitoringEndpoint | undefined {
  const url = block.getOptional('url');
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!parsed || !['http:', 'https:'].includes(parsed.protocol)) {
    problems.push(`${key}.url: expected an http(s) URL, got ${describe(url)}`);
  }
  const headers: Record<string, string> = {};
  const token = block.getOptional('bearerToken');
  const username = block.getOptional('username');
  const password = block.getOptional('password');
  if (token !== undefined && username !== undefined) {
    problems.push(
      `${key}: expected either bearerToken or username and password, got both`,
    );
  } else if (token !== undefined) {
    if (typeof token !== 'string' || !token) {
      problems.push(`${key}.bearerToken: expected a non-empty string`);
    } else {
      headers.authorization = `Bearer ${token}`;
    }
  } else if (username !== undefined || password !== undefined) {
    if (typeof username !== 'string' || !username) {
      problems.push(`${key}.username: expected a non-empty string`);
    } else if (typeof password !== 'string' || !password) {
      problems.push(
        `${key}.password: expected a non-empty string with username`,
      );
    } else {
      headers.authorization = `Basic ${Buffer.from(
        `${username}:${password}`,
      ).toString('base64')}`;
    }
  }
  const labels = readLabels(
    block.getOptional('labels'),
    `${key}.labels`,
    problems,
  );
  if (!parsed || !labels) {
    return undefined;
  }
  return {
    url: parsed.toString().replace(/\/$/, ''),
    headers,
    labels,
    source: key,
  };
}

/** A map of Prometheus label names to values, e.g. `{ cluster: dev }`. */
export function readLabels(
  value: unknown,
  key: string,
  problems: string[],
): Record<string, string> | undefined {
  if (value === undefined) {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(
      `${key}: expected a map of label names to values, got ${describe(value)}`,
    );
    return undefined;
  }
  const labels: Record<string, string> = {};
  for (const [name, labelValue] of Object.entries(value)) {
    if (!LABEL_NAME.test(name)) {
      problems.push(
        `${key}.${name}: expected a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)`,
      );
    } else if (typeof labelValue !== 'string') {
      problems.push(
        `${key}.${name}: expected a string, got ${describe(labelValue)}`,
      );
    } else {
      labels[name] = labelValue;
    }
  }
  return labels;
}

function readPositive(
  config: Config,
  key: string,
  fallback: number,
  problems: string[],
): number {
  const value = config.getOptional(key);
  if (value === undefined) {
    return fallback;
  }
  const number = typeof value === 'string' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number) || number <= 0) {
    problems.push(
      `${key}: expected a number greater than 0, got ${describe(value)}`,
    );
    return fallback;
  }
  return number;
}

function readQueries(config: Config, problems: string[]) {
  const queries = { ...DEFAULT_SERIES_QUERIES };
  const block = config.getOptionalConfig('cocktail.monitoring.queries');
  for (const name of block?.keys() ?? []) {
    const key = `cocktail.monitoring.queries.${name}`;
    if (!(name in DEFAULT_SERIES_QUERIES)) {
      problems.push(
        `${key}: not a query the suite runs; expected one of ${Object.keys(
          DEFAULT_SERIES_QUERIES,
        ).join(', ')}`,
      );
      continue;
    }
    const query = block!.getOptional(name);
    if (typeof query !== 'string' || !query.trim()) {
      problems.push(
        `${key}: expected a PromQL expression, got ${describe(query)}`,
      );
      continue;
    }
    queries[name as SeriesQueryName] = query;
  }
  return queries;
}

/**
 * Reads `cocktail.monitoring` and the `prometheus` and `alertmanager` blocks of
 * `cocktail.clusters[]`, throwing one InputError that names every wrong key.
 */
export function readMonitoringSettings(config: Config): MonitoringSettings {
  const problems: string[] = [];
  const clusters = new Map<string, ClusterMonitoring>();
  (config.getOptionalConfigArray('cocktail.clusters') ?? []).forEach(
    (entry, index) => {
      const name = entry.getOptional('name');
      const monitoring: ClusterMonitoring = {};
      for (const service of [
        'prometheus',
        'alertmanager',
        'opencost',
      ] as const) {
        const block = entry.getOptionalConfig(service);
        if (block) {
          const endpoint = readEndpoint(
            block,
            `cocktail.clusters[${index}].${service}`,
            problems,
          );
          if (endpoint) {
            monitoring[service] = endpoint;
          }
        }
      }
      if (typeof name === 'string' && Object.keys(monitoring).length) {
        clusters.set(name, monitoring);
      }
    },
  );
  const settings: MonitoringSettings = {
    clusters,
    queries: readQueries(config, problems),
    cacheSeconds: readPositive(
      config,
      'cocktail.monitoring.cacheSeconds',
      30,
      problems,
    ),
    requestTimeoutMs: readPositive(
      config,
      'cocktail.monitoring.requestTimeoutMs',
      10_000,
      problems,
    ),
    allowedCatalogHosts: readHostList(config, problems),
    webhookSecret: readWebhookSecret(config, problems),
    alertRecipients: readAlertRecipients(config, problems),
  };
  if (problems.length) {
    throw new InputError(problems.join('\n'));
  }
  return settings;
}

function readHostList(config: Config, problems: string[]): string[] {
  const key = 'cocktail.monitoring.allowedCatalogHosts';
  const value = config.getOptional(key);
  if (value === undefined) {
    return [];
  }
  const list = typeof value === 'string' ? value.split(',') : value;
  if (!Array.isArray(list) || list.some(item => typeof item !== 'string')) {
    problems.push(
      `${key}: expected a list of hosts or host:port, got ${describe(value)}`,
    );
    return [];
  }
  return (list as string[]).map(item => item.trim()).filter(Boolean);
}

function readWebhookSecret(config: Config, problems: string[]) {
  const key = 'cocktail.monitoring.webhookSecret';
  const value = config.getOptional(key);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || value.length < 16) {
    problems.push(`${key}: expected a secret of at least 16 characters`);
    return undefined;
  }
  return value;
}

function readAlertRecipients(
  config: Config,
  problems: string[],
): AlertRecipientRoles {
  const key = 'cocktail.monitoring.alertRecipients';
  const block = config.getOptionalConfig(key);
  const recipients: AlertRecipientRoles = { ...DEFAULT_ALERT_RECIPIENTS };
  for (const severity of block?.keys() ?? []) {
    const value = block!.getOptional(severity);
    if (
      typeof value !== 'string' ||
      ![...COCKTAIL_ROLES, 'nobody'].includes(value)
    ) {
      problems.push(
        `${key}.${severity}: expected the least role that hears of ${severity} alerts (${COCKTAIL_ROLES.join(
          ', ',
        )}) or nobody, got ${describe(value)}`,
      );
      continue;
    }
    recipients[severity] = value as CocktailRole | 'nobody';
  }
  return recipients;
}
