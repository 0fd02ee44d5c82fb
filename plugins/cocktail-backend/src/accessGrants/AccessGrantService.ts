import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  AccessGrant,
  AccessGrantIssued,
  AccessGrantList,
  AccessGrantRequest,
  cocktailAccessManagePermission,
  cocktailAccessRequestPermission,
  CocktailRole,
} from '@cocktailcloud/plugin-cocktail-common';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import { allowedAccessRoles, checkAccessRole } from './accessRoles';
import { issueGrant, revokeGrant } from './issueGrant';
import { AccessGranter } from './AccessGranter';
import { AccessGrantStore } from './types';

/** The ServiceMap a grant is for, as the catalog has it. */
export interface AccessTarget {
  entityRef: string;
  serviceRef: string;
  serviceTitle: string;
  cluster: string;
  namespace: string;
  /** The file name's first part, e.g. `payments-dev`. */
  name: string;
}

/** A person's standing on the target's Service. */
export type Standing = { role?: CocktailRole; platformAdmin: boolean };

/**
 * Who may ask for, see and revoke time-limited access to a ServiceMap's namespace: anyone with a
 * role on its Service asks for at most their own role and sees and revokes their own grants;
 * Service admins (`cocktail.access.manage`) see and revoke everyone's.
 */
export class AccessGrantService {
  constructor(
    private readonly deps: {
      store: AccessGrantStore;
      granter: AccessGranter;
      authorize: Authorize;
      auth: AuthService;
      standingOf(
        credentials: BackstageCredentials,
        entityRef: string,
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
      target.entityRef,
    );
    const manager = await this.mayManage(credentials, target);
    const actor = actorOf(this.deps.auth, credentials);
    const active = (await this.deps.store.listActive(target.entityRef))
      .filter(grant => manager || grant.userRef === actor)
      .filter(grant => new Date(grant.expiresAt) > this.now());
    return {
      items: active,
      scope: manager ? 'all' : 'own',
      allowedRoles: allowedAccessRoles(
        await this.deps.standingOf(credentials, target.entityRef),
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
      target.entityRef,
    );
    checkAccessRole(
      request.role,
      await this.deps.standingOf(credentials, target.entityRef),
      target.serviceTitle,
    );
    return issueGrant(this.deps, credentials, {
      scope: 'namespace',
      entityRef: target.entityRef,
      serviceRef: target.serviceRef,
      cluster: target.cluster,
      namespace: target.namespace,
      fileNamePrefix: target.name,
      request,
      grantId,
    });
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
      target.entityRef,
    );
    const grant = await this.deps.store.get(grantId);
    if (!grant || grant.entityRef !== target.entityRef) {
      throw new NotFoundError(
        `no access grant ${grantId} on ${target.entityRef}`,
      );
    }
    const actor = actorOf(this.deps.auth, credentials);
    if (grant.userRef !== actor) {
      await this.deps.authorize(
        credentials,
        cocktailAccessManagePermission,
        target.entityRef,
      );
    }
    return revokeGrant(this.deps, grant, actor);
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
        target.entityRef,
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
