import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  AccessGrant,
  AccessGrantIssued,
  AccessGrantList,
  AccessGrantRequest,
  cocktailAccessManagePermission,
  cocktailAccessRequestPermission,
  CocktailRole,
} from '@cocktailcloud/plugin-cocktail-common';
import { createHash, randomUUID } from 'node:crypto';
import { actorOf } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import { allowedAccessRoles, checkAccessRole } from './accessRoles';
import { grantServiceAccountName } from './grantObjects';
import { NamespaceAccessGranter } from './NamespaceAccessGranter';
import { AccessGrantStore } from './types';

/** The ServiceMap a grant is for, as the catalog has it. */
export interface AccessTarget {
  serviceMapRef: string;
  serviceRef: string;
  serviceTitle: string;
  cluster: string;
  namespace: string;
  /** The file name's first part, e.g. `payments-dev`. */
  name: string;
}

/** A person's standing on the target's Service. */
export type Standing = { role?: CocktailRole; platformAdmin: boolean };

export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, 16);
}

/**
 * Who may ask for, see and revoke time-limited access to a ServiceMap's namespace: anyone with a
 * role on its Service asks for at most their own role and sees and revokes their own grants;
 * Service admins (`cocktail.access.manage`) see and revoke everyone's.
 */
export class AccessGrantService {
  constructor(
    private readonly deps: {
      store: AccessGrantStore;
      granter: NamespaceAccessGranter;
      authorize: Authorize;
      auth: AuthService;
      standingOf(
        credentials: BackstageCredentials,
        serviceMapRef: string,
      ): Promise<Standing>;
      maxDurationMinutes: number;
      now?: () => Date;
    },
  ) {}

  async list(
    credentials: BackstageCredentials,
    target: AccessTarget,
  ): Promise<AccessGrantList> {
    const { authorize } = this.deps;
    await authorize(
      credentials,
      cocktailAccessRequestPermission,
      target.serviceMapRef,
    );
    const manager = await this.mayManage(credentials, target);
    const actor = actorOf(this.deps.auth, credentials);
    const active = (await this.deps.store.listActive(target.serviceMapRef))
      .filter(grant => manager || grant.userRef === actor)
      .filter(grant => new Date(grant.expiresAt) > this.now());
    return {
      items: active,
      scope: manager ? 'all' : 'own',
      allowedRoles: allowedAccessRoles(
        await this.deps.standingOf(credentials, target.serviceMapRef),
      ),
      maxDurationMinutes: this.deps.maxDurationMinutes,
    };
  }

  /** Checks the person may have this role; run inside the audited operation. */
  async issue(
    credentials: BackstageCredentials,
    target: AccessTarget,
    request: AccessGrantRequest,
    grantId: string,
  ): Promise<AccessGrantIssued> {
    await this.deps.authorize(
      credentials,
      cocktailAccessRequestPermission,
      target.serviceMapRef,
    );
    checkAccessRole(
      request.role,
      await this.deps.standingOf(credentials, target.serviceMapRef),
      target.serviceTitle,
    );
    const userRef = actorOf(this.deps.auth, credentials);
    const createdAt = this.now();
    const expiresAt = new Date(
      createdAt.getTime() + request.durationMinutes * 60_000,
    );
    const base = {
      id: grantId,
      serviceMapRef: target.serviceMapRef,
      serviceRef: target.serviceRef,
      cluster: target.cluster,
      namespace: target.namespace,
      userRef,
      role: request.role,
      reason: request.reason,
      serviceAccount: grantServiceAccountName(userRef, grantId),
      createdAt: createdAt.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
    const { token, kubeconfig } = await this.deps.granter.grant(
      base,
      request.durationMinutes,
    );
    const grant: AccessGrant = {
      ...base,
      tokenFingerprint: tokenFingerprint(token),
    };
    try {
      await this.deps.store.insert(grant);
    } catch (error) {
      await this.deps.granter.revoke(grant);
      throw error;
    }
    return {
      grant,
      kubeconfig,
      fileName: `${target.name}-${base.serviceAccount.replace(
        /^cocktail-access-/,
        '',
      )}.kubeconfig`,
    };
  }

  /** Revokes a grant of the target's: one's own, or anyone's with `cocktail.access.manage`. */
  async revoke(
    credentials: BackstageCredentials,
    target: AccessTarget,
    grantId: string,
  ): Promise<AccessGrant> {
    await this.deps.authorize(
      credentials,
      cocktailAccessRequestPermission,
      target.serviceMapRef,
    );
    const grant = await this.deps.store.get(grantId);
    if (!grant || grant.serviceMapRef !== target.serviceMapRef) {
      throw new NotFoundError(
        `no access grant ${grantId} on ${target.serviceMapRef}`,
      );
    }
    const actor = actorOf(this.deps.auth, credentials);
    if (grant.userRef !== actor) {
      await this.deps.authorize(
        credentials,
        cocktailAccessManagePermission,
        target.serviceMapRef,
      );
    }
    if (grant.endedAt) {
      throw new ConflictError(
        `access grant ${grantId} already ended at ${grant.endedAt} (${grant.endReason})`,
      );
    }
    await this.deps.granter.revoke(grant);
    const ending = {
      endedAt: this.now(),
      endedBy: actor,
      endReason: 'revoked' as const,
    };
    await this.deps.store.end(grantId, ending);
    return { ...grant, ...ending, endedAt: ending.endedAt.toISOString() };
  }

  newGrantId(): string {
    return randomUUID();
  }

  private async mayManage(
    credentials: BackstageCredentials,
    target: AccessTarget,
  ): Promise<boolean> {
    try {
      await this.deps.authorize(
        credentials,
        cocktailAccessManagePermission,
        target.serviceMapRef,
      );
      return true;
    } catch (error) {
      if ((error as Error).name === 'NotAllowedError') {
        return false;
      }
      throw error;
    }
  }

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }
}
