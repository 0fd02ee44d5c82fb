import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import Alert from '@material-ui/lab/Alert';
import { DeleteResult } from '@cocktailcloud/plugin-cocktail-common';
import useAsync from 'react-use/esm/useAsync';
import { cocktailApiRef } from '../../api';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { OperationDialog } from './OperationDialog';
import { OperationProps } from './types';

function deleteBlocker(
  plan: { loading: boolean; error?: Error; value?: DeleteResult },
  objects: string[],
): string | undefined {
  if (plan.loading) {
    return 'Finding the objects to delete (dry run)…';
  }
  if (plan.error) {
    return 'The dry run failed; see the error above.';
  }
  return objects.length === 0
    ? 'Nothing of this server is on the cluster.'
    : undefined;
}

/** Delete: a dry run lists every object that goes; the user types the server's name. */
export function DeleteOperation(props: OperationProps) {
  const api = useApi(cocktailApiRef);
  const plan = useAsync(
    () => api.deleteServer(props.server, { dryRun: true }),
    [api, props.server.namespace, props.server.name],
  );
  const objects = plan.value?.objects ?? [];
  return (
    <OperationDialog
      open={props.open}
      onClose={props.onClose}
      title={`Delete ${props.server.name} from the cluster`}
      form={
        <>
          {plan.loading && <Progress />}
          {plan.error && <ApiErrorPanel error={plan.error} what="Dry run" />}
        </>
      }
      invalidReason={deleteBlocker(plan, objects)}
      changes={[
        ...objects.map(o => `Delete ${o}.`),
        'The catalog entity stays; deploy recreates the server.',
      ]}
      confirmationText={props.server.name}
      destructive
      confirmLabel="Delete"
      run={() => api.deleteServer(props.server, { dryRun: false })}
      renderResult={result => (
        <Alert severity="success">
          Deleted {(result as DeleteResult).deleted.join(', ') || 'nothing'}.
        </Alert>
      )}
    />
  );
}
