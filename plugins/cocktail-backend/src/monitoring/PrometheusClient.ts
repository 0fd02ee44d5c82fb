import { ServiceUnavailableError } from '@backstage/errors';
import { fetchFailure } from './fetchFailure';
import { MonitoringEndpoint } from './monitoringSettings';

/** One series of a range query: its labels and `[unix seconds, value]` points. */
export interface RangeSeries {
  metric: Record<string, string>;
  points: Array<[number, number]>;
}

/**
 * Runs range queries against a Prometheus HTTP API (`/api/v1/query_range`). A Prometheus that
 * does not answer, or refuses a query, is a ServiceUnavailableError (503) naming the URL and
 * Prometheus' own error, never the endpoint's credentials.
 */
export class PrometheusClient {
  constructor(private readonly options: { timeoutMs: number }) {}

  async queryRange(
    endpoint: MonitoringEndpoint,
    query: string,
    window: { start: number; end: number; step: number },
  ): Promise<RangeSeries[]> {
    const body = new URLSearchParams({
      query,
      start: String(window.start),
      end: String(window.end),
      step: String(window.step),
    });
    const url = `${endpoint.url}/api/v1/query_range`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          ...endpoint.headers,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      const reason = fetchFailure(error, this.options.timeoutMs);
      throw new ServiceUnavailableError(
        `Prometheus at ${url} is unreachable: ${reason}`,
      );
    }
    const text = await response.text();
    let payload: any;
    try {
      payload = JSON.parse(text);
    } catch {
      throw new ServiceUnavailableError(
        `Prometheus at ${url} answered ${
          response.status
        } with something other than JSON: ${text.slice(0, 120)}`,
      );
    }
    if (payload.status !== 'success') {
      throw new ServiceUnavailableError(
        `Prometheus at ${url} answered ${response.status}: ${
          payload.errorType ?? 'error'
        }: ${payload.error ?? 'no reason given'}`,
      );
    }
    if (payload.data?.resultType !== 'matrix') {
      throw new ServiceUnavailableError(
        `Prometheus at ${url} answered a ${payload.data?.resultType} where a range query gives a matrix`,
      );
    }
    return (payload.data.result as any[]).map(series => ({
      metric: series.metric ?? {},
      points: (series.values as Array<[number, string]>).map(
        ([time, value]) => [time, Number(value)] as [number, number],
      ),
    }));
  }
}
