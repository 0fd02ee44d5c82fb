import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  cocktailServerAutoscalePermission,
  cocktailServerDeletePermission,
  cocktailServerDeployPermission,
  cocktailServerRestartPermission,
  cocktailServerRollbackPermission,
  cocktailServerRollingUpdatePermission,
  cocktailServerScalePermission,
  cocktailServerSuspendPermission,
} from '@cocktailcloud/plugin-cocktail-common';

export type OperationId =
  | 'deploy'
  | 'rolling-update'
  | 'restart'
  | 'scale'
  | 'autoscaling'
  | 'rollback'
  | 'suspend'
  | 'resume'
  | 'delete';

export interface OperationInfo {
  id: OperationId;
  label: string;
  description: string;
  permission: ResourcePermission;
  destructive?: boolean;
}

/** The operations the tab offers, in the order a user reaches for them. */
export const OPERATIONS: OperationInfo[] = [
  {
    id: 'deploy',
    label: 'Deploy',
    description:
      'Apply the catalog spec to the cluster, after a dry run shows what changes.',
    permission: cocktailServerDeployPermission,
  },
  {
    id: 'rolling-update',
    label: 'Rolling update',
    description:
      'Run another image in one or more containers, replacing pods gradually.',
    permission: cocktailServerRollingUpdatePermission,
  },
  {
    id: 'scale',
    label: 'Scale',
    description: 'Set the number of replicas.',
    permission: cocktailServerScalePermission,
  },
  {
    id: 'autoscaling',
    label: 'Autoscaling',
    description:
      'Set the replica bounds and CPU target, or turn autoscaling off.',
    permission: cocktailServerAutoscalePermission,
  },
  {
    id: 'restart',
    label: 'Restart',
    description: 'Replace every pod, one by one.',
    permission: cocktailServerRestartPermission,
  },
  {
    id: 'rollback',
    label: 'Roll back',
    description: 'Go back to an earlier revision.',
    permission: cocktailServerRollbackPermission,
  },
  {
    id: 'suspend',
    label: 'Suspend',
    description: 'Scale to zero and remember the replica count.',
    permission: cocktailServerSuspendPermission,
    destructive: true,
  },
  {
    id: 'resume',
    label: 'Resume',
    description: 'Scale back to the replica count before the suspension.',
    permission: cocktailServerSuspendPermission,
  },
  {
    id: 'delete',
    label: 'Delete',
    description: 'Remove every object of this server from the cluster.',
    permission: cocktailServerDeletePermission,
    destructive: true,
  },
];
