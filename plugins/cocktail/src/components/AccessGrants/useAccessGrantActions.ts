import {
  AccessGrant,
  AccessGrantIssued,
} from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';

/**
 * Asking for and revoking grants on one page: the kubeconfig just issued (shown once), the grant
 * being revoked and a revoke's error; the grant list is reloaded after each.
 */
export function useAccessGrantActions<Request>(calls: {
  request(body: Request): Promise<AccessGrantIssued>;
  revoke(grantId: string): Promise<unknown>;
  reload(): void;
}) {
  const [issued, setIssued] = useState<AccessGrantIssued>();
  const [revoking, setRevoking] = useState<string>();
  const [revokeError, setRevokeError] = useState<unknown>();

  const request = async (body: Request) => {
    const answer = await calls.request(body);
    setIssued(answer);
    calls.reload();
    return answer;
  };
  const revoke = async (grant: AccessGrant) => {
    setRevoking(grant.id);
    setRevokeError(undefined);
    try {
      await calls.revoke(grant.id);
    } catch (error) {
      setRevokeError(error);
    } finally {
      setRevoking(undefined);
      calls.reload();
    }
  };
  return {
    issued,
    dismissIssued: () => setIssued(undefined),
    revoking,
    revokeError,
    request,
    revoke,
  };
}
