import { parseQuantity } from '@cocktailcloud/plugin-cocktail-common';
import { formatBytes, formatCores } from './formatting';

/** The quota resources the suite assigns, with the ResourceQuota keys that hold them. */
export const QUOTA_RESOURCES = [
  {
    key: 'cpu',
    label: 'CPU',
    quotaKeys: ['requests.cpu', 'cpu'],
    format: formatCores,
  },
  {
    key: 'memory',
    label: 'Memory',
    quotaKeys: ['requests.memory', 'memory'],
    format: formatBytes,
  },
  {
    key: 'gpu',
    label: 'GPU',
    quotaKeys: ['requests.nvidia.com/gpu'],
    format: formatCores,
  },
  {
    key: 'storage',
    label: 'Storage',
    quotaKeys: ['requests.storage'],
    format: formatBytes,
  },
  {
    key: 'pods',
    label: 'Pods',
    quotaKeys: ['pods'],
    format: (n: number) => `${n}`,
  },
] as const;

export type QuotaResourceKey = (typeof QUOTA_RESOURCES)[number]['key'];

/** A quantity as a number (cores, bytes, count), or undefined when absent or unreadable. */
export function quantityValue(
  value: string | number | undefined,
): number | undefined {
  return value === undefined ? undefined : parseQuantity(value);
}

/** The first of `keys` present in a ResourceQuota's totals, as a number. */
export function quotaValue(
  totals: Record<string, string>,
  keys: readonly string[],
): number | undefined {
  const key = keys.find(k => totals[k] !== undefined);
  return key === undefined ? undefined : quantityValue(totals[key]);
}
