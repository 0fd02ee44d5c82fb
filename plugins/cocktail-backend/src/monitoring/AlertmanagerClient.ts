import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { fetchFailure } from './fetchFailure';
import { MonitoringEndpoint } from './monitoringSettings';

/** An equality matcher of Alertmanager's API v2. */
export interface LabelMatcher {
  name: string;
  value: string;
}

/** An alert as Alertmanager's `GET /api/v2/alerts` gives it. */
export interface AlertmanagerAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL?: string;
  status: {
    state: 'active' | 'suppressed' | 'unprocessed';
    silencedBy: string[];
  };
}

/** A silence as Alertmanager's `GET /api/v2/silences` gives it. */
export interface AlertmanagerSilence {
  id: string;
  matchers: Array<LabelMatcher & { isRegex: boolean; isEqual?: boolean }>;
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
  status: { state: 'active' | 'pending' | 'expired' };
}

const filterParams = (matchers: LabelMatcher[]) =>
  matchers
    .map(
      m =>
        `filter=${encodeURIComponent(
          `${m.name}="${m.value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`,
        )}`,
    )
    .join('&');

/**
 * Alertmanager's API v2: alerts and silences filtered by label, silences made and expired. Its
 * errors are ServiceUnavailableErrors naming the URL and Alertmanager's reason, never the
 * endpoint's credentials.
 */
export class AlertmanagerClient {
  constructor(private readonly options: { timeoutMs: number }) {}

  async alerts(
    endpoint: MonitoringEndpoint,
    matchers: LabelMatcher[],
  ): Promise<AlertmanagerAlert[]> {
    return this.request(
      endpoint,
      'GET',
      `/api/v2/alerts?active=true&silenced=true&inhibited=true&${filterParams(
        matchers,
      )}`,
    );
  }

  async silences(
    endpoint: MonitoringEndpoint,
    matchers: LabelMatcher[],
  ): Promise<AlertmanagerSilence[]> {
    return this.request(
      endpoint,
      'GET',
      `/api/v2/silences?${filterParams(matchers)}`,
    );
  }

  async silence(
    endpoint: MonitoringEndpoint,
    id: string,
  ): Promise<AlertmanagerSilence> {
    return this.request(
      endpoint,
      'GET',
      `/api/v2/silence/${encodeURIComponent(id)}`,
    );
  }

  async createSilence(
    endpoint: MonitoringEndpoint,
    silence: Omit<AlertmanagerSilence, 'id' | 'status'>,
  ): Promise<string> {
    const answer = await this.request<{ silenceID: string }>(
      endpoint,
      'POST',
      '/api/v2/silences',
      silence,
    );
    return answer.silenceID;
  }

  async expireSilence(endpoint: MonitoringEndpoint, id: string): Promise<void> {
    await this.request(
      endpoint,
      'DELETE',
      `/api/v2/silence/${encodeURIComponent(id)}`,
    );
  }

  private async request<T>(
    endpoint: MonitoringEndpoint,
    method: string,
    path: string,
    body?: object,
  ): Promise<T> {
    const url = `${endpoint.url}${path.split('?')[0]}`;
    let response: Response;
    try {
      response = await fetch(`${endpoint.url}${path}`, {
        method,
        headers: {
          ...endpoint.headers,
          ...(body && { 'content-type': 'application/json' }),
        },
        body: body && JSON.stringify(body),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const reason = fetchFailure(error, this.options.timeoutMs);
      throw new ServiceUnavailableError(
        `Alertmanager at ${url} is unreachable: ${reason}`,
      );
    }
    const text = await response.text();
    if (response.status === 404) {
      throw new NotFoundError(
        `Alertmanager at ${url}: ${text.trim() || 'not found'}`,
      );
    }
    if (response.status === 400 || response.status === 422) {
      throw new InputError(`Alertmanager at ${url} refused it: ${text.trim()}`);
    }
    if (!response.ok) {
      throw new ServiceUnavailableError(
        `Alertmanager at ${url} answered ${response.status}: ${text
          .trim()
          .slice(0, 200)}`,
      );
    }
    return (text ? JSON.parse(text) : undefined) as T;
  }
}
