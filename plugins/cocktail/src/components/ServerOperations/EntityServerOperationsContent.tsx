import { InfoCard } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { CocktailServerEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import { entityName } from '../../hooks/entityName';
import { useServerStatus } from '../../hooks/useServerStatus';
import { useEntityAccess } from '../../hooks/useEntityAccess';
import { YourRoleNotice } from '../common/YourRoleNotice';
import { KubectlAccessLink } from '../AccessGrants/KubectlAccessLink';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { StatusFreshness } from '../ServerOverview/LiveStatusCard';
import { RolloutCard } from '../ServerMonitoring/RolloutCard';
import { AutoscalingOperation } from './AutoscalingOperation';
import { DeleteOperation } from './DeleteOperation';
import { DeployOperation } from './DeployOperation';
import { OperationId, OPERATIONS } from './operationCatalog';
import { OperationRow } from './OperationRow';
import { RollbackOperation } from './RollbackOperation';
import { RollingUpdateOperation } from './RollingUpdateOperation';
import { ScaleOperation } from './ScaleOperation';
import { OperationProps } from './types';
import { SimpleOperation } from './SimpleOperation';

function OperationDialogFor(
  props: OperationProps & { operation: OperationId },
) {
  switch (props.operation) {
    case 'deploy':
      return <DeployOperation {...props} />;
    case 'rolling-update':
      return <RollingUpdateOperation {...props} />;
    case 'scale':
      return <ScaleOperation {...props} />;
    case 'autoscaling':
      return <AutoscalingOperation {...props} />;
    case 'rollback':
      return <RollbackOperation {...props} />;
    case 'delete':
      return <DeleteOperation {...props} />;
    default:
      return <SimpleOperation {...props} operation={props.operation} />;
  }
}

/** The Operations tab: every lifecycle operation with its confirmation, progress and result. */
export function EntityServerOperationsContent() {
  const { entity } = useEntity<CocktailServerEntityV1alpha1>();
  const server = entityName(entity);
  const status = useServerStatus(server);
  const access = useEntityAccess(entity);
  const [active, setActive] = useState<OperationId>();
  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={7}>
        <InfoCard
          title="Operations"
          subheader="Each asks for confirmation and says exactly what will change"
        >
          <YourRoleNotice access={access.value} />
          {status.error && !status.value && (
            <ApiErrorPanel error={status.error} what="Live status" />
          )}
          {OPERATIONS.map(operation => (
            <OperationRow
              key={operation.id}
              operation={operation}
              entity={entity}
              status={status.value}
              statusError={status.error}
              access={access}
              onStart={() => setActive(operation.id)}
            />
          ))}
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={5}>
        {status.value && (
          <>
            <StatusFreshness status={status.value} />
            <RolloutCard status={status.value} />
          </>
        )}
        <KubectlAccessLink entity={entity} />
      </Grid>
      {active && (
        <OperationDialogFor
          operation={active}
          server={server}
          entity={entity}
          status={status.value}
          open
          onClose={() => {
            setActive(undefined);
            status.retry();
          }}
        />
      )}
    </Grid>
  );
}
