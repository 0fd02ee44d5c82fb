import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { Entity } from '@backstage/catalog-model';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Tooltip from '@material-ui/core/Tooltip';
import { useState } from 'react';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { cocktailApiRef } from '../../api';
import { useEntityAccess } from '../../hooks/useEntityAccess';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { AuditChainVerification } from './AuditChainVerification';

/** Why the person may not verify; the backend allows it to platform admins only. */
function refusal(access: ReturnType<typeof useEntityAccess>) {
  if (access.loading) {
    return 'Checking your permissions…';
  }
  if (access.error || !access.value) {
    return `Your permissions could not be read: ${
      access.error?.message ?? 'no answer'
    }`;
  }
  return access.value.platformAdmin
    ? undefined
    : 'Verifying the audit chain needs a platform admin: the chain spans every Service.';
}

/** Verify: recomputes the whole audit chain and shows whether it is intact, or where it breaks. */
export function VerifyAuditChainButton(props: { entity: Entity }) {
  const api = useApi(cocktailApiRef);
  const reason = refusal(useEntityAccess(props.entity));
  const [open, setOpen] = useState(false);
  const [verification, verify] = useAsyncFn(
    () => api.verifyAuditChain(),
    [api],
  );
  const start = () => {
    setOpen(true);
    verify();
  };
  return (
    <>
      <Tooltip
        title={
          reason ?? 'Check that no audit row was altered, removed or rewritten'
        }
      >
        {/* A disabled button gets no hover events; the span does. */}
        <span>
          <Button size="small" disabled={Boolean(reason)} onClick={start}>
            Verify chain
          </Button>
        </span>
      </Tooltip>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        fullWidth
        maxWidth="sm"
      >
        <DialogTitle>Audit chain verification</DialogTitle>
        <DialogContent>
          {verification.loading && <Progress />}
          {verification.error && (
            <ApiErrorPanel error={verification.error} what="Verification" />
          )}
          {verification.value && !verification.loading && (
            <AuditChainVerification result={verification.value} />
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Close</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
