import { createHash } from 'node:crypto';
import { KubeObject } from './types';

const MILLI = /^(\d+(?:\.\d+)?)m$/;
const BINARY: Record<string, number> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

export function cpuMillicores(quantity: unknown): number {
  if (typeof quantity === 'number') {
    return quantity * 1000;
  }
  const text = String(quantity ?? '');
  const milli = MILLI.exec(text);
  return milli ? Number(milli[1]) : Number(text) * 1000 || 0;
}

export function memoryBytes(quantity: unknown): number {
  const text = String(quantity ?? '');
  const match = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$/.exec(text);
  if (!match) {
    return 0;
  }
  const unit = match[2] ?? '';
  const factor =
    BINARY[unit] ??
    ({ k: 1e3, M: 1e6, G: 1e9, T: 1e12 } as Record<string, number>)[unit] ??
    1;
  return Number(match[1]) * factor;
}

const WAVE_PERIOD_MS = 60 * 60 * 1000;

/**
 * A load between 20 % and 90 % of the request, chosen by the pod's name so every read agrees,
 * with a gentle hourly wave (±10 %) so charts over time have a shape; `loadFactor` (per cluster
 * or per workload, see SimulatedLoad) scales it. CPU use stops at the limit, as the CFS quota
 * throttles a container there.
 */
export function containerUsage(
  pod: KubeObject,
  container: any,
  loadFactor: number,
  at: number = Date.now(),
) {
  const digest = createHash('sha1')
    .update(`${pod.metadata.name}/${container.name}`)
    .digest();
  const share = 0.2 + (digest[0] / 255) * 0.7;
  const phase = (digest[1] / 255) * 2 * Math.PI;
  const wave = 1 + 0.1 * Math.sin((2 * Math.PI * at) / WAVE_PERIOD_MS + phase);
  const cpuRequest = cpuMillicores(
    container.resources?.requests?.cpu ?? '100m',
  );
  const cpuLimit = container.resources?.limits?.cpu
    ? cpuMillicores(container.resources.limits.cpu)
    : Infinity;
  const memoryRequest = memoryBytes(
    container.resources?.requests?.memory ?? '128Mi',
  );
  return {
    cpuMillicores: Math.round(
      Math.min(cpuRequest * share * loadFactor * wave, cpuLimit),
    ),
    memoryBytes: Math.round(memoryRequest * share),
  };
}
