import { randomBytes } from 'node:crypto';

/**
 * Bearer tokens a cluster accepts: the static one it was started with, and those handed out by
 * ServiceAccount TokenRequests until they expire.
 */
export class TokenRegistry {
  private readonly issued = new Map<
    string,
    { expiresAt: number; subject: string }
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
    subject: string,
    expirationSeconds: number,
  ): { token: string; expiresAt: Date } {
    const token = `kube-sim.${randomBytes(24).toString('base64url')}`;
    const expiresAt = this.now() + expirationSeconds * 1000;
    this.issued.set(token, { expiresAt, subject });
    return { token, expiresAt: new Date(expiresAt) };
  }

  accepts(token: string | undefined): boolean {
    if (!token) {
      return false;
    }
    if (token === this.staticToken) {
      return true;
    }
    const entry = this.issued.get(token);
    if (!entry) {
      return false;
    }
    if (entry.expiresAt <= this.now()) {
      this.issued.delete(token);
      return false;
    }
    return true;
  }
}
