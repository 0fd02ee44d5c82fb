import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { usePermission } from '@backstage/plugin-permission-react';
import { cocktailImageScanOverridePermission } from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import { ScanGateNotice } from './ScanGateNotice';
import { DeployResult } from '@cocktailcloud/plugin-cocktail-common';
import useAsync from 'react-use/esm/useAsync';
import { cocktailApiRef } from '../../api';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { describeDeployPlan } from './describeChanges';
import { OperationDialog } from './OperationDialog';
import { RolloutProgress } from './RolloutProgress';
import { OperationProps } from './types';

/** Deploy: a dry run on the cluster shows the plan; confirming applies it. */
export function DeployOperation(props: OperationProps) {
  const api = useApi(cocktailApiRef);
  const plan = useAsync(
    () => api.deploy(props.server, { dryRun: true }),
    [api, props.server.namespace, props.server.name],
  );
  const [override, setOverride] = useState({ enabled: false, reason: '' });
  const canOverride = usePermission({
    permission: cocktailImageScanOverridePermission,
    resourceRef: stringifyEntityRef(props.entity),
  }).allowed;
  const gate = plan.value?.gate;
  const nothingToDo =
    plan.value !== undefined &&
    plan.value.changes.every(c => c.action === 'unchanged');
  let invalidReason: string | undefined;
  if (plan.loading) {
    invalidReason = 'Asking the cluster what a deploy would change (dry run)…';
  } else if (plan.error) {
    invalidReason = 'The dry run failed; see the error above.';
  } else if (nothingToDo) {
    invalidReason =
      'Nothing to change: the cluster already matches the catalog spec.';
  } else if (gate?.blocked && !override.enabled) {
    invalidReason = canOverride
      ? 'The image scan gate blocks this deploy; override it below to deploy anyway.'
      : 'The image scan gate blocks this deploy: fix the images, or ask an admin (cocktail.imagescan.override) to deploy it.';
  } else if (gate?.blocked && !override.reason.trim()) {
    invalidReason = 'Say why the image scan gate is overridden.';
  }
  return (
    <OperationDialog
      open={props.open}
      onClose={props.onClose}
      title={`Deploy ${props.server.name} from the catalog`}
      form={
        <>
          {plan.loading && <Progress />}
          {plan.error && <ApiErrorPanel error={plan.error} what="Dry run" />}
          {gate?.blocked && (
            <ScanGateNotice
              gate={gate}
              canOverride={canOverride}
              override={override}
              onOverrideChange={setOverride}
            />
          )}
        </>
      }
      invalidReason={invalidReason}
      changes={plan.value ? describeDeployPlan(plan.value) : []}
      confirmLabel="Deploy"
      run={() =>
        api.deploy(
          props.server,
          gate?.blocked && override.enabled
            ? {
                dryRun: false,
                overrideScanGate: true,
                overrideReason: override.reason.trim(),
              }
            : { dryRun: false },
        )
      }
      renderResult={result => {
        const r = result as DeployResult;
        return (
          <RolloutProgress
            status={props.status}
            summary={`Applied ${r.applied.length} object(s)${
              r.pruned.length ? `, deleted ${r.pruned.join(', ')}` : ''
            }.`}
          />
        );
      }}
    />
  );
}
