import { NotFoundError } from '@backstage/errors';
import {
  ClusterPolicy,
  ClusterPolicyPerson,
} from '@cocktailcloud/plugin-cocktail-node';
import { ClusterChangeResult } from '@cocktailcloud/plugin-cocktail-common';
import { ManagementCluster } from './clusterOperations';
import { checkClusterPolicy } from './clusterPolicyCheck';
import { listMachines, poolOfMachine } from './readClusterOverview';

/**
 * Replaces a node: deletes its Machine, which Cluster API drains and deletes, and its
 * MachineDeployment, MachinePool or control plane creates a new one in its place.
 */
export async function replaceMachine(
  management: ManagementCluster,
  policy: ClusterPolicy,
  { cluster, versions }: { cluster: any; versions: Record<string, string> },
  body: { machine: string; dryRun: boolean },
  person?: ClusterPolicyPerson,
): Promise<ClusterChangeResult> {
  const machines = await listMachines(management, cluster, versions);
  const machine = machines.find(
    m =>
      m.metadata.name === body.machine ||
      m.status?.nodeRef?.name === body.machine,
  );
  if (!machine) {
    throw new NotFoundError(
      `machine: ${cluster.metadata.name} has no Machine or node ${
        body.machine
      }; it has ${machines.map(m => m.metadata.name).join(', ') || 'none'}`,
    );
  }
  const owner = poolOfMachine(machine);
  const policyRules = checkClusterPolicy(policy, cluster, {
    action: 'node',
    operation: 'replace-machine',
    person,
    target: {
      machine: machine.metadata.name,
      node: machine.status?.nodeRef?.name ?? '',
    },
  });
  const changes = [
    `Delete Machine/${machine.metadata.name}${
      machine.status?.nodeRef?.name
        ? ` (node ${machine.status.nodeRef.name})`
        : ''
    }: Cluster API drains it and deletes its infrastructure`,
    `${
      owner.controlPlane
        ? 'The control plane'
        : `Node pool ${owner.pool ?? 'of the machine'}`
    } creates a new machine in its place`,
  ];
  if (!body.dryRun) {
    await management.ops.delete({
      apiVersion: machine.apiVersion,
      kind: 'Machine',
      namespace: cluster.metadata.namespace,
      name: machine.metadata.name,
    });
  }
  return { dryRun: body.dryRun, changes, policyRules };
}
