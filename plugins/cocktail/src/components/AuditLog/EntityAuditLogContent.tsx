import { Progress } from '@backstage/core-components';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { AuditLogTable } from './AuditLogTable';
import { useAuditedEntityRefs } from './useAuditedEntityRefs';
import { VerifyAuditChainButton } from './VerifyAuditChainButton';

/** The Audit log tab of a CocktailServer, ServiceMap, Service or `kubernetes-cluster` Resource. */
export function EntityAuditLogContent() {
  const { entity } = useEntity();
  const refs = useAuditedEntityRefs(entity);
  if (refs.loading) {
    return <Progress />;
  }
  if (refs.error || !refs.value) {
    return (
      <ApiErrorPanel error={refs.error} what="Finding the entities to show" />
    );
  }
  return (
    <AuditLogTable
      entityRefs={refs.value}
      title={
        refs.value.length > 1
          ? `Audit log of ${entity.metadata.name} and its ${
              refs.value.length - 1
            } part(s)`
          : undefined
      }
      actions={<VerifyAuditChainButton entity={entity} />}
    />
  );
}
