import { useApi } from '@backstage/core-plugin-api';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import MenuItem from '@material-ui/core/MenuItem';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import {
  ClusterAddonView,
  ClusterApiOverview,
  ClusterMachineView,
  ClusterNodePoolView,
  NamespacedName,
} from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import { cocktailApiRef } from '../../api';
import { AddonAction } from './AddonsTable';
import { ChangeDialog } from './ChangeDialog';
import { nextMinorVersion, upgradeOrScaleAnswer } from './clusterApiRef';

/** Which dialog of the cluster page is open, and on what. */
export type ClusterDialog =
  | { kind: 'upgrade' }
  | { kind: 'scale'; pool: ClusterNodePoolView }
  | { kind: 'add-pool' }
  | { kind: 'remove-pool'; pool: ClusterNodePoolView }
  | { kind: 'replace'; machine: ClusterMachineView }
  | { kind: 'delete' }
  | { kind: 'addon'; addon: ClusterAddonView; action: AddonAction };

const field = {
  margin: 'normal' as const,
  variant: 'outlined' as const,
  size: 'small' as const,
};
const NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function poolShortName(pool: string, cluster: string) {
  return pool.startsWith(`${cluster}-`) ? pool.slice(cluster.length + 1) : pool;
}

/** The dialog of one cluster page operation, each checked by a dry run before it can be confirmed. */
export function ClusterApiDialog(props: {
  dialog: ClusterDialog;
  cluster: NamespacedName;
  overview: ClusterApiOverview;
  /** Platform admins may force the deletion of a cluster ServiceMaps are bound to. */
  platformAdmin: boolean;
  onClose: () => void;
}) {
  const api = useApi(cocktailApiRef);
  const { dialog, cluster, overview } = props;
  const planeVersion = overview.controlPlane?.version ?? overview.version;
  const poolsBehind = overview.nodePools.some(
    p => p.version && p.version !== planeVersion,
  );
  const [version, setVersion] = useState(
    poolsBehind ? planeVersion ?? '' : nextMinorVersion(overview.version),
  );
  const [stage, setStage] = useState<'control-plane' | 'node-pools'>(
    poolsBehind ? 'node-pools' : 'control-plane',
  );
  const [replicas, setReplicas] = useState(
    dialog.kind === 'scale' ? String(dialog.pool.replicas ?? 1) : '1',
  );
  const [poolName, setPoolName] = useState('');
  const [machineType, setMachineType] = useState('');
  const [force, setForce] = useState(false);
  const common = { open: true, onClose: props.onClose };

  switch (dialog.kind) {
    case 'upgrade':
      return (
        <ChangeDialog
          {...common}
          title={`Upgrade ${cluster.name}`}
          form={
            <>
              <TextField
                {...field}
                id="cocktail-upgrade-version"
                label="Kubernetes version"
                value={version}
                onChange={e => setVersion(e.target.value)}
                helperText={`Runs ${
                  overview.version ?? 'an unknown version'
                }; one minor version at a time`}
              />
              <TextField
                {...field}
                select
                id="cocktail-upgrade-stage"
                label="Stage"
                value={stage}
                onChange={e => setStage(e.target.value as typeof stage)}
                style={{ marginLeft: 16, minWidth: 200 }}
              >
                <MenuItem value="control-plane">Control plane first</MenuItem>
                <MenuItem value="node-pools">Then the node pools</MenuItem>
              </TextField>
            </>
          }
          invalidReason={
            /^v\d+\.\d+\.\d+$/.test(version)
              ? undefined
              : 'Version: enter a Kubernetes version such as v1.34.0.'
          }
          inputsKey={`${version}/${stage}`}
          send={async dryRun =>
            upgradeOrScaleAnswer(
              await api.upgradeCluster(cluster, { version, stage, dryRun }),
            )
          }
          confirmLabel={`Upgrade to ${version}`}
        />
      );
    case 'scale':
      return (
        <ChangeDialog
          {...common}
          title={`Scale node pool ${dialog.pool.name}`}
          form={
            <TextField
              {...field}
              id="cocktail-pool-replicas"
              label="Nodes"
              type="number"
              value={replicas}
              onChange={e => setReplicas(e.target.value)}
            />
          }
          invalidReason={
            /^\d+$/.test(replicas) && Number(replicas) <= 1000
              ? undefined
              : 'Nodes: enter a whole number from 0 to 1000.'
          }
          inputsKey={replicas}
          send={async dryRun =>
            upgradeOrScaleAnswer(
              await api.scaleCluster(cluster, {
                nodePool: poolShortName(dialog.pool.name, cluster.name),
                replicas: Number(replicas),
                dryRun,
              }),
            )
          }
          confirmLabel={`Scale to ${replicas}`}
        />
      );
    case 'add-pool':
      return (
        <ChangeDialog
          {...common}
          title={`Add a node pool to ${cluster.name}`}
          form={
            <>
              <TextField
                {...field}
                id="cocktail-pool-name"
                label="Name"
                value={poolName}
                onChange={e => setPoolName(e.target.value)}
              />
              <TextField
                {...field}
                id="cocktail-pool-replicas"
                label="Nodes"
                type="number"
                value={replicas}
                onChange={e => setReplicas(e.target.value)}
                style={{ marginLeft: 16 }}
              />
              <TextField
                {...field}
                id="cocktail-pool-machine-type"
                label="Machine type (optional)"
                value={machineType}
                onChange={e => setMachineType(e.target.value)}
                style={{ marginLeft: 16 }}
              />
            </>
          }
          invalidReason={
            !NAME.test(poolName)
              ? 'Name: lowercase letters, digits and "-", such as batch.'
              : undefined
          }
          inputsKey={`${poolName}/${replicas}/${machineType}`}
          send={async dryRun =>
            upgradeOrScaleAnswer(
              await api.scaleCluster(cluster, {
                addNodePool: {
                  name: poolName,
                  replicas: Number(replicas),
                  ...(machineType && { machineType }),
                },
                dryRun,
              }),
            )
          }
          confirmLabel="Add the node pool"
        />
      );
    case 'remove-pool':
      return (
        <ChangeDialog
          {...common}
          title={`Remove node pool ${dialog.pool.name}`}
          inputsKey={dialog.pool.name}
          send={dryRun =>
            api.removeNodePool(cluster, {
              nodePool: poolShortName(dialog.pool.name, cluster.name),
              dryRun,
            })
          }
          confirmLabel="Remove the node pool"
          destructive
          confirmationText={dialog.pool.name}
        />
      );
    case 'replace':
      return (
        <ChangeDialog
          {...common}
          title={`Replace machine ${dialog.machine.name}`}
          inputsKey={dialog.machine.name}
          send={dryRun =>
            api.replaceMachine(cluster, {
              machine: dialog.machine.name,
              dryRun,
            })
          }
          confirmLabel="Replace the machine"
          destructive
        />
      );
    case 'delete':
      return (
        <ChangeDialog
          {...common}
          title={`Delete cluster ${cluster.name}`}
          form={
            overview.boundServiceMaps.length > 0 && (
              <FormControlLabel
                control={
                  <Switch
                    checked={force}
                    disabled={!props.platformAdmin}
                    onChange={e => setForce(e.target.checked)}
                  />
                }
                label={`Force: delete it although ${
                  overview.boundServiceMaps.length
                } ServiceMap(s) are bound to it${
                  props.platformAdmin ? '' : ' (platform admins only)'
                }`}
              />
            )
          }
          inputsKey={String(force)}
          send={dryRun =>
            api.deleteCluster(cluster, { confirm: cluster.name, force, dryRun })
          }
          confirmLabel="Delete the cluster"
          destructive
          confirmationText={cluster.name}
        />
      );
    default:
      return (
        <ChangeDialog
          {...common}
          title={`${dialog.action[0].toUpperCase()}${dialog.action.slice(1)} ${
            dialog.addon.title
          } on ${cluster.name}`}
          inputsKey={`${dialog.addon.name}/${dialog.action}`}
          send={dryRun =>
            api.changeClusterAddon(cluster, {
              addon: dialog.addon.name,
              action: dialog.action,
              dryRun,
            })
          }
          confirmLabel={`${dialog.action[0].toUpperCase()}${dialog.action.slice(
            1,
          )} ${dialog.addon.title}`}
          destructive={dialog.action === 'remove'}
        />
      );
  }
}
