import { useApi } from '@backstage/core-plugin-api';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import Typography from '@material-ui/core/Typography';
import { NodeDrainResult } from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import { cocktailApiRef } from '../../api';
import { useLiveResource } from '../../hooks/useLiveResource';
import { ChangeDialog, DoneList } from './ChangeDialog';

export type NodeAction = 'cordon' | 'uncordon' | 'drain';

/** The pods still on the node, followed while the drain runs and after it. */
function PodsOnNode(props: { cluster: string; node: string }) {
  const api = useApi(cocktailApiRef);
  const pods = useLiveResource(
    () => api.getNodePods(props.cluster, props.node),
    [api, props.cluster, props.node],
    undefined,
    1_000,
  );
  const left = pods.value?.pods.filter(p => p.ownerKind !== 'DaemonSet');
  return (
    <Typography variant="body2" aria-label="pods left on the node">
      {left
        ? `${left.length} pod${left.length === 1 ? '' : 's'} left on ${
            props.node
          }${
            left.length
              ? `: ${left.map(p => `${p.namespace}/${p.name}`).join(', ')}`
              : ''
          }`
        : 'Reading the pods of the node…'}
    </Typography>
  );
}

function DrainResult(props: { result: NodeDrainResult; cluster: string }) {
  const { result } = props;
  return (
    <>
      <DoneList result={result} />
      <Typography variant="body2">
        Evicted {result.evicted.length} pod
        {result.evicted.length === 1 ? '' : 's'}
        {result.blocked.length
          ? `; ${result.blocked.length} could not be evicted: ${result.blocked
              .map(b => `${b.pod} (${b.reason})`)
              .join('; ')}`
          : ''}
        .
      </Typography>
      <PodsOnNode cluster={props.cluster} node={result.node} />
    </>
  );
}

/** Cordon, uncordon or drain one node, checked by a dry run first; a drain shows its pods leaving. */
export function NodeOperationDialog(props: {
  cluster: string;
  node: string;
  action: NodeAction;
  onClose: () => void;
}) {
  const api = useApi(cocktailApiRef);
  const [force, setForce] = useState(false);
  const { cluster, node, action } = props;
  if (action !== 'drain') {
    return (
      <ChangeDialog
        open
        onClose={props.onClose}
        title={`${action === 'cordon' ? 'Cordon' : 'Uncordon'} node ${node}`}
        inputsKey={action}
        send={dryRun =>
          api.cordonNode(cluster, node, {
            unschedulable: action === 'cordon',
            dryRun,
          })
        }
        confirmLabel={action === 'cordon' ? 'Cordon' : 'Uncordon'}
      />
    );
  }
  return (
    <ChangeDialog<NodeDrainResult>
      open
      onClose={props.onClose}
      title={`Drain node ${node}`}
      form={
        <FormControlLabel
          control={
            <Switch
              checked={force}
              onChange={e => setForce(e.target.checked)}
            />
          }
          label="Force: also evict pods no controller recreates"
        />
      }
      inputsKey={String(force)}
      send={dryRun =>
        api.drainNode(cluster, node, { force, dryRun, timeoutSeconds: 120 })
      }
      confirmLabel="Drain"
      destructive
      renderResult={result => <DrainResult result={result} cluster={cluster} />}
    />
  );
}
