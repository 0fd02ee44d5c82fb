import { useApi } from '@backstage/core-plugin-api';
import Box from '@material-ui/core/Box';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import Switch from '@material-ui/core/Switch';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { AutoscalingRequest, cocktailApiRef } from '../../api';
import { describeAutoscaling } from './describeChanges';
import { OperationDialog } from './OperationDialog';
import { OperationProps, summarizeResult } from './types';
import Alert from '@material-ui/lab/Alert';

function wholeNumber(text: string) {
  return /^\d+$/.test(text) ? Number(text) : NaN;
}

export function AutoscalingOperation(props: OperationProps) {
  const api = useApi(cocktailApiRef);
  const { status } = props;
  const current = status?.autoscaling;
  const [enabled, setEnabled] = useState(true);
  const [min, setMin] = useState(String(current?.minReplicas ?? 2));
  const [max, setMax] = useState(String(current?.maxReplicas ?? 5));
  const [cpu, setCpu] = useState(String(current?.cpuUtilization ?? 80));
  const request: AutoscalingRequest = enabled
    ? {
        minReplicas: wholeNumber(min),
        maxReplicas: wholeNumber(max),
        targetCPUUtilization: wholeNumber(cpu),
      }
    : { enabled: false };
  let invalidReason: string | undefined;
  if (!enabled && !current) {
    invalidReason = 'Autoscaling is already off.';
  } else if ('minReplicas' in request) {
    if (!(request.minReplicas >= 1 && request.minReplicas <= 1000)) {
      invalidReason = 'Minimum replicas: enter a whole number from 1 to 1000.';
    } else if (
      !(
        request.maxReplicas >= request.minReplicas &&
        request.maxReplicas <= 1000
      )
    ) {
      invalidReason =
        'Maximum replicas: enter a whole number from the minimum to 1000.';
    } else if (
      !(
        request.targetCPUUtilization! >= 1 &&
        request.targetCPUUtilization! <= 100
      )
    ) {
      invalidReason = 'Target CPU: enter a percentage from 1 to 100.';
    }
  }
  const field = (label: string, value: string, set: (v: string) => void) => (
    <TextField
      id={`cocktail-autoscaling-${label.replace(/\W+/g, '-').toLowerCase()}`}
      label={label}
      type="number"
      value={value}
      onChange={e => set(e.target.value)}
      margin="normal"
      variant="outlined"
      size="small"
      disabled={!enabled}
    />
  );
  return (
    <OperationDialog
      open={props.open}
      onClose={props.onClose}
      title={`Autoscaling of ${props.server.name}`}
      form={
        <>
          <FormControlLabel
            control={
              <Switch checked={enabled} onChange={(_, v) => setEnabled(v)} />
            }
            label={enabled ? 'Autoscaling on' : 'Autoscaling off'}
          />
          <Box display="flex" style={{ gap: 16 }} flexWrap="wrap">
            {field('Minimum replicas', min, setMin)}
            {field('Maximum replicas', max, setMax)}
            {field('Target CPU %', cpu, setCpu)}
          </Box>
        </>
      }
      invalidReason={invalidReason}
      changes={
        status && !invalidReason ? describeAutoscaling(status, request) : []
      }
      confirmLabel={enabled ? 'Apply autoscaling' : 'Turn autoscaling off'}
      run={() => api.setAutoscaling(props.server, request)}
      renderResult={result => (
        <Alert severity="success">{summarizeResult(result)}</Alert>
      )}
    />
  );
}
