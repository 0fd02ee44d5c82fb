import { stringify } from 'yaml';

/** The pinned kube-vip release that holds the control-plane virtual IP. */
const KUBE_VIP_IMAGE = 'ghcr.io/kube-vip/kube-vip:v0.8.9';

/**
 * A static pod that holds the control plane's virtual IP on infrastructure without a load
 * balancer (vSphere, bare metal), as the providers' own templates do.
 */
export function kubeVipManifest(
  endpoint: { host: string; port: number },
  kubeconfig: string,
): string {
  return stringify({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'kube-vip', namespace: 'kube-system' },
    spec: {
      containers: [
        {
          name: 'kube-vip',
          image: KUBE_VIP_IMAGE,
          imagePullPolicy: 'IfNotPresent',
          args: ['manager'],
          env: [
            { name: 'cp_enable', value: 'true' },
            { name: 'vip_interface', value: '' },
            { name: 'address', value: endpoint.host },
            { name: 'port', value: String(endpoint.port) },
            { name: 'vip_arp', value: 'true' },
            { name: 'vip_leaderelection', value: 'true' },
            { name: 'vip_leaseduration', value: '15' },
            { name: 'vip_renewdeadline', value: '10' },
            { name: 'vip_retryperiod', value: '2' },
          ],
          securityContext: {
            capabilities: { add: ['NET_ADMIN', 'NET_RAW'] },
          },
          volumeMounts: [
            { mountPath: '/etc/kubernetes/admin.conf', name: 'kubeconfig' },
          ],
        },
      ],
      hostNetwork: true,
      hostAliases: [{ hostnames: ['kubernetes'], ip: '127.0.0.1' }],
      volumes: [
        {
          name: 'kubeconfig',
          hostPath: { path: kubeconfig, type: 'FileOrCreate' },
        },
      ],
    },
  });
}

/**
 * From Kubernetes v1.29 kubeadm's admin.conf has no rights until `kubeadm init` finishes, so
 * kube-vip must use super-admin.conf on the first control-plane node
 * (https://github.com/kube-vip/kube-vip/issues/684), as CAPV's templates do.
 */
export const KUBE_VIP_KUBEADM_INIT_COMMAND =
  "if [ -f /run/kubeadm/kubeadm.yaml ]; then sed -i 's#path: /etc/kubernetes/admin.conf#path: /etc/kubernetes/super-admin.conf#' /etc/kubernetes/manifests/kube-vip.yaml; fi";
