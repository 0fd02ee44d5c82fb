import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ClusterAddonsResponse,
  ClusterAddonView,
  ClusterChangeResult,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  ADDON_NAME_LABEL,
  AddonCatalog,
  AddonDefinition,
  addonClusterLabel,
  chartProxyName,
  CHART_PROXY_NAME_LABEL,
  ClusterPolicy,
  ClusterPolicyPerson,
  defaultAddonsFor,
  renderAddonChartProxy,
} from '@cocktailcloud/plugin-cocktail-node';
import { CLUSTER_KIND, ManagementCluster } from './clusterOperations';
import { checkClusterPolicy } from './clusterPolicyCheck';
import { requestFromCluster } from './clusterRequestAnnotation';

const CHART_PROXY_KIND = 'addons.cluster.x-k8s.io/HelmChartProxy';
const RELEASE_PROXY_KIND = 'addons.cluster.x-k8s.io/HelmReleaseProxy';
const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

type Versions = Record<string, string>;

/** Why add-ons cannot be managed through this management cluster, or undefined when they can. */
export async function addonsUnavailableReason(
  management: ManagementCluster,
): Promise<string | undefined> {
  const { missingKinds } = await management.versions();
  return missingKinds.includes(CHART_PROXY_KIND) ||
    missingKinds.includes(RELEASE_PROXY_KIND)
    ? `management cluster ${management.name} does not serve HelmChartProxy: install Cluster API Add-on Provider Helm there (clusterctl init --addon helm)`
    : undefined;
}

function readyCondition(release: any) {
  return (release?.status?.conditions ?? []).find(
    (c: any) => c.type === 'Ready',
  );
}

/** The HelmChartProxies that install add-ons on this cluster. */
export async function listAddonChartProxies(
  management: ManagementCluster,
  cluster: any,
  versions: Versions,
) {
  return chartProxiesOf(management, cluster, versions);
}

async function chartProxiesOf(
  management: ManagementCluster,
  cluster: any,
  versions: Versions,
) {
  return management.ops.list(
    versions[CHART_PROXY_KIND],
    'HelmChartProxy',
    cluster.metadata.namespace,
    `${addonClusterLabel(cluster.metadata.name).key}=${cluster.metadata.name}`,
  );
}

function addonView(
  addon: AddonDefinition,
  proxy: any,
  release: any,
  isDefault: boolean,
): ClusterAddonView {
  const ready = readyCondition(release);
  const installedVersion = proxy?.spec?.version;
  let status = 'not-installed';
  if (proxy) {
    status =
      release?.status?.status ??
      (ready?.reason === 'WaitingForCluster' ? 'waiting' : 'pending-install');
  }
  return {
    name: addon.name,
    title: addon.title,
    description: addon.description,
    category: addon.category,
    chartName: addon.chartName,
    version: addon.version,
    installedVersion,
    status,
    ready: ready?.status === 'True' && status === 'deployed',
    message: ready?.status === 'True' ? undefined : ready?.message,
    revision: release?.status?.revision,
    upgradeAvailable:
      Boolean(installedVersion) && installedVersion !== addon.version,
    default: isDefault,
  };
}

/** Every add-on of the catalog with its state on the cluster: its HelmChartProxy and CAAPH's release. */
export async function listClusterAddons(
  management: ManagementCluster,
  catalog: AddonCatalog,
  { cluster, versions }: { cluster: any; versions: Versions },
): Promise<ClusterAddonsResponse> {
  const reason = await addonsUnavailableReason(management);
  const defaults = new Set(
    defaultAddonsFor(catalog, requestFromCluster(cluster) ?? {}).map(
      a => a.name,
    ),
  );
  if (reason) {
    return {
      available: false,
      reason,
      addons: catalog.addons.map(addon =>
        addonView(addon, undefined, undefined, defaults.has(addon.name)),
      ),
    };
  }
  const [proxies, releases] = await Promise.all([
    chartProxiesOf(management, cluster, versions),
    management.ops.list(
      versions[RELEASE_PROXY_KIND],
      'HelmReleaseProxy',
      cluster.metadata.namespace,
      `${CLUSTER_NAME_LABEL}=${cluster.metadata.name}`,
    ),
  ]);
  return {
    available: true,
    addons: catalog.addons.map(addon => {
      const proxy = proxies.find(
        p => p.metadata.labels?.[ADDON_NAME_LABEL] === addon.name,
      );
      const release = proxy
        ? releases.find(
            r =>
              r.metadata.labels?.[CHART_PROXY_NAME_LABEL] ===
              proxy.metadata.name,
          )
        : undefined;
      return addonView(addon, proxy, release, defaults.has(addon.name));
    }),
  };
}

/**
 * Installs, upgrades or removes an add-on on a cluster: applies its HelmChartProxy (labelling
 * the Cluster so the proxy selects it), changes its version in place, or deletes it, after which
 * CAAPH uninstalls the release.
 */
export async function changeClusterAddon(
  management: ManagementCluster,
  policy: ClusterPolicy,
  catalog: AddonCatalog,
  { cluster, versions }: { cluster: any; versions: Versions },
  body: {
    addon: string;
    action: 'install' | 'upgrade' | 'remove';
    dryRun: boolean;
  },
  person?: ClusterPolicyPerson,
): Promise<ClusterChangeResult> {
  const unavailable = await addonsUnavailableReason(management);
  if (unavailable) {
    throw new ConflictError(`addon: ${unavailable}`);
  }
  const addon = catalog.addons.find(a => a.name === body.addon);
  if (!addon) {
    throw new NotFoundError(
      `addon: no add-on ${body.addon} in the catalog; it has ${catalog.addons
        .map(a => a.name)
        .join(', ')}`,
    );
  }
  const { namespace, name } = cluster.metadata;
  const proxyName = chartProxyName(addon, name);
  const existing = (await chartProxiesOf(management, cluster, versions)).find(
    p => p.metadata.name === proxyName,
  );
  const installed = existing?.spec?.version as string | undefined;
  if (body.action === 'install' && existing) {
    throw new ConflictError(
      `addon: ${addon.name} is already installed on ${name} (chart ${installed}); upgrade or remove it instead`,
    );
  }
  if (body.action !== 'install' && !existing) {
    throw new ConflictError(
      `addon: ${addon.name} is not installed on ${name}; install it first`,
    );
  }
  if (body.action === 'upgrade' && installed === addon.version) {
    throw new ConflictError(
      `addon: ${addon.name} on ${name} already runs the catalog's version ${addon.version}`,
    );
  }
  const policyRules = checkClusterPolicy(policy, cluster, {
    action: 'addon',
    operation: `${body.action}-addon`,
    person,
    target: { addon: addon.name, version: addon.version },
  });
  if (body.action === 'remove') {
    if (!body.dryRun) {
      await management.ops.delete({
        apiVersion: versions[CHART_PROXY_KIND],
        kind: 'HelmChartProxy',
        namespace,
        name: proxyName,
      });
    }
    return {
      dryRun: body.dryRun,
      changes: [
        `Delete HelmChartProxy/${proxyName}: CAAPH uninstalls ${addon.chartName} ${installed} from namespace ${addon.namespace} of ${name}`,
      ],
      policyRules,
    };
  }
  const manifest = renderAddonChartProxy(addon, { name, namespace });
  manifest.apiVersion = versions[CHART_PROXY_KIND];
  const label = addonClusterLabel(name);
  const labelled = cluster.metadata.labels?.[label.key] === label.value;
  const changes =
    body.action === 'install'
      ? [
          `Apply HelmChartProxy/${proxyName}: ${addon.chartName} ${addon.version} from ${addon.repoURL} into namespace ${addon.namespace}`,
          ...(labelled
            ? []
            : [
                `Label Cluster/${name} ${label.key}=${label.value}, which the proxy selects it by`,
              ]),
          `CAAPH installs the release on ${name} once the cluster is provisioned`,
        ]
      : [
          `Change HelmChartProxy/${proxyName} spec.version from ${installed} to ${addon.version}`,
          `CAAPH upgrades the release on ${name} in place`,
        ];
  await management.ops.apply(manifest, { dryRun: true });
  if (!body.dryRun) {
    if (!labelled) {
      await management.ops.patch(
        {
          apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
          kind: 'Cluster',
          namespace,
          name,
        },
        { metadata: { labels: { [label.key]: label.value } } },
        'merge',
      );
    }
    await management.ops.apply(manifest, { dryRun: false });
  }
  return { dryRun: body.dryRun, changes, policyRules, manifests: [manifest] };
}
