import { ServiceUnavailableError } from '@backstage/errors';
import { fetchFailure } from './fetchFailure';
import { MonitoringEndpoint } from './monitoringSettings';

/** One namespace's allocation as OpenCost's `/allocation` API totals it over a window. */
export interface OpenCostAllocation {
  namespace: string;
  cpuCoreHours: number;
  ramByteHours: number;
  gpuHours: number;
  pvByteHours: number;
  cpuCost: number;
  ramCost: number;
  gpuCost: number;
  pvCost: number;
  totalCost: number;
}

const number = (value: unknown) =>
  typeof value === 'number' && Number.isFinite(value) ? value : 0;

/** OpenCost's allocation API (`GET /allocation?window=…&aggregate=namespace&accumulate=true`). */
export class OpenCostClient {
  constructor(private readonly options: { timeoutMs: number }) {}

  async namespaceAllocations(
    endpoint: MonitoringEndpoint,
    window: string,
  ): Promise<OpenCostAllocation[]> {
    const url = `${endpoint.url}/allocation`;
    const query = new URLSearchParams({
      window,
      aggregate: 'namespace',
      accumulate: 'true',
    });
    let response: Response;
    try {
      response = await fetch(`${url}?${query}`, {
        headers: endpoint.headers,
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
    } catch (error) {
      throw new ServiceUnavailableError(
        `OpenCost at ${url} is unreachable: ${fetchFailure(
          error,
          this.options.timeoutMs,
        )}`,
      );
    }
    const text = await response.text();
    let payload: any;
    try {
      payload = JSON.parse(text);
    } catch {
      payload = undefined;
    }
    if (!response.ok || payload?.code !== 200 || !Array.isArray(payload.data)) {
      throw new ServiceUnavailableError(
        `OpenCost at ${url} answered ${response.status}: ${
          payload?.message ?? text.slice(0, 200)
        }`,
      );
    }
    const sets: Record<string, any> = payload.data[0] ?? {};
    return Object.entries(sets)
      .filter(([name]) => !name.startsWith('__'))
      .map(([name, allocation]) => ({
        namespace: allocation?.name ?? name,
        cpuCoreHours: number(allocation?.cpuCoreHours),
        ramByteHours: number(allocation?.ramByteHours),
        gpuHours: number(allocation?.gpuHours),
        pvByteHours: number(allocation?.pvByteHours),
        cpuCost: number(allocation?.cpuCost),
        ramCost: number(allocation?.ramCost),
        gpuCost: number(allocation?.gpuCost),
        pvCost: number(allocation?.pvCost),
        totalCost: number(allocation?.totalCost),
      }));
  }
}
