import { InfrastructureProvider } from '../types';
import { aks } from './aks';
import { eks } from './eks';
import { gke } from './gke';
import { ManagedService } from './types';

export const MANAGED_SERVICES: Partial<
  Record<InfrastructureProvider, ManagedService>
> = { eks, aks, gke };
