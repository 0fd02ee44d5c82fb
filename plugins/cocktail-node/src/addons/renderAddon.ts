import { createHash } from 'node:crypto';
import { Manifest } from '../rendering/types';
import { AddonDefinition } from './types';

/**
 * CAAPH's API version of HelmChartProxy and HelmReleaseProxy.
 *
 * @public
 */
export const ADDONS_API_VERSION = 'addons.cluster.x-k8s.io/v1alpha1';

/**
 * The label on a Cluster that the suite's HelmChartProxies select it by: its own name.
 *
 * @public
 */
export const CLUSTER_SELECTOR_LABEL = 'cocktailcloud.io/cluster-name';

/**
 * The label on a HelmChartProxy naming the add-on of the catalog it installs.
 *
 * @public
 */
export const ADDON_NAME_LABEL = 'cocktailcloud.io/addon';

/**
 * The label CAAPH puts on a HelmReleaseProxy naming its HelmChartProxy.
 *
 * @public
 */
export const CHART_PROXY_NAME_LABEL =
  'helmreleaseproxy.addons.cluster.x-k8s.io/helmchartproxy-name';

/**
 * The Cluster label that the add-ons of a cluster select it by.
 *
 * @public
 */
export function addonClusterLabel(clusterName: string): {
  key: string;
  value: string;
} {
  return { key: CLUSTER_SELECTOR_LABEL, value: clusterName };
}

/**
 * `demo-calico`: one HelmChartProxy per add-on and cluster, so that each cluster's add-on is
 * upgraded in place (the release keeps its name) and removed on its own.
 *
 * @public
 */
export function chartProxyName(
  addon: Pick<AddonDefinition, 'name'>,
  clusterName: string,
): string {
  const full = `${clusterName}-${addon.name}`;
  if (full.length <= 63) {
    return full;
  }
  // Cut to fit, with a hash of the whole name so two add-ons of one cluster never share it.
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, 54).replace(/-+$/, '')}-${hash}`;
}

/**
 * The HelmChartProxy that installs an add-on at its pinned version on one Cluster, selected by
 * its `cocktailcloud.io/cluster-name` label. Upgrading is changing the version here (CAAPH
 * upgrades the release in place); removing is deleting it (CAAPH uninstalls the release).
 *
 * @public
 */
export function renderAddonChartProxy(
  addon: AddonDefinition,
  cluster: { name: string; namespace: string },
): Manifest {
  const label = addonClusterLabel(cluster.name);
  return {
    apiVersion: ADDONS_API_VERSION,
    kind: 'HelmChartProxy',
    metadata: {
      name: chartProxyName(addon, cluster.name),
      namespace: cluster.namespace,
      labels: {
        'app.kubernetes.io/managed-by': 'cocktail',
        [ADDON_NAME_LABEL]: addon.name,
        [CLUSTER_SELECTOR_LABEL]: cluster.name,
      },
    },
    spec: {
      clusterSelector: { matchLabels: { [label.key]: label.value } },
      repoURL: addon.repoURL,
      chartName: addon.chartName,
      version: addon.version,
      namespace: addon.namespace,
      ...(addon.releaseName && { releaseName: addon.releaseName }),
      ...(addon.valuesTemplate && { valuesTemplate: addon.valuesTemplate }),
      options: {
        waitForJobs: true,
        wait: true,
        timeout: '10m0s',
        install: { createNamespace: true },
      },
    },
  };
}
