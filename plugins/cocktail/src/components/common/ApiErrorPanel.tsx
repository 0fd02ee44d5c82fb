import { WarningPanel } from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import { describeApiError } from '../../api';

/** A failed request, said as what the user can do about it. */
export function ApiErrorPanel(props: { error: unknown; what?: string }) {
  const { title, message, detail } = describeApiError(props.error);
  return (
    <WarningPanel
      severity="error"
      title={props.what ? `${props.what}: ${title}` : title}
    >
      <Typography variant="body2">{message}</Typography>
      {detail && (
        <Typography variant="caption" color="textSecondary" component="p">
          {detail}
        </Typography>
      )}
    </WarningPanel>
  );
}
