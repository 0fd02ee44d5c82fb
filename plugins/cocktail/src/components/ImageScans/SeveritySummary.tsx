import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  SCAN_SEVERITIES,
  ScanSeverity,
  SeverityCounts,
} from '@cocktailcloud/plugin-cocktail-common';

const useStyles = makeStyles(theme => ({
  CRITICAL: {
    backgroundColor: theme.palette.error.dark,
    color: theme.palette.error.contrastText,
  },
  HIGH: {
    backgroundColor: theme.palette.error.main,
    color: theme.palette.error.contrastText,
  },
  MEDIUM: {
    backgroundColor: theme.palette.warning.main,
    color: theme.palette.warning.contrastText,
  },
  LOW: {
    backgroundColor: theme.palette.info.main,
    color: theme.palette.info.contrastText,
  },
  UNKNOWN: {
    backgroundColor: theme.palette.grey[500],
    color: theme.palette.common.white,
  },
}));

/** A severity as a coloured label, used in the summary and the findings table. */
export function SeverityChip(props: {
  severity: ScanSeverity;
  label?: string;
}) {
  const classes = useStyles();
  return (
    <Chip
      size="small"
      className={classes[props.severity]}
      label={props.label ?? props.severity.toLocaleLowerCase('en-US')}
    />
  );
}

/** Findings per severity, with how many have a fix. */
export function SeveritySummary(props: {
  counts: SeverityCounts;
  fixable: SeverityCounts;
}) {
  const total = SCAN_SEVERITIES.reduce((sum, s) => sum + props.counts[s], 0);
  const fixable = SCAN_SEVERITIES.reduce((sum, s) => sum + props.fixable[s], 0);
  return (
    <Box>
      <Box display="flex" flexWrap="wrap" style={{ gap: 8 }} mb={1}>
        {SCAN_SEVERITIES.map(severity => (
          <SeverityChip
            key={severity}
            severity={severity}
            label={`${props.counts[severity]} ${severity.toLocaleLowerCase(
              'en-US',
            )}`}
          />
        ))}
      </Box>
      <Typography variant="body2" color="textSecondary">
        {total === 0
          ? 'No known vulnerabilities in the scanned images.'
          : `${total} findings, ${fixable} with a fixed version available.`}
      </Typography>
    </Box>
  );
}
