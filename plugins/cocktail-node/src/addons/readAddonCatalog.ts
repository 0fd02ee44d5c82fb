import { Config, ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ConfigEntryReader } from '../clusters/ConfigEntryReader';
import { BUILT_IN_ADDONS } from './builtInAddons';
import { AddonCatalog, AddonCategory, AddonDefinition } from './types';

/**
 * Where app-config configures the add-ons.
 *
 * @public
 */
export const ADDONS_CONFIG_KEY = 'cocktail.clusterApi.addons';

const CATEGORIES: AddonCategory[] = [
  'cni',
  'metrics',
  'ingress',
  'security',
  'gpu',
  'monitoring',
  'backup',
  'other',
];
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function readAddon(
  entry: Config,
  key: string,
  problems: string[],
): AddonDefinition | undefined {
  const reader = new ConfigEntryReader(entry, key, problems);
  const required = (field: string) => {
    const value = reader.string(field);
    if (value === undefined && !reader.has(field)) {
      reader.problem(field, 'is required');
    }
    return value;
  };
  const name = required('name');
  if (name !== undefined && !DNS_LABEL.test(name)) {
    reader.problem(
      'name',
      `expected a DNS-1123 label such as calico, got "${name}"`,
    );
  }
  const category = (reader.string('category') ?? 'other') as AddonCategory;
  if (!CATEGORIES.includes(category)) {
    reader.problem(
      'category',
      `expected one of ${CATEGORIES.join(', ')}, got "${category}"`,
    );
  }
  const repoURL = required('repoURL');
  if (repoURL !== undefined && !/^(https?|oci):\/\//.test(repoURL)) {
    reader.problem(
      'repoURL',
      `expected an https://, http:// or oci:// chart repository, got "${repoURL}"`,
    );
  }
  const addon = {
    name: name!,
    title: reader.string('title') ?? name!,
    description: reader.string('description') ?? '',
    category,
    repoURL: repoURL!,
    chartName: required('chartName')!,
    version: required('version')!,
    namespace: required('namespace')!,
    releaseName: reader.string('releaseName'),
    valuesTemplate: reader.string('values'),
  };
  return reader.hasProblems() ? undefined : addon;
}

/**
 * Reads `cocktail.clusterApi.addons`: `catalog` entries are added to the built-in add-ons (an
 * entry with a built-in's name replaces it), `defaults` names what every new cluster gets and
 * `defaultCni` the CNI a kubeadm cluster gets. Every mistake is reported at once, with its key.
 *
 * @public
 */
export function readAddonCatalog(config: Config): AddonCatalog {
  const problems: string[] = [];
  const byName = new Map(BUILT_IN_ADDONS.map(addon => [addon.name, addon]));
  const entries =
    config.getOptionalConfigArray(`${ADDONS_CONFIG_KEY}.catalog`) ?? [];
  entries.forEach((entry, index) => {
    const addon = readAddon(
      entry,
      `${ADDONS_CONFIG_KEY}.catalog[${index}]`,
      problems,
    );
    if (addon) {
      byName.set(addon.name, addon);
    }
  });
  const settings = new ConfigEntryReader(
    config.getOptionalConfig(ADDONS_CONFIG_KEY) ?? new ConfigReader({}),
    ADDONS_CONFIG_KEY,
    problems,
  );
  const defaults = settings.stringList('defaults') ?? ['metrics-server'];
  defaults.forEach((name, index) => {
    if (!byName.has(name)) {
      settings.problem(
        `defaults[${index}]`,
        `names no add-on of the catalog; it has ${[...byName.keys()].join(
          ', ',
        )}`,
      );
    }
  });
  const defaultCni = settings.string('defaultCni') ?? 'calico';
  if (byName.get(defaultCni)?.category !== 'cni') {
    settings.problem(
      'defaultCni',
      `expected an add-on of category cni (${[...byName.values()]
        .filter(addon => addon.category === 'cni')
        .map(addon => addon.name)
        .join(', ')}), got "${defaultCni}"`,
    );
  }
  if (problems.length) {
    throw new InputError(problems.join('\n'));
  }
  return { addons: [...byName.values()], defaults, defaultCni };
}

/**
 * The add-ons a new cluster gets: the catalog's defaults, plus its default CNI for a kubeadm
 * control plane when the defaults name no CNI (managed control planes bring their own network,
 * RKE2 and k3s theirs).
 *
 * @public
 */
export function defaultAddonsFor(
  catalog: AddonCatalog,
  request: { controlPlane?: { provider?: string }; provider?: string },
): AddonDefinition[] {
  const byName = new Map(catalog.addons.map(addon => [addon.name, addon]));
  const chosen = catalog.defaults.map(name => byName.get(name)!);
  const kubeadm =
    !['eks', 'aks', 'gke'].includes(request.provider ?? '') &&
    (request.controlPlane?.provider ?? 'kubeadm') === 'kubeadm';
  if (kubeadm && !chosen.some(addon => addon.category === 'cni')) {
    chosen.unshift(byName.get(catalog.defaultCni)!);
  }
  return chosen;
}
