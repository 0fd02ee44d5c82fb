import Box from '@material-ui/core/Box';
import Button from '@material-ui/core/Button';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import {
  CocktailServerEntityV1alpha1,
  ServerStatus,
} from '@cocktailcloud/plugin-cocktail-common';
import { refusalOf, useEntityAccess } from '../../hooks/useEntityAccess';
import { unavailableReason } from './describeChanges';
import { OperationInfo } from './operationCatalog';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: theme.spacing(2),
    padding: theme.spacing(1.5, 0),
    '&:not(:last-child)': {
      borderBottom: `1px solid ${theme.palette.divider}`,
    },
  },
}));

/** One operation: what it does, and its button, disabled with the reason when it cannot run. */
export function OperationRow(props: {
  operation: OperationInfo;
  entity: CocktailServerEntityV1alpha1;
  status?: ServerStatus;
  /** Set when the live status could not be read. */
  statusError?: Error;
  /** The person's decisions on this server (one request for every row). */
  access: ReturnType<typeof useEntityAccess>;
  onStart: () => void;
}) {
  const { operation, entity, status } = props;
  // First the role needed, the person's role and who to ask, as the backend decided.
  let reason = refusalOf(props.access, operation.permission.name);
  if (!reason && !status && props.statusError && operation.id !== 'deploy') {
    reason = 'The live status could not be read; see the error above.';
  } else if (!reason) {
    reason = unavailableReason(operation.id, entity, status);
  }
  const classes = useStyles();
  const reasonId = `cocktail-${operation.id}-reason`;
  return (
    <div className={classes.row}>
      <Box minWidth={0}>
        <Typography variant="subtitle1">{operation.label}</Typography>
        <Typography variant="body2" color="textSecondary">
          {operation.description}
        </Typography>
        {reason && (
          <Typography id={reasonId} variant="caption" color="textSecondary">
            Unavailable: {reason}
          </Typography>
        )}
      </Box>
      <Button
        variant="outlined"
        color={operation.destructive ? 'secondary' : 'primary'}
        disabled={Boolean(reason)}
        aria-describedby={reason ? reasonId : undefined}
        onClick={props.onStart}
        style={{ flexShrink: 0 }}
      >
        {operation.label}…
      </Button>
    </div>
  );
}
