import { AccessGrant } from '@cocktailcloud/plugin-cocktail-common';

/** A grant as the store keeps it (the wire type: it holds no secret). */
export type StoredAccessGrant = AccessGrant;

/** Where grants are kept: one row each, ended rather than deleted, so history stays. */
export interface AccessGrantStore {
  insert(grant: StoredAccessGrant): Promise<void>;
  get(id: string): Promise<StoredAccessGrant | undefined>;
  /** Grants of a ServiceMap that have not ended (expired ones included until swept). */
  listActive(entityRef: string): Promise<StoredAccessGrant[]>;
  /** Grants past their expiry that have not ended yet, oldest first. */
  listExpired(now: Date): Promise<StoredAccessGrant[]>;
  /**
   * Ends a grant; false when it had already ended (someone else revoked or swept it first).
   */
  end(
    id: string,
    ending: {
      endedAt: Date;
      endedBy: string;
      endReason: 'revoked' | 'expired';
    },
  ): Promise<boolean>;
}
