import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { ClusterAccessRequest } from '@cocktailcloud/plugin-cocktail-common';
import Grid from '@material-ui/core/Grid';
import { Alert } from '@material-ui/lab';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { cocktailApiRef, describeApiError } from '../../api';
import { refusalOf, useEntityAccess } from '../../hooks/useEntityAccess';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { AccessGrantsTable } from './AccessGrantsTable';
import { useAccessGrantActions } from './useAccessGrantActions';
import { IssuedKubeconfig } from './IssuedKubeconfig';
import { RequestAccessForm } from './RequestAccessForm';

const CLUSTER_READ = {
  role: 'view' as const,
  description:
    'view on every namespace: read everything but Secrets. Nothing can be changed with it.',
};

/**
 * Cluster-wide read for platform admins on a cluster's page: ask for a kubeconfig that expires,
 * download it once, and see and revoke every admin's active cluster grants. Others see the form
 * disabled with the reason.
 */
export function ClusterReadAccess(props: { entity: Entity }) {
  const api = useApi(cocktailApiRef);
  const cluster = props.entity.metadata.name;
  const access = useEntityAccess(props.entity);
  const refusal = refusalOf(access, 'cocktail.access.cluster');
  const mayAsk = !access.loading && !refusal;
  const grants = useAsyncRetry(
    async () => (mayAsk ? api.listClusterAccessGrants(cluster) : undefined),
    [api, cluster, mayAsk],
  );
  const { issued, dismissIssued, revoking, revokeError, request, revoke } =
    useAccessGrantActions({
      request: (body: ClusterAccessRequest) =>
        api.requestClusterAccess(cluster, {
          durationMinutes: body.durationMinutes,
          reason: body.reason,
        }),
      revoke: grantId => api.revokeClusterAccess(cluster, grantId),
      reload: () => grants.retry(),
    });
  if (access.loading) {
    return <Progress />;
  }

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={issued ? 12 : 5} lg={issued ? 12 : 4}>
        {issued ? (
          <IssuedKubeconfig issued={issued} onDismiss={dismissIssued} />
        ) : (
          <RequestAccessForm
            title="Read the whole cluster"
            fixedRole={CLUSTER_READ}
            allowedRoles={mayAsk ? ['view'] : []}
            maxDurationMinutes={grants.value?.maxDurationMinutes ?? 480}
            refusal={refusal}
            onRequest={request}
          />
        )}
      </Grid>
      {mayAsk && (
        <Grid item xs={12} md={issued ? 12 : 7} lg={issued ? 12 : 8}>
          {revokeError !== undefined && (
            <Alert severity="error" style={{ marginBottom: 16 }}>
              {describeApiError(revokeError).message}
            </Alert>
          )}
          {grants.value && (
            <AccessGrantsTable
              title="Cluster-wide read grants"
              grants={grants.value.items}
              scope="all"
              revoking={revoking}
              onRevoke={revoke}
            />
          )}
          {grants.error && (
            <ApiErrorPanel error={grants.error} what="Cluster access grants" />
          )}
        </Grid>
      )}
    </Grid>
  );
}
