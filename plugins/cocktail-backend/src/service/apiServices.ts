import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { ScanGate } from '../imageScans/ScanGate';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { ServerLifecycle } from '../lifecycle/ServerLifecycle';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { ServiceMapSummarizer } from '../summaries/ServiceMapSummarizer';
import { createAuthorize } from './authorize';
import type { RouterOptions } from './createRouter';
import { ServerResolver } from './ServerResolver';

/** What the routers share, built once from the plugin's services. */
export type ApiServices = ReturnType<typeof createApiServices>;

/**
 * Builds what the routers of the REST API use: the catalog readers, the permission checks, the
 * deploy gate and clients per cluster. The routers themselves build nothing.
 */
export function createApiServices(options: RouterOptions) {
  const { permissions, clusters, watchCache } = options;
  const resolver = new ServerResolver(options.catalog);
  const catalog = new CocktailCatalog(options.catalog);
  const liveReadTimeoutMs = options.requestTimeoutMs ?? 5_000;
  const summarizer = new ServiceMapSummarizer({
    catalog,
    permissions,
    clusters,
    watchCache,
    loadClient: options.loadClient,
    timeoutMs: liveReadTimeoutMs,
  });
  const authorize = createAuthorize(
    permissions,
    options.explainer
      ? (credentials, permission, ref) =>
          options.explainer!.explain(credentials, permission, ref)
      : undefined,
  );

  /**
   * A server's permission is checked on the server and on its ServiceMap as the catalog has it
   * now, so a server cannot act in a ServiceMap of a Service where the person has no role.
   */
  async function authorizeServer(
    credentials: BackstageCredentials,
    permission: ResourcePermission,
    target: ServerTarget,
  ) {
    await authorize(credentials, permission, [
      target.entityRef,
      stringifyEntityRef(target.serviceMap),
    ]);
  }

  const gate = options.imageScans
    ? new ScanGate({
        store: options.imageScans.store,
        threshold: options.imageScans.blockDeployAtOrAbove ?? 'none',
        requireScan: options.imageScans.requireScan ?? false,
        authorize,
      })
    : undefined;

  const operationsFor = async (cluster: string) =>
    new KubernetesOperations(
      await options.loadClient(),
      await clusters.kubeConfigFor(cluster),
      cluster,
      options.requestTimeoutMs,
    );

  async function lifecycleFor(target: ServerTarget) {
    return new ServerLifecycle(await operationsFor(target.cluster), target);
  }

  async function serverAt(
    params: { namespace: string; name: string },
    credentials: BackstageCredentials,
    fresh = false,
  ) {
    return resolver.resolve(params.namespace, params.name, credentials, {
      fresh,
    });
  }

  return {
    resolver,
    catalog,
    summarizer,
    liveReadTimeoutMs,
    authorize,
    authorizeServer,
    gate,
    operationsFor,
    lifecycleFor,
    serverAt,
  };
}
