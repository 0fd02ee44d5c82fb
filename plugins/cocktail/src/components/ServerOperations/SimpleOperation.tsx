import { useApi } from '@backstage/core-plugin-api';
import { cocktailApiRef } from '../../api';
import {
  describeRestart,
  describeResume,
  describeSuspend,
} from './describeChanges';
import { OperationDialog } from './OperationDialog';
import { RolloutProgress } from './RolloutProgress';
import { OperationProps, summarizeResult } from './types';

const SIMPLE = {
  restart: { title: 'Restart', describe: describeRestart, destructive: false },
  suspend: { title: 'Suspend', describe: describeSuspend, destructive: true },
  resume: { title: 'Resume', describe: describeResume, destructive: false },
} as const;

/** Restart, suspend and resume: no inputs, a confirmation and the rollout. */
export function SimpleOperation(
  props: OperationProps & { operation: keyof typeof SIMPLE },
) {
  const api = useApi(cocktailApiRef);
  const { title, describe, destructive } = SIMPLE[props.operation];
  return (
    <OperationDialog
      open={props.open}
      onClose={props.onClose}
      title={`${title} ${props.server.name}`}
      changes={props.status ? describe(props.status) : []}
      confirmLabel={title}
      destructive={destructive}
      run={() => api[props.operation](props.server)}
      renderResult={result => (
        <RolloutProgress
          status={props.status}
          summary={summarizeResult(result)}
        />
      )}
    />
  );
}
