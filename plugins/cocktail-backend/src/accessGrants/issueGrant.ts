import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import {
  AccessGrant,
  AccessGrantIssued,
  AccessGrantRequest,
} from '@cocktailcloud/plugin-cocktail-common';
import { ConflictError } from '@backstage/errors';
import { createHash } from 'node:crypto';
import { actorOf } from '../service/auditedOperation';
import { AccessGranter } from './AccessGranter';
import { grantServiceAccountName } from './grantObjects';
import { AccessGrantStore } from './types';

export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

/**
 * Makes a checked grant real: its objects and token on the cluster, then its row (the objects
 * are removed again when the row cannot be written). The answer is the only copy of the token.
 */
export async function issueGrant(
  deps: {
    store: AccessGrantStore;
    granter: AccessGranter;
    auth: AuthService;
    now?: () => Date;
  },
  credentials: BackstageCredentials,
  grantTarget: Pick<
    AccessGrant,
    'scope' | 'entityRef' | 'serviceRef' | 'cluster' | 'namespace'
  > & {
    /** The file name's first part, e.g. `payments-dev`. */
    fileNamePrefix: string;
    request: AccessGrantRequest;
    grantId: string;
  },
): Promise<AccessGrantIssued> {
  const { request, grantId, fileNamePrefix, ...target } = grantTarget;
  const userRef = actorOf(deps.auth, credentials);
  const createdAt = deps.now?.() ?? new Date();
  const expiresAt = new Date(
    createdAt.getTime() + request.durationMinutes * 60_000,
  );
  const base = {
    id: grantId,
    ...target,
    userRef,
    role: request.role,
    reason: request.reason,
    serviceAccount: grantServiceAccountName(userRef, grantId),
    createdAt: createdAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
  };
  const { token, kubeconfig } = await deps.granter.grant(
    base,
    request.durationMinutes,
  );
  const grant: AccessGrant = {
    ...base,
    tokenFingerprint: tokenFingerprint(token),
  };
  try {
    await deps.store.insert(grant);
  } catch (error) {
    await deps.granter.revoke(grant);
    throw error;
  }
  return {
    grant,
    kubeconfig,
    fileName: `${fileNamePrefix}-${base.serviceAccount.replace(
      /^cocktail-access-/,
      '',
    )}.kubeconfig`,
  };
}

/** Ends a grant that has not ended yet: its objects go from the cluster, then its row is ended. */
export async function revokeGrant(
  deps: { store: AccessGrantStore; granter: AccessGranter; now?: () => Date },
  grant: AccessGrant,
  actor: string,
): Promise<AccessGrant> {
  if (grant.endedAt) {
    throw new ConflictError(
      `access grant ${grant.id} already ended at ${grant.endedAt} (${grant.endReason})`,
    );
  }
  await deps.granter.revoke(grant);
  const ending = {
    endedAt: deps.now?.() ?? new Date(),
    endedBy: actor,
    endReason: 'revoked' as const,
  };
  await deps.store.end(grant.id, ending);
  return { ...grant, ...ending, endedAt: ending.endedAt.toISOString() };
}
