import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';

/** Used against a limit, as a bar and as text; red above 90 %. */
export function UsageBar(props: {
  used?: number;
  limit?: number;
  format: (value: number | undefined) => string;
  label?: string;
}) {
  const { used, limit, format, label } = props;
  const percent =
    used !== undefined && limit ? Math.min(100, (used / limit) * 100) : 0;
  return (
    <Box minWidth={120}>
      <Typography variant="body2">
        {label ? `${label}: ` : ''}
        {format(used)}
        {limit ? ` of ${format(limit)} (${Math.round(percent)}%)` : ''}
      </Typography>
      {limit ? (
        <LinearProgress
          variant="determinate"
          value={percent}
          color={percent > 90 ? 'secondary' : 'primary'}
          aria-label={`${label ?? 'usage'} ${Math.round(percent)} percent`}
        />
      ) : null}
    </Box>
  );
}
