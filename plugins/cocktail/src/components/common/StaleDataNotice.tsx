import Alert from '@material-ui/lab/Alert';
import { formatDuration } from './formatting';

/** Says that what the page shows may be out of date, since when and why. */
export function StaleDataNotice(props: {
  cluster: string;
  staleForSeconds?: number;
  error?: string;
}) {
  const { cluster, staleForSeconds, error } = props;
  return (
    <Alert severity="warning" role="status">
      {staleForSeconds === undefined
        ? `Cluster ${cluster} has not been fully read yet; what is shown may be incomplete.`
        : `Cluster ${cluster} is not answering: showing what it reported ${formatDuration(
            staleForSeconds,
          )} ago.`}
      {error ? ` Why: ${error}` : ''}
    </Alert>
  );
}
