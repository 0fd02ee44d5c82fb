import { Manifest } from '../rendering/types';
import { AddonDefinition } from './types';

/**
 * CAAPH's API version of HelmChartProxy and HelmReleaseProxy.
 *
 * @public
 */
export const ADDONS_API_VERSION = 'addons.cluster.x-k8s.io/v1alpha1';

/**
 * The label prefix on a Cluster that selects it for an add-on: `addons.cocktailcloud.io/<name>: <version>`.
 *
 * @public
 */
export const ADDON_LABEL_PREFIX = 'addons.cocktailcloud.io/';

/**
 * The label CAAPH puts on a HelmReleaseProxy naming its HelmChartProxy.
 *
 * @public
 */
export const CHART_PROXY_NAME_LABEL =
  'helmreleaseproxy.addons.cluster.x-k8s.io/helmchartproxy-name';

/** A chart version as a label value: at most 63 characters of `[A-Za-z0-9._-]`, starting and ending alphanumeric. */
export function versionLabelValue(version: string): string {
  return version
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .slice(0, 63)
    .replace(/^[^A-Za-z0-9]+|[^A-Za-z0-9]+$/g, '');
}

/**
 * The Cluster label that selects a cluster for this add-on at its pinned version.
 *
 * @public
 */
export function addonClusterLabel(addon: AddonDefinition): {
  key: string;
  value: string;
} {
  return {
    key: `${ADDON_LABEL_PREFIX}${addon.name}`,
    value: versionLabelValue(addon.version),
  };
}

/**
 * `cocktail-calico-v3.29.1`: one HelmChartProxy per add-on version, shared by the clusters that run it.
 *
 * @public
 */
export function chartProxyName(addon: AddonDefinition): string {
  const version = versionLabelValue(addon.version)
    .toLowerCase()
    .replace(/[._]/g, '-');
  return `cocktail-${addon.name}-${version}`.slice(0, 63).replace(/-+$/, '');
}

/**
 * The HelmChartProxy that installs an add-on at its pinned version on every Cluster of the
 * namespace labelled `addons.cocktailcloud.io/<name>: <version>`. Installing on a cluster is
 * labelling it; upgrading is moving the label to the new version's proxy; removing is taking the
 * label away, after which CAAPH uninstalls the release.
 *
 * @public
 */
export function renderAddonChartProxy(
  addon: AddonDefinition,
  clusterNamespace: string,
): Manifest {
  const label = addonClusterLabel(addon);
  return {
    apiVersion: ADDONS_API_VERSION,
    kind: 'HelmChartProxy',
    metadata: {
      name: chartProxyName(addon),
      namespace: clusterNamespace,
      labels: {
        'app.kubernetes.io/managed-by': 'cocktail',
        'cocktailcloud.io/addon': addon.name,
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
