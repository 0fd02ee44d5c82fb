import { Manifest } from '../../rendering/types';
import { RenderContext } from '../renderContext';

/** @public */
export type MachineRole = 'control-plane' | 'worker';

/**
 * A file the bootstrap provider writes on a node, in the shape kubeadm, RKE2 and K3s share.
 *
 * @public
 */
export interface BootstrapFile {
  path: string;
  content?: string;
  contentFrom?: { secret: { name: string; key: string } };
  owner?: string;
  permissions?: string;
}

/**
 * What a provider's nodes need from the bootstrap provider.
 *
 * @public
 */
export interface NodeSetup {
  /** kubeadm `nodeRegistration.name`, a cloud-init template. */
  nodeName?: string;
  /** Extra kubelet flags for kubeadm nodes (may hold cloud-init templates). */
  kubeletArgs: Record<string, string>;
  /** Extra kube-controller-manager flags for kubeadm control planes. */
  controllerManagerArgs?: Record<string, string>;
  /** The cluster runs an out-of-tree cloud controller manager (RKE2 and K3s are told so). */
  externalCloudProvider: boolean;
  /** Files the provider's machines need, e.g. azure.json from the secret CAPZ writes. */
  files?(role: MachineRole, machineTemplateName: string): BootstrapFile[];
  /** Commands before kubeadm runs. */
  preKubeadmCommands?: string[];
  /** An SSH user for the nodes. */
  user?: { name: string; sshAuthorizedKey: string };
  /** A virtual IP the control-plane nodes hold with kube-vip (no cloud load balancer). */
  controlPlaneVip?: { host: string; port: number };
}

/**
 * A self-managed infrastructure provider: the infra cluster and machine templates.
 *
 * @public
 */
export interface SelfManagedInfrastructure {
  /** `group/Kind` of the infrastructure cluster. */
  clusterKind: string;
  /** `group/Kind` of the machine template. */
  machineTemplateKind: string;
  renderCluster(ctx: RenderContext): Manifest;
  renderMachineTemplate(
    ctx: RenderContext,
    name: string,
    role: MachineRole,
    machineType: string | undefined,
  ): Manifest;
  nodeSetup(ctx: RenderContext): NodeSetup;
}
