import { InfrastructureProvider } from '../types';
import { aws } from './aws';
import { azure } from './azure';
import { cloudstack } from './cloudstack';
import { docker } from './docker';
import { gcp } from './gcp';
import { metal3 } from './metal3';
import { openstack } from './openstack';
import { SelfManagedInfrastructure } from './types';
import { vsphere } from './vsphere';

export const SELF_MANAGED_INFRASTRUCTURE: Partial<
  Record<InfrastructureProvider, SelfManagedInfrastructure>
> = { aws, azure, gcp, openstack, vsphere, cloudstack, metal3, docker };
