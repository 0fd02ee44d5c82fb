import { InputError } from '@backstage/errors';
import {
  AddonCatalog,
  addonClusterLabel,
  ClusterPolicy,
  ClusterPolicyPerson,
  ClusterRequest,
  defaultAddonsFor,
  Manifest,
  renderAddonChartProxy,
  validateClusterRequest,
} from '@cocktailcloud/plugin-cocktail-node';
import { applyManifests } from '../lifecycle/applyManifests';
import { clusterEntity } from './clusterEntity';
import {
  ManagementCluster,
  refuseIssues,
  refusePolicy,
  renderForManagement,
} from './clusterOperations';
import { withRequestAnnotation } from './clusterRequestAnnotation';

/**
 * The add-ons a new cluster gets: those named (the catalog's defaults when none are), plus the
 * default CNI for a kubeadm cluster that would otherwise have none, as its nodes need one.
 */
function addonsForNewCluster(
  catalog: AddonCatalog,
  request: ClusterRequest,
  named: string[] | undefined,
) {
  const defaults = defaultAddonsFor(catalog, request);
  if (!named) {
    return defaults;
  }
  const unknown = named.filter(n => !catalog.addons.some(a => a.name === n));
  if (unknown.length) {
    throw new InputError(
      `addons: ${unknown.join(', ')} ${
        unknown.length === 1 ? 'is' : 'are'
      } not in the add-on catalog; it has ${catalog.addons
        .map(a => a.name)
        .join(', ')}`,
    );
  }
  const chosen = named.map(n => catalog.addons.find(a => a.name === n)!);
  const cni = defaults.find(a => a.category === 'cni');
  return cni && !chosen.some(a => a.category === 'cni')
    ? [cni, ...chosen]
    : chosen;
}

/** The Cluster labelled for its add-ons' selectors, and their HelmChartProxies (when the management cluster serves them). */
function withAddons(
  manifests: Manifest[],
  request: ClusterRequest,
  addons: ReturnType<typeof addonsForNewCluster>,
  chartProxyVersion: string | undefined,
): Manifest[] {
  if (!chartProxyVersion || !addons.length) {
    return manifests;
  }
  const label = addonClusterLabel(request.name);
  const labelled = manifests.map(m =>
    m.kind === 'Cluster' && m.apiVersion.startsWith('cluster.x-k8s.io/')
      ? {
          ...m,
          metadata: {
            ...m.metadata,
            labels: { ...m.metadata.labels, [label.key]: label.value },
          },
        }
      : m,
  );
  const proxies = addons.map(addon => ({
    ...renderAddonChartProxy(addon, {
      name: request.name,
      namespace: request.namespace ?? 'default',
    }),
    apiVersion: chartProxyVersion,
  }));
  return [...labelled, ...proxies];
}

/**
 * Renders a cluster request with its add-ons and applies it (or, in a dry run, checks it) on
 * the management cluster.
 */
export async function createCluster(
  management: ManagementCluster,
  policy: ClusterPolicy,
  body: unknown,
  options: {
    dryRun: boolean;
    owner: string;
    where?: string;
    catalog?: AddonCatalog;
    /** Add-on names; the catalog's defaults when not given. */
    addons?: string[];
    person?: ClusterPolicyPerson;
  },
) {
  const { request, issues } = validateClusterRequest(
    body,
    management.providers,
  );
  refuseIssues(issues, options.where);
  refusePolicy(
    policy.check('create', request!, null, {
      operation: 'create',
      person: options.person,
    }),
  );
  const { manifests: rendered, versions } = await renderForManagement(
    management,
    request!,
  );
  const { missingKinds } = await management.versions();
  const addons = options.catalog
    ? addonsForNewCluster(options.catalog, request!, options.addons)
    : [];
  // Each add-on the new cluster gets passes the add-on rules, as installing it later would.
  refusePolicy(
    addons.flatMap(addon =>
      policy.check('addon', request!, null, {
        operation: 'install-addon',
        person: options.person,
        target: { addon: addon.name, version: addon.version },
      }),
    ),
  );
  const manifests = withAddons(
    rendered,
    request!,
    addons,
    missingKinds.includes('addons.cluster.x-k8s.io/HelmChartProxy')
      ? undefined
      : versions['addons.cluster.x-k8s.io/HelmChartProxy'],
  );
  const annotated = manifests.map(m =>
    m.kind === 'Cluster' && m.apiVersion.startsWith('cluster.x-k8s.io/')
      ? withRequestAnnotation(m, request!)
      : m,
  );
  const result = await applyManifests(management.ops, annotated, {
    dryRun: options.dryRun,
  });
  return {
    ...result,
    addons: addons.map(addon => addon.name),
    cluster: {
      name: request!.name,
      namespace: request!.namespace ?? 'default',
    },
    entityRef: `resource:default/${request!.name}`,
    entity: clusterEntity(request!, {
      owner: options.owner,
      managementCluster: management.name,
    }),
  };
}
