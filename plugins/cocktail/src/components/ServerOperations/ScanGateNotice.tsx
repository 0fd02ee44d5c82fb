import Box from '@material-ui/core/Box';
import Checkbox from '@material-ui/core/Checkbox';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { ScanGateReport } from '../../api';

/** What the gate found, as one sentence: the findings at or above its threshold, the unscanned. */
function describeGate(gate: ScanGateReport): string {
  const reasons: string[] = [];
  if (gate.images.length) {
    reasons.push(
      `findings at or above ${gate.threshold.toLocaleLowerCase(
        'en-US',
      )} in ${gate.images
        .map(i => `${i.image} (${i.atOrAbove})`)
        .join(', ')}: ${gate.findings
        .map(
          f =>
            `${f.id} in ${f.packageName} (${f.severity.toLocaleLowerCase(
              'en-US',
            )})`,
        )
        .join(', ')}`,
    );
  }
  if (gate.requireScan && gate.unscanned?.length) {
    reasons.push(`never scanned: ${gate.unscanned.join(', ')}`);
  }
  return `Blocked by the image scan gate: ${reasons.join('; ')}.`;
}

/**
 * Why the image scan gate blocks an operation, and the audited override for those allowed it.
 * `action` names the operation on the override checkbox: "Deploy", "Update", "Roll back".
 */
export function ScanGateNotice(props: {
  gate: ScanGateReport;
  canOverride: boolean;
  override: { enabled: boolean; reason: string };
  onOverrideChange: (override: { enabled: boolean; reason: string }) => void;
  action?: string;
}) {
  const { gate, canOverride, override } = props;
  return (
    <Box mb={2}>
      <Alert severity="error">{describeGate(gate)}</Alert>
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
            label={`${
              props.action ?? 'Deploy'
            } anyway (recorded in the audit log)`}
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
