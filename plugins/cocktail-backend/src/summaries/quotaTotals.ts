import {
  CocktailQuota,
  parseQuantity,
  QuotaTotals,
} from '@cocktailcloud/plugin-cocktail-common';

/** The ResourceQuota resources each total is read from, first match wins. */
const USED_RESOURCES: Record<keyof QuotaTotals, string[]> = {
  cpu: ['requests.cpu', 'cpu'],
  memory: ['requests.memory', 'memory'],
  gpu: ['requests.nvidia.com/gpu'],
  storage: ['requests.storage'],
  pods: ['pods'],
};

function amount(value: string | number | undefined): number {
  return value === undefined ? 0 : parseQuantity(value) ?? 0;
}

export function emptyQuotaTotals(): QuotaTotals {
  return { cpu: 0, memory: 0, gpu: 0, storage: 0, pods: 0 };
}

/** A catalog quota as numbers: cpu in cores, memory and storage in bytes. */
export function totalsOfQuota(quota: CocktailQuota | undefined): QuotaTotals {
  return {
    cpu: amount(quota?.cpu),
    memory: amount(quota?.memory),
    gpu: amount(quota?.gpu),
    storage: amount(quota?.storage),
    pods: amount(quota?.pods),
  };
}

/** What a ResourceQuota's `status.used` says is used, as numbers in the same units. */
export function totalsOfUsed(used: Record<string, string>): QuotaTotals {
  const totals = emptyQuotaTotals();
  for (const [total, resources] of Object.entries(USED_RESOURCES)) {
    const resource = resources.find(r => used[r] !== undefined);
    totals[total as keyof QuotaTotals] = amount(
      resource ? used[resource] : undefined,
    );
  }
  return totals;
}

export function addQuotaTotals(...all: QuotaTotals[]): QuotaTotals {
  const sum = emptyQuotaTotals();
  for (const totals of all) {
    for (const key of Object.keys(sum) as Array<keyof QuotaTotals>) {
      sum[key] += totals[key];
    }
  }
  return sum;
}
