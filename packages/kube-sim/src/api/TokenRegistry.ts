import { randomBytes } from 'node:crypto';

/** The ServiceAccount a TokenRequest token was issued for; the token dies with it. */
export interface TokenSubject {
  namespace: string;
  name: string;
  uid: string;
}

export type TokenOwner =
  | { kind: 'static' }
  | { kind: 'serviceAccount'; serviceAccount: TokenSubject }
  /** Issued here once, and expired since: refused even by an open cluster. */
  | { kind: 'expired' };

const ISSUED_PREFIX = 'kube-sim.';

/**
 * Bearer tokens a cluster accepts: the static one it was started with, and those handed out by
 * ServiceAccount TokenRequests until they expire.
 */
export class TokenRegistry {
  private readonly issued = new Map<
    string,
    { expiresAt: number; serviceAccount: TokenSubject }
  >();

  constructor(
    private readonly staticToken?: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whether requests must carry a token at all. */
  get required(): boolean {
    return this.staticToken !== undefined;
  }

  issue(
    serviceAccount: TokenSubject,
    expirationSeconds: number,
  ): { token: string; expiresAt: Date } {
    const token = `${ISSUED_PREFIX}${randomBytes(24).toString('base64url')}`;
    const expiresAt = this.now() + expirationSeconds * 1000;
    this.issued.set(token, { expiresAt, serviceAccount });
    return { token, expiresAt: new Date(expiresAt) };
  }

  /** Whose token this is: undefined for one it never issued (and so cannot vouch for). */
  owner(token: string | undefined): TokenOwner | undefined {
    if (!token) {
      return undefined;
    }
    if (token === this.staticToken) {
      return { kind: 'static' };
    }
    const entry = this.issued.get(token);
    if (!entry) {
      return token.startsWith(ISSUED_PREFIX) ? { kind: 'expired' } : undefined;
    }
    if (entry.expiresAt <= this.now()) {
      return { kind: 'expired' };
    }
    return { kind: 'serviceAccount', serviceAccount: entry.serviceAccount };
  }

  accepts(token: string | undefined): boolean {
    const owner = this.owner(token);
    return owner !== undefined && owner.kind !== 'expired';
  }
}
