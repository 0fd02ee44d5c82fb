import { stringify } from 'yaml';

/**
 * A kubeconfig with one cluster, user and context, whose context defaults to the ServiceMap's
 * namespace: what `kubectl` needs and nothing of the portal's own credentials.
 */
export function renderKubeconfig(options: {
  cluster: string;
  server: string;
  /** Base64 PEM of the cluster's CA, as the registry has it. */
  certificateAuthorityData?: string;
  skipTlsVerify?: boolean;
  namespace: string;
  userName: string;
  token: string;
}): string {
  const user = `${options.userName}@${options.cluster}`;
  const context = `${options.cluster}-${options.namespace}`;
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [
      {
        name: options.cluster,
        cluster: {
          server: options.server,
          ...(options.certificateAuthorityData && {
            'certificate-authority-data': options.certificateAuthorityData,
          }),
          ...(options.skipTlsVerify && { 'insecure-skip-tls-verify': true }),
        },
      },
    ],
    users: [{ name: user, user: { token: options.token } }],
    contexts: [
      {
        name: context,
        context: {
          cluster: options.cluster,
          user,
          namespace: options.namespace,
        },
      },
    ],
    'current-context': context,
  });
}
