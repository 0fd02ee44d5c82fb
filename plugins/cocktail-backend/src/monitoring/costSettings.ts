import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { CostPrices } from '@cocktailcloud/plugin-cocktail-common';

/**
 * OpenCost's default on-demand prices (USD): a vCPU hour, a GiB of memory for an hour, a GPU
 * hour, a GiB of storage for a month. Replace them with your provider's or your contract's.
 */
export const DEFAULT_PRICES: CostPrices = {
  cpuCoreHour: 0.031611,
  memoryGiBHour: 0.004237,
  gpuHour: 0.95,
  storageGiBMonth: 0.04,
};

const PRICE_KEYS = Object.keys(DEFAULT_PRICES) as Array<keyof CostPrices>;

export interface CostSettings {
  currency: string;
  /** How finely usage is summed over the period; 300 (5 minutes) unless configured. */
  resolutionSeconds: number;
  prices: CostPrices;
  /** Prices of one cluster that differ from `prices`. */
  clusterPrices: Map<string, Partial<CostPrices>>;
}

function readPrices(
  block: Config | undefined,
  key: string,
  problems: string[],
): Partial<CostPrices> {
  const prices: Partial<CostPrices> = {};
  for (const name of block?.keys() ?? []) {
    if (!PRICE_KEYS.includes(name as keyof CostPrices)) {
      problems.push(
        `${key}.${name}: not a price; expected one of ${PRICE_KEYS.join(', ')}`,
      );
      continue;
    }
    const value = block!.getOptional(name);
    const number = typeof value === 'string' ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isFinite(number) || number < 0) {
      problems.push(
        `${key}.${name}: expected a price of at least 0, got ${JSON.stringify(
          value,
        )}`,
      );
      continue;
    }
    prices[name as keyof CostPrices] = number;
  }
  return prices;
}

/** Reads `cocktail.cost`, throwing one InputError that names every wrong key. */
export function readCostSettings(config: Config): CostSettings {
  const problems: string[] = [];
  const currency = config.getOptional('cocktail.cost.currency') ?? 'USD';
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    problems.push(
      `cocktail.cost.currency: expected an ISO 4217 code such as USD or KRW, got ${JSON.stringify(
        currency,
      )}`,
    );
  }
  const prices = {
    ...DEFAULT_PRICES,
    ...readPrices(
      config.getOptionalConfig('cocktail.cost.prices'),
      'cocktail.cost.prices',
      problems,
    ),
  };
  const clusterPrices = new Map<string, Partial<CostPrices>>();
  const perCluster = config.getOptionalConfig('cocktail.cost.clusterPrices');
  for (const cluster of perCluster?.keys() ?? []) {
    clusterPrices.set(
      cluster,
      readPrices(
        perCluster!.getOptionalConfig(cluster),
        `cocktail.cost.clusterPrices.${cluster}`,
        problems,
      ),
    );
  }
  const resolution =
    config.getOptional('cocktail.cost.resolutionSeconds') ?? 300;
  if (
    typeof resolution !== 'number' ||
    !Number.isInteger(resolution) ||
    resolution < 15 ||
    resolution > 3600
  ) {
    problems.push(
      `cocktail.cost.resolutionSeconds: expected whole seconds from 15 to 3600, got ${JSON.stringify(
        resolution,
      )}`,
    );
  }
  if (problems.length) {
    throw new InputError(problems.join('\n'));
  }
  return {
    currency: currency as string,
    resolutionSeconds: resolution as number,
    prices,
    clusterPrices,
  };
}

/** A cluster's prices: its overrides over the defaults. */
export function pricesOf(settings: CostSettings, cluster: string): CostPrices {
  return { ...settings.prices, ...settings.clusterPrices.get(cluster) };
}
