import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { ScanGateReport } from '../../api';

/** Why the image scan gate blocks a deploy, and the audited override for those allowed it. */
export function ScanGateNotice(props: {
  gate: ScanGateReport;
  canOverride: boolean;
  override: { enabled: boolean; reason: string };
  onOverrideChange: (override: { enabled: boolean; reason: string }) => void;
}) {
  const { gate, canOverride, override } = props;
  return (
    <Box mb={2}>
      <Alert severity="error">
        Blocked by the image scan gate: findings at or above{' '}
        {gate.threshold.toLocaleLowerCase('en-US')} in{' '}
        {gate.images.map(i => `${i.image} (${i.atOrAbove})`).join(', ')}:{' '}
        {gate.findings
          .map(
            f =>
              `${f.id} in ${f.packageName} (${f.severity.toLocaleLowerCase(
                'en-US',
              )})`,
          )
          .join(', ')}
        .
      </Alert>
      {canOverride && (
        <>
          <FormControlLabel
            control={
              <Checkbox
                checked={override.enabled}
                onChange={(_, enabled) =>
                  props.onOverrideChange({ ...override, enabled })
                }
              />
            }
            label="Deploy anyway (recorded in the audit log)"
          />
          {override.enabled && (
            <TextField
              id="cocktail-gate-override-reason"
              label="Why"
              value={override.reason}
              onChange={e =>
                props.onOverrideChange({ ...override, reason: e.target.value })
              }
              fullWidth
              variant="outlined"
              size="small"
            />
          )}
        </>
      )}
    </Box>
  );
}
