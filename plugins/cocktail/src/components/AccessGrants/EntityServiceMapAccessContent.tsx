import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { Alert } from '@material-ui/lab';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cocktailApiRef, describeApiError } from '../../api';
import { entityName } from '../../hooks/entityName';
import { refusalOf, useEntityAccess } from '../../hooks/useEntityAccess';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { YourRoleNotice } from '../common/YourRoleNotice';
import { AccessGrantsTable } from './AccessGrantsTable';
import { useAccessGrantActions } from './useAccessGrantActions';
import { IssuedKubeconfig } from './IssuedKubeconfig';
import { RequestAccessForm } from './RequestAccessForm';

/**
 * The Access tab of a ServiceMap: ask for a kubeconfig for its namespace that expires, download
 * it once, and see and revoke active grants.
 */
export function EntityServiceMapAccessContent() {
  const { entity } = useEntity();
  const api = useApi(cocktailApiRef);
  const name = entityName(entity);
  const access = useEntityAccess(entity);
  const grants = useAsyncRetry(
    () => api.listAccessGrants(name),
    [api, name.namespace, name.name],
  );
  const { issued, dismissIssued, revoking, revokeError, request, revoke } =
    useAccessGrantActions({
      request: (body: Parameters<typeof api.requestAccess>[1]) =>
        api.requestAccess(name, body),
      revoke: grantId => api.revokeAccess(name, grantId),
      reload: () => grants.retry(),
    });

  const refusal = refusalOf(access, 'cocktail.access.request');
  if (access.loading || (grants.loading && !grants.value)) {
    return <Progress />;
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <YourRoleNotice access={access.value} />
      </Grid>
      {/* A new kubeconfig takes the whole width, so its kubectl lines are read in one piece. */}
      <Grid item xs={12} md={issued ? 12 : 5} lg={issued ? 12 : 4}>
        {issued ? (
          <IssuedKubeconfig issued={issued} onDismiss={dismissIssued} />
        ) : (
          <RequestAccessForm
            allowedRoles={grants.value?.allowedRoles ?? []}
            maxDurationMinutes={grants.value?.maxDurationMinutes ?? 480}
            refusal={refusal}
            onRequest={request}
          />
        )}
      </Grid>
      <Grid item xs={12} md={issued ? 12 : 7} lg={issued ? 12 : 8}>
        {revokeError !== undefined && (
          <Alert severity="error" style={{ marginBottom: 16 }}>
            {describeApiError(revokeError).message}
          </Alert>
        )}
        {grants.value && (
          <AccessGrantsTable
            grants={grants.value.items}
            scope={grants.value.scope}
            revoking={revoking}
            onRevoke={revoke}
          />
        )}
        {grants.error && !refusal && (
          <ApiErrorPanel error={grants.error} what="Access grants" />
        )}
      </Grid>
    </Grid>
  );
}
