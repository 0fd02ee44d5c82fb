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
    const data = await this.post(endpoint, 'query_range', {
      query,
      start: String(window.start),
      end: String(window.end),
      step: String(window.step),
    });
    if (data.resultType !== 'matrix') {
      throw new ServiceUnavailableError(
        `Prometheus at ${endpoint.url}/api/v1/query_range answered a ${data.resultType} where a range query gives a matrix`,
      );
    }
    return (data.result as any[]).map(series => ({
      metric: series.metric ?? {},
      points: (series.values as Array<[number, string]>).map(
        ([time, value]) => [time, Number(value)] as [number, number],
      ),
    }));
  }

  /** An instant query at `time` (unix seconds): each series' labels and value. */
  async queryInstant(
    endpoint: MonitoringEndpoint,
    query: string,
    time: number,
  ): Promise<Array<{ metric: Record<string, string>; value: number }>> {
    const data = await this.post(endpoint, 'query', {
      query,
      time: String(time),
    });
    if (data.resultType !== 'vector') {
      throw new ServiceUnavailableError(
        `Prometheus at ${endpoint.url}/api/v1/query answered a ${data.resultType} where a vector was expected`,
      );
    }
    return (data.result as any[]).map(sample => ({
      metric: sample.metric ?? {},
      value: Number(sample.value[1]),
    }));
  }

  private async post(
    endpoint: MonitoringEndpoint,
    api: 'query' | 'query_range',
    params: Record<string, string>,
  ): Promise<{ resultType: string; result: unknown[] }> {
    const url = `${endpoint.url}/api/v1/${api}`;
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: {
          ...endpoint.headers,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: new URLSearchParams(params),
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
    return payload.data;
  }
}
