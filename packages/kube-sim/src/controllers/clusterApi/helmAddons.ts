import {
  labelSelectorFromObject,
  matchesLabelSelector,
} from '../../api/selectors';
import { KubeObject, ResourceType } from '../../api/types';
import { apiVersionOf } from '../../api/builtInResources';
import {
  ADDONS_GROUP,
  CLUSTER_API_GROUP,
} from '../../crds/clusterApiResources';
import { ControllerContext, randomSuffix } from '../ControllerContext';
import { CLUSTER_NAME_LABEL, typeOf } from './clusterApiObjects';

/** The label CAAPH puts on a HelmReleaseProxy naming the HelmChartProxy it came from. */
export const CHART_PROXY_LABEL =
  'helmreleaseproxy.addons.cluster.x-k8s.io/helmchartproxy-name';

interface AddonTypes {
  chartProxies: ResourceType;
  releaseProxies: ResourceType;
  clusters: ResourceType;
}

function condition(
  type: string,
  ready: boolean,
  reason?: string,
  message?: string,
) {
  return {
    type,
    status: ready ? 'True' : 'False',
    ...(!ready && { reason, severity: 'Info', message }),
  };
}

/**
 * Conditions with their transition times: kept from the previous status where the condition's
 * status and reason did not change, so writing the same status again changes nothing.
 */
function timed(
  previous: Array<Record<string, unknown>> | undefined,
  conditions: Array<ReturnType<typeof condition>>,
) {
  const now = new Date().toISOString();
  return conditions.map(next => {
    const before = previous?.find(c => c.type === next.type);
    const same =
      before?.status === next.status &&
      before?.reason === (next as { reason?: string }).reason;
    return {
      ...next,
      lastTransitionTime: same ? before!.lastTransitionTime : now,
    };
  });
}

function selects(chartProxy: KubeObject, cluster: KubeObject): boolean {
  try {
    return matchesLabelSelector(
      labelSelectorFromObject(chartProxy.spec?.clusterSelector ?? {}),
      cluster.metadata.labels ?? {},
    );
  } catch {
    return false;
  }
}

/** CAAPH renders `valuesTemplate` with Go templates over the Cluster; the simulation fills in its name and namespace. */
function renderValues(template: string | undefined, cluster: KubeObject) {
  return (template ?? '')
    .replace(/\{\{\s*\.Cluster\.metadata\.name\s*\}\}/g, cluster.metadata.name!)
    .replace(
      /\{\{\s*\.Cluster\.metadata\.namespace\s*\}\}/g,
      cluster.metadata.namespace ?? '',
    );
}

function releaseSpec(
  chartProxy: KubeObject,
  cluster: KubeObject,
  type: ResourceType,
) {
  const spec = chartProxy.spec ?? {};
  return {
    clusterRef: {
      apiVersion: cluster.apiVersion ?? apiVersionOf(type),
      kind: 'Cluster',
      name: cluster.metadata.name,
      namespace: cluster.metadata.namespace,
    },
    chartName: spec.chartName,
    repoURL: spec.repoURL,
    ...(spec.version && { version: spec.version }),
    namespace: spec.namespace ?? 'default',
    ...(spec.releaseName && { releaseName: spec.releaseName }),
    values: renderValues(spec.valuesTemplate, cluster),
    ...(spec.options && { options: spec.options }),
  };
}

function isProvisioned(cluster: KubeObject | undefined): boolean {
  return (
    cluster?.status?.phase === 'Provisioned' &&
    !cluster.metadata.deletionTimestamp
  );
}

/**
 * Plays Cluster API Add-on Provider Helm on a management cluster: each HelmChartProxy gets one
 * HelmReleaseProxy per Cluster its selector matches (in its namespace); a release goes
 * `pending-install` (or `pending-upgrade` when its chart version or values change) and then
 * `deployed` once its Cluster is provisioned; a Cluster no longer selected loses its release.
 */
export class HelmAddonController {
  private readonly types?: AddonTypes;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly unsubscribe: () => void = () => {};
  private readonly queue = new Set<string>();
  private flushScheduled = false;
  private stopped = false;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly stepMs: () => number,
  ) {
    const chartProxies = typeOf(ctx, ADDONS_GROUP, 'HelmChartProxy');
    const releaseProxies = typeOf(ctx, ADDONS_GROUP, 'HelmReleaseProxy');
    const clusters = typeOf(ctx, CLUSTER_API_GROUP, 'Cluster');
    if (!chartProxies || !releaseProxies || !clusters) {
      return;
    }
    this.types = { chartProxies, releaseProxies, clusters };
    this.unsubscribe = ctx.store.subscribe(event =>
      this.onChange(event.object),
    );
    for (const proxy of ctx.store.list(chartProxies)) {
      this.enqueue(proxy.metadata.namespace!, proxy.metadata.name!);
    }
  }

  stop() {
    this.stopped = true;
    this.unsubscribe();
    this.timers.forEach(clearTimeout);
    this.timers.clear();
  }

  private onChange(object: KubeObject) {
    const namespace = object.metadata.namespace!;
    const group = object.apiVersion?.split('/')[0];
    if (group === ADDONS_GROUP && object.kind === 'HelmChartProxy') {
      this.enqueue(namespace, object.metadata.name!);
    } else if (group === ADDONS_GROUP && object.kind === 'HelmReleaseProxy') {
      const owner = object.metadata.labels?.[CHART_PROXY_LABEL];
      if (owner) {
        this.enqueue(namespace, owner);
      }
    } else if (group === CLUSTER_API_GROUP && object.kind === 'Cluster') {
      for (const proxy of this.ctx.store.list(
        this.types!.chartProxies,
        namespace,
      )) {
        this.enqueue(namespace, proxy.metadata.name!);
      }
    }
  }

  private enqueue(namespace: string, name: string) {
    this.queue.add(`${namespace}/${name}`);
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  private flush() {
    this.flushScheduled = false;
    if (this.stopped) {
      return;
    }
    const keys = [...this.queue];
    this.queue.clear();
    for (const key of keys) {
      const [namespace, name] = key.split('/');
      try {
        this.reconcile(namespace, name);
      } catch (error) {
        if ((error as { code?: number }).code !== 409) {
          throw error;
        }
        this.enqueue(namespace, name);
      }
    }
  }

  private releasesOf(namespace: string, chartProxyName: string) {
    return this.ctx.store
      .list(this.types!.releaseProxies, namespace)
      .filter(r => r.metadata.labels?.[CHART_PROXY_LABEL] === chartProxyName);
  }

  private reconcile(namespace: string, name: string) {
    const { chartProxies, releaseProxies, clusters } = this.types!;
    const chartProxy = this.ctx.store.get(chartProxies, namespace, name);
    const releases = this.releasesOf(namespace, name);
    if (!chartProxy || chartProxy.metadata.deletionTimestamp) {
      releases.forEach(r => this.uninstall(r));
      return;
    }
    const selected = this.ctx.store
      .list(clusters, namespace)
      .filter(c => !c.metadata.deletionTimestamp && selects(chartProxy, c));
    const byCluster = new Map(
      releases.map(r => [r.spec?.clusterRef?.name as string, r]),
    );
    for (const cluster of selected) {
      const spec = releaseSpec(chartProxy, cluster, clusters);
      const release = byCluster.get(cluster.metadata.name!);
      byCluster.delete(cluster.metadata.name!);
      if (!release) {
        this.install(chartProxy, cluster, spec);
      } else if (JSON.stringify(release.spec) !== JSON.stringify(spec)) {
        this.ctx.update(releaseProxies, { ...release, spec });
      } else {
        this.progress(release, cluster);
      }
    }
    byCluster.forEach(release => this.uninstall(release));
    this.writeChartProxyStatus(chartProxy, selected);
  }

  private install(chartProxy: KubeObject, cluster: KubeObject, spec: object) {
    const { chartProxies, releaseProxies } = this.types!;
    const release = this.ctx.store.create(releaseProxies, {
      apiVersion: apiVersionOf(releaseProxies),
      kind: 'HelmReleaseProxy',
      metadata: {
        name: `${chartProxy.spec.chartName}-${
          cluster.metadata.name
        }-${randomSuffix()}`,
        namespace: chartProxy.metadata.namespace,
        labels: {
          [CLUSTER_NAME_LABEL]: cluster.metadata.name!,
          [CHART_PROXY_LABEL]: chartProxy.metadata.name!,
        },
        ownerReferences: [this.ctx.ownerReference(chartProxy, chartProxies)],
      },
      spec,
    });
    this.ctx.emitEvent(
      chartProxy,
      chartProxies,
      'HelmReleaseProxyCreated',
      `installing ${chartProxy.spec.chartName} ${
        chartProxy.spec.version ?? ''
      } on Cluster ${cluster.metadata.name} as ${release.metadata.name}`,
    );
  }

  private uninstall(release: KubeObject) {
    const { releaseProxies } = this.types!;
    if (
      this.ctx.store.get(
        releaseProxies,
        release.metadata.namespace,
        release.metadata.name!,
      )
    ) {
      this.ctx.store.delete(
        releaseProxies,
        release.metadata.namespace,
        release.metadata.name!,
      );
    }
  }

  /** A release whose spec the release status has not caught up with: pending now, deployed after a step. */
  private progress(release: KubeObject, cluster: KubeObject) {
    const { releaseProxies } = this.types!;
    const generation = release.metadata.generation ?? 1;
    const status = release.status ?? {};
    if (
      status.status === 'deployed' &&
      status.observedGeneration === generation
    ) {
      return;
    }
    if (!isProvisioned(cluster)) {
      this.ctx.setStatus(releaseProxies, release, {
        ...status,
        conditions: timed(status.conditions, [
          condition(
            'Ready',
            false,
            'WaitingForCluster',
            `Cluster ${cluster.metadata.name} is not provisioned yet`,
          ),
          condition(
            'ClusterAvailable',
            false,
            'WaitingForCluster',
            `Cluster ${cluster.metadata.name} is not provisioned yet`,
          ),
        ]),
      });
      return;
    }
    const pending = status.revision ? 'pending-upgrade' : 'pending-install';
    if (status.status === pending) {
      return; // the step is already scheduled
    }
    this.ctx.setStatus(releaseProxies, release, {
      ...status,
      status: pending,
      conditions: timed(status.conditions, [
        condition(
          'Ready',
          false,
          'HelmInstallOrUpgradeInProgress',
          `Helm ${pending.slice(8)} in progress`,
        ),
        condition('ClusterAvailable', true),
      ]),
    });
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.deploy(release, generation);
    }, this.stepMs());
    this.timers.add(timer);
  }

  private deploy(release: KubeObject, generation: number) {
    const { releaseProxies } = this.types!;
    const current = this.ctx.store.get(
      releaseProxies,
      release.metadata.namespace,
      release.metadata.name!,
    );
    if (this.stopped || !current) {
      return;
    }
    this.ctx.setStatus(releaseProxies, current, {
      status: 'deployed',
      revision: (current.status?.revision ?? 0) + 1,
      observedGeneration: generation,
      conditions: timed(current.status?.conditions, [
        condition('Ready', true),
        condition('ClusterAvailable', true),
        condition('HelmReleaseReady', true),
      ]),
    });
    this.ctx.emitEvent(
      current,
      releaseProxies,
      'HelmReleaseDeployed',
      `${current.spec.chartName} ${
        current.spec.version ?? ''
      } deployed to Cluster ${current.spec.clusterRef?.name}`,
    );
  }

  private writeChartProxyStatus(
    chartProxy: KubeObject,
    selected: KubeObject[],
  ) {
    const { chartProxies, clusters } = this.types!;
    const releases = this.releasesOf(
      chartProxy.metadata.namespace!,
      chartProxy.metadata.name!,
    );
    const ready =
      releases.length === selected.length &&
      releases.every(r => r.status?.status === 'deployed');
    this.ctx.setStatus(chartProxies, chartProxy, {
      observedGeneration: chartProxy.metadata.generation ?? 1,
      matchingClusters: selected.map(c => ({
        apiVersion: c.apiVersion ?? apiVersionOf(clusters),
        kind: 'Cluster',
        name: c.metadata.name,
        namespace: c.metadata.namespace,
      })),
      conditions: timed(chartProxy.status?.conditions, [
        ready
          ? condition('Ready', true)
          : condition(
              'Ready',
              false,
              'HelmReleaseProxiesNotReady',
              'waiting for the releases to be deployed',
            ),
      ]),
    });
  }
}
