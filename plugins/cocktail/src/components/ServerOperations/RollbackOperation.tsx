import { useApi } from '@backstage/core-plugin-api';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { useState } from 'react';
import { cocktailApiRef } from '../../api';
import { formatTimestamp } from '../common/formatting';
import { describeRollback } from './describeChanges';
import { OperationDialog } from './OperationDialog';
import { RolloutProgress } from './RolloutProgress';
import { ScanGateNotice } from './ScanGateNotice';
import { OperationProps, summarizeResult } from './types';
import { useScanGate } from './useScanGate';

/** Rollback: choose an earlier revision; the image scan gate checks the images it ran. */
export function RollbackOperation(props: OperationProps) {
  const api = useApi(cocktailApiRef);
  const { status } = props;
  const earlier = (status?.revisions ?? [])
    .filter(r => r.revision !== status?.rollout.revision)
    .sort((a, b) => Number(b.revision) - Number(a.revision));
  const [revision, setRevision] = useState(earlier[0]?.revision ?? '');
  const scanGate = useScanGate(
    props.entity,
    props.open && revision
      ? () => api.rollback(props.server, revision, { dryRun: true })
      : undefined,
    [api, props.open, props.server.namespace, props.server.name, revision],
  );
  return (
    <OperationDialog
      open={props.open}
      onClose={props.onClose}
      title={`Roll back ${props.server.name}`}
      form={
        <>
          <TextField
            select
            id="cocktail-rollback-revision"
            label="Revision"
            value={revision}
            onChange={e => setRevision(e.target.value)}
            fullWidth
            margin="normal"
            variant="outlined"
            size="small"
            SelectProps={{ inputProps: { 'aria-label': 'Revision' } }}
          >
            {earlier.map(r => (
              <MenuItem key={r.revision} value={r.revision}>
                Revision {r.revision}: {r.images.join(', ')}
                {r.createdAt ? ` (${formatTimestamp(r.createdAt)})` : ''}
              </MenuItem>
            ))}
          </TextField>
          {scanGate.gate && (
            <ScanGateNotice
              gate={scanGate.gate}
              canOverride={scanGate.canOverride}
              override={scanGate.override}
              onOverrideChange={scanGate.setOverride}
              action="Roll back"
            />
          )}
        </>
      }
      invalidReason={
        revision ? scanGate.invalidReason : 'Choose the revision to go back to.'
      }
      changes={status && revision ? describeRollback(status, revision) : []}
      confirmLabel={`Roll back to revision ${revision}`}
      run={() => api.rollback(props.server, revision, scanGate.fields)}
      renderResult={result => (
        <RolloutProgress status={status} summary={summarizeResult(result)} />
      )}
    />
  );
}
