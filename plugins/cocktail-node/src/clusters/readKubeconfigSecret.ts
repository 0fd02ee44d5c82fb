import { InputError } from '@backstage/errors';
import type { V1Secret } from '@kubernetes/client-node';
import { parseApiServerUrl } from './apiServerUrl';
import { KubernetesClientModule } from './kubernetesClient';
import { loadCheckedKubeconfig } from './loadCheckedKubeconfig';
import { CocktailCluster, KubeconfigAllowances } from './types';

export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
export const CLUSTER_API_SECRET_TYPE = 'cluster.x-k8s.io/secret';

/** The provider of each infrastructure kind prefix, as the suite names them. */
const PROVIDERS: Array<[prefix: string, provider: string]> = [
  ['AWS', 'aws'],
  ['Azure', 'azure'],
  ['GCP', 'gcp'],
  ['OpenStack', 'openstack'],
  ['VSphere', 'vsphere'],
  ['CloudStack', 'cloudstack'],
  ['Metal3', 'metal3'],
  ['Docker', 'docker'],
];

/** `aws` for AWSCluster or AWSManagedCluster, and so on; `undefined` for others. */
export function providerOfInfrastructureKind(
  kind: string | undefined,
): string | undefined {
  return kind
    ? PROVIDERS.find(([prefix]) => kind.startsWith(prefix))?.[1]
    : undefined;
}

/** The Secret in which Cluster API keeps a Cluster's kubeconfig. */
export function kubeconfigSecretName(clusterName: string): string {
  return `${clusterName}-kubeconfig`;
}

/**
 * Whether a Secret is the kubeconfig Cluster API keeps for a Cluster: type
 * `cluster.x-k8s.io/secret`, labelled with the Cluster's name and named
 * `<name>-kubeconfig` (not the `-user-kubeconfig`, `-ca` … Secrets beside it).
 */
export function isKubeconfigSecret(secret: V1Secret): boolean {
  const clusterName = secret.metadata?.labels?.[CLUSTER_NAME_LABEL];
  return (
    secret.type === CLUSTER_API_SECRET_TYPE &&
    clusterName !== undefined &&
    secret.metadata?.name === kubeconfigSecretName(clusterName)
  );
}

/**
 * The cluster a `<name>-kubeconfig` Secret reaches: the URL, CA and TLS
 * setting of its kubeconfig's current context, reached with the whole
 * kubeconfig. Throws an `InputError` that never quotes the kubeconfig,
 * also when it carries exec credentials or file paths that `allow`
 * (`cocktail.clusterApi`) does not permit.
 */
export function readKubeconfigSecret(
  secret: V1Secret,
  client: Pick<KubernetesClientModule, 'KubeConfig'>,
  managementCluster: string,
  allow: KubeconfigAllowances = {},
): CocktailCluster {
  const name = secret.metadata!.labels![CLUSTER_NAME_LABEL];
  const encoded = secret.data?.value;
  if (!encoded) {
    throw new InputError('it has no data.value');
  }
  const kubeconfig = Buffer.from(encoded, 'base64').toString('utf8');
  const kubeConfig = loadCheckedKubeconfig(client, kubeconfig, {
    describedAs: 'its data.value',
    howToAllow: setting => `set cocktail.clusterApi.${setting}: true`,
    allow,
  });
  const context = kubeConfig.getCurrentContext();
  const server = context ? kubeConfig.getCurrentCluster() : null;
  if (!server) {
    throw new InputError(
      'its kubeconfig has no current context naming a cluster it defines',
    );
  }
  const url = parseApiServerUrl(server.server);
  if (!url) {
    throw new InputError(
      `the server of its kubeconfig is not an http(s) URL: "${server.server}"`,
    );
  }
  const skipTLSVerify = server.skipTLSVerify === true;
  if (url.protocol === 'http:' && !skipTLSVerify) {
    throw new InputError(
      `the server of its kubeconfig, "${server.server}", is plain HTTP without insecure-skip-tls-verify, which @kubernetes/client-node refuses`,
    );
  }
  return {
    name,
    url: server.server,
    source: 'cluster-api',
    auth: {
      type: 'kubeconfigData',
      kubeconfig,
      context,
      ...(hasAllowance(allow) && { allow }),
    },
    ...(server.caData && { caData: server.caData }),
    skipTLSVerify,
    clusterApi: {
      managementCluster,
      namespace: secret.metadata!.namespace ?? 'default',
    },
  };
}

function hasAllowance(allow: KubeconfigAllowances): boolean {
  return Boolean(allow.execCredentials || allow.filePaths);
}
