import { ConfigReader } from '@backstage/config';
import {
  addonClusterLabel,
  readAddonCatalog,
  renderAddonChartProxy,
} from '@cocktailcloud/plugin-cocktail-node';
import fs from 'node:fs';
import { parse } from 'yaml';
import { formatManifests, ManifestFormat } from '../cluster/formatManifests';

export interface ClusterAddonRenderOptions {
  addon: string;
  cluster: string;
  namespace?: string;
  config?: string;
  output: ManifestFormat;
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** The add-on catalog: the built-ins, with `cocktail.clusterApi.addons` of an app-config file when one is given. */
function catalogFrom(configPath: string | undefined) {
  const data = configPath ? parse(fs.readFileSync(configPath, 'utf8')) : {};
  return readAddonCatalog(new ConfigReader(data ?? {}, configPath));
}

/**
 * `cocktail cluster addon render`: prints the HelmChartProxy that installs an add-on of the
 * catalog, and the label that selects the cluster for it; 1 with the problem when the add-on,
 * the cluster name or the config is wrong.
 */
export function clusterAddonRenderCommand(
  options: ClusterAddonRenderOptions,
  write: (text: string) => void,
  writeError: (text: string) => void,
): number {
  let catalog;
  try {
    catalog = catalogFrom(options.config);
  } catch (error) {
    writeError(`--config: ${(error as Error).message}`);
    return 1;
  }
  const problems: string[] = [];
  const addon = catalog.addons.find(a => a.name === options.addon);
  if (!addon) {
    problems.push(
      `--addon: no add-on "${
        options.addon
      }" in the catalog; it has ${catalog.addons.map(a => a.name).join(', ')}`,
    );
  }
  if (!DNS_LABEL.test(options.cluster)) {
    problems.push(
      `--cluster: expected a cluster name (DNS-1123 label), got "${options.cluster}"`,
    );
  }
  const namespace = options.namespace ?? 'default';
  if (!DNS_LABEL.test(namespace)) {
    problems.push(
      `--namespace: expected a namespace name (DNS-1123 label), got "${namespace}"`,
    );
  }
  if (problems.length || !addon) {
    writeError(problems.join('\n'));
    return 1;
  }
  const label = addonClusterLabel(options.cluster);
  const howTo = `kubectl label cluster ${options.cluster} -n ${namespace} ${label.key}=${label.value}`;
  const manifests = formatManifests(
    [renderAddonChartProxy(addon, { name: options.cluster, namespace })],
    options.output,
  );
  if (options.output === 'json') {
    write(manifests);
    writeError(`# then select the cluster: ${howTo}`);
  } else {
    write(
      `# ${addon.title} ${addon.version} for Cluster ${namespace}/${options.cluster}: apply this HelmChartProxy on the management cluster, then select the cluster:\n#   ${howTo}\n${manifests}`,
    );
  }
  return 0;
}
