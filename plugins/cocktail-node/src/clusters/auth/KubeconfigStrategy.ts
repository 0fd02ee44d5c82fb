import { InputError } from '@backstage/errors';
import type { KubeConfig } from '@kubernetes/client-node';
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { errorMessage } from '../errorMessage';
import { KubernetesClientModule } from '../kubernetesClient';
import {
  KubeconfigSetting,
  loadCheckedKubeconfig,
} from '../loadCheckedKubeconfig';
import { ConfiguredCluster } from '../readConfigClusters';
import { CocktailCluster } from '../types';
import { applyClusterSettings } from './applyClusterSettings';
import { AuthOfType, ClusterAuthStrategy } from './ClusterAuthStrategy';

type KubeconfigAuth = AuthOfType<'kubeconfig'>;

/**
 * A context of a kubeconfig file: its cluster, and its user's credentials.
 * Exec and auth-provider credentials and file paths only load when the
 * cluster's config entry allows them.
 */
export class KubeconfigStrategy implements ClusterAuthStrategy<KubeconfigAuth> {
  private readonly loadClient: () => Promise<KubernetesClientModule>;

  constructor(loadClient: () => Promise<KubernetesClientModule>) {
    this.loadClient = loadClient;
  }

  async resolve({
    configKey,
    url: _url,
    ...cluster
  }: ConfiguredCluster & { auth: KubeconfigAuth }): Promise<CocktailCluster> {
    const { kubeConfig, server } = await this.load(
      cluster.auth,
      field => `${configKey}.${field}`,
      setting => `set ${configKey}.${setting}: true`,
    );
    const caData = cluster.caData ?? server.caData;
    return {
      ...cluster,
      url: server.server,
      source: 'config',
      // The context is pinned so that a later change of the file's
      // current-context cannot move the cluster elsewhere.
      auth: { ...cluster.auth, context: kubeConfig.getCurrentContext() },
      ...(caData && { caData }),
      skipTLSVerify: cluster.skipTLSVerify || server.skipTLSVerify,
    };
  }

  async kubeConfigFor(
    cluster: CocktailCluster & { auth: KubeconfigAuth },
  ): Promise<KubeConfig> {
    const { kubeConfig } = await this.load(
      cluster.auth,
      () => `cluster "${cluster.name}"`,
      setting =>
        `set ${setting}: true on the cocktail.clusters entry "${cluster.name}"`,
    );
    return applyClusterSettings(kubeConfig, cluster);
  }

  private async load(
    { path, context, allow }: KubeconfigAuth,
    where: (field: 'kubeconfigPath' | 'context') => string,
    howToAllow: (setting: KubeconfigSetting) => string,
  ) {
    const client = await this.loadClient();
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new InputError(
        `${where(
          'kubeconfigPath',
        )}: cannot read the kubeconfig "${path}": ${errorMessage(error)}`,
      );
    }
    let kubeConfig: KubeConfig;
    try {
      kubeConfig = loadCheckedKubeconfig(client, text, {
        describedAs: `the kubeconfig "${path}"`,
        howToAllow,
        allow,
        quoteParseErrors: true,
      });
    } catch (error) {
      throw new InputError(
        `${where('kubeconfigPath')}: ${errorMessage(error)}`,
      );
    }
    // As client-node's loadFromFile does: relative paths are the file's.
    kubeConfig.makePathsAbsolute(dirname(path));

    const known = kubeConfig.getContexts().map(c => c.name);
    const knownList = known.length > 0 ? known.join(', ') : 'none';
    const contextName = context ?? kubeConfig.getCurrentContext();
    if (!contextName) {
      throw new InputError(
        `${where(
          'context',
        )}: the kubeconfig "${path}" has no current-context, so a context must be named; its contexts: ${knownList}`,
      );
    }
    const contextObject = kubeConfig.getContextObject(contextName);
    if (!contextObject) {
      throw new InputError(
        `${where(
          'context',
        )}: the kubeconfig "${path}" has no context "${contextName}"; its contexts: ${knownList}`,
      );
    }
    kubeConfig.setCurrentContext(contextName);
    const server = kubeConfig.getCurrentCluster();
    if (!server) {
      throw new InputError(
        `${where(
          'context',
        )}: the context "${contextName}" of the kubeconfig "${path}" names the cluster "${
          contextObject.cluster
        }", which the file does not define`,
      );
    }
    return { kubeConfig, server };
  }
}
