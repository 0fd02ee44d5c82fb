import { ControlPlaneProvider } from '../types';
import { k3s } from './k3s';
import { kubeadm } from './kubeadm';
import { rke2 } from './rke2';
import { BootstrapProvider } from './types';

export const BOOTSTRAP_PROVIDERS: Record<
  ControlPlaneProvider,
  BootstrapProvider
> = { kubeadm, rke2, k3s };
