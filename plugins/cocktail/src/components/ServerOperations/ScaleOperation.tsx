import { useApi } from '@backstage/core-plugin-api';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { cocktailApiRef } from '../../api';
import { describeScale } from './describeChanges';
import { OperationDialog } from './OperationDialog';
import { RolloutProgress } from './RolloutProgress';
import { OperationProps, summarizeResult } from './types';

export function ScaleOperation(props: OperationProps) {
  const api = useApi(cocktailApiRef);
  const { status } = props;
  const [text, setText] = useState(String(status?.replicas.desired ?? 1));
  const replicas = Number(text);
  let invalidReason: string | undefined;
  if (!/^\d+$/.test(text) || replicas > 1000) {
    invalidReason = 'Replicas: enter a whole number from 0 to 1000.';
  } else if (replicas === status?.replicas.desired) {
    invalidReason = `The server already has ${replicas} replicas; enter a different number.`;
  }
  return (
    <OperationDialog
      open={props.open}
      onClose={props.onClose}
      title={`Scale ${props.server.name}`}
      form={
        <TextField
          id="cocktail-scale-replicas"
          label="Replicas"
          type="number"
          inputProps={{ min: 0, max: 1000 }}
          value={text}
          onChange={e => setText(e.target.value)}
          margin="normal"
          variant="outlined"
          size="small"
        />
      }
      invalidReason={invalidReason}
      changes={status && !invalidReason ? describeScale(status, replicas) : []}
      confirmLabel={`Scale to ${text}`}
      destructive={replicas === 0}
      run={() => api.scale(props.server, replicas)}
      renderResult={result => (
        <RolloutProgress status={status} summary={summarizeResult(result)} />
      )}
    />
  );
}
