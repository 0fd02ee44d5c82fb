import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import {
  AccessGrant,
  AccessGrantIssued,
  AccessGrantList,
  cocktailAccessClusterPermission,
} from '@cocktailcloud/plugin-cocktail-common';
import { randomUUID } from 'node:crypto';
import { actorOf } from '../service/auditedOperation';
import { Authorize } from '../service/authorize';
import { AccessGranter } from './AccessGranter';
import { issueGrant, revokeGrant } from './issueGrant';
import { AccessGrantStore } from './types';

/** A cluster whose whole content a grant reads. */
export interface ClusterAccessTarget {
  /** The cluster's `kubernetes-cluster` Resource, e.g. `resource:default/dev`. */
  entityRef: string;
  cluster: string;
}

/**
 * Cluster-wide read for platform admins (`cocktail.access.cluster` on the cluster's Resource):
 * a ServiceAccount in `serviceAccountNamespace` bound cluster-wide to the `view` ClusterRole, so
 * it reads every namespace but no Secrets. Every platform admin sees and may revoke every
 * cluster grant.
 */
export class ClusterReadAccessService {
  constructor(
    private readonly deps: {
      store: AccessGrantStore;
      granter: AccessGranter;
      authorize: Authorize;
      auth: AuthService;
      maxDurationMinutes: number;
      serviceAccountNamespace: string;
      now?: () => Date;
    },
  ) {}

  async list(
    credentials: BackstageCredentials,
    target: ClusterAccessTarget,
  ): Promise<AccessGrantList> {
    await this.authorize(credentials, target);
    const now = this.deps.now?.() ?? new Date();
    const items = (await this.deps.store.listActive(target.entityRef)).filter(
      grant => new Date(grant.expiresAt) > now,
    );
    return {
      items,
      scope: 'all',
      allowedRoles: ['view'],
      maxDurationMinutes: this.deps.maxDurationMinutes,
    };
  }

  async issue(
    credentials: BackstageCredentials,
    target: ClusterAccessTarget,
    request: { durationMinutes: number; reason: string },
    grantId: string,
  ): Promise<AccessGrantIssued> {
    await this.authorize(credentials, target);
    return issueGrant(this.deps, credentials, {
      scope: 'cluster',
      entityRef: target.entityRef,
      cluster: target.cluster,
      namespace: this.deps.serviceAccountNamespace,
      fileNamePrefix: `${target.cluster}-cluster-read`,
      request: { ...request, role: 'view' },
      grantId,
    });
  }

  async revoke(
    credentials: BackstageCredentials,
    target: ClusterAccessTarget,
    grantId: string,
  ): Promise<AccessGrant> {
    await this.authorize(credentials, target);
    const grant = await this.deps.store.get(grantId);
    if (!grant || grant.entityRef !== target.entityRef) {
      throw new NotFoundError(
        `no access grant ${grantId} on ${target.entityRef}`,
      );
    }
    return revokeGrant(this.deps, grant, actorOf(this.deps.auth, credentials));
  }

  newGrantId(): string {
    return randomUUID();
  }

  private authorize(
    credentials: BackstageCredentials,
    target: ClusterAccessTarget,
  ) {
    return this.deps.authorize(
      credentials,
      cocktailAccessClusterPermission,
      target.entityRef,
    );
  }
}
