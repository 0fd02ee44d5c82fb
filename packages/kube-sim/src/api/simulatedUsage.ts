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

/**
 * A steady load between 20 % and 90 % of the request, chosen by the pod's name so every read
 * agrees; `loadFactor` (per cluster, settable for HPA tests) scales it.
 */
export function containerUsage(
  pod: KubeObject,
  container: any,
  loadFactor: number,
) {
  const digest = createHash('sha1')
    .update(`${pod.metadata.name}/${container.name}`)
    .digest();
  const share = 0.2 + (digest[0] / 255) * 0.7;
  const cpuRequest = cpuMillicores(
    container.resources?.requests?.cpu ?? '100m',
  );
  const memoryRequest = memoryBytes(
    container.resources?.requests?.memory ?? '128Mi',
  );
  return {
    cpuMillicores: Math.round(cpuRequest * share * loadFactor),
    memoryBytes: Math.round(memoryRequest * share),
  };
}
