/**
 * The Kubernetes ClusterRoles a grant binds, from least to most privileged.
 *
 * @public
 */
export type AccessGrantRole = 'view' | 'edit' | 'admin';

/**
 * The body of `POST /servicemaps/:namespace/:name/access`.
 *
 * @public
 */
export interface AccessGrantRequest {
  role: AccessGrantRole;
  /** At most `cocktail.access.maxDurationMinutes` (480 by default). */
  durationMinutes: number;
  /** Why, for the audit log: 5 to 500 characters. */
  reason: string;
}

/**
 * The body of `POST /clusters/:name/access`: cluster-wide read (`view`) for platform admins.
 *
 * @public
 */
export interface ClusterAccessRequest {
  durationMinutes: number;
  reason: string;
}

/**
 * One grant of time-limited access; the token itself is never stored, only its fingerprint.
 *
 * @public
 */
export interface AccessGrant {
  id: string;
  /** `namespace`: a ServiceMap's namespace; `cluster`: read on the whole cluster. */
  scope: 'namespace' | 'cluster';
  /** The entity the grant is on: the ServiceMap, or the cluster's `kubernetes-cluster` Resource. */
  entityRef: string;
  /** The ServiceMap's Service; absent for cluster-wide grants. */
  serviceRef?: string;
  cluster: string;
  /** The ServiceMap's namespace; for a cluster-wide grant, where its ServiceAccount lives. */
  namespace: string;
  /** Who the access is for: the person who asked. */
  userRef: string;
  role: AccessGrantRole;
  reason: string;
  /** The ServiceAccount the token belongs to; deleting it revokes the token. */
  serviceAccount: string;
  /** The first 16 hex digits of the token's SHA-256. */
  tokenFingerprint: string;
  createdAt: string;
  expiresAt: string;
  /** Set once the grant ended: revoked by someone, or expired and swept. */
  endedAt?: string;
  endedBy?: string;
  endReason?: 'revoked' | 'expired';
}

/**
 * The one answer that carries a grant's credentials.
 *
 * @public
 */
export interface AccessGrantIssued {
  grant: AccessGrant;
  /** A kubeconfig (YAML) for the ServiceMap's namespace; shown once, never stored. */
  kubeconfig: string;
  /** The file name to save it as, e.g. `payments-dev-bob.kubeconfig`. */
  fileName: string;
}

/**
 * `GET /servicemaps/:namespace/:name/access`: the active grants the person may see, and what
 * they may ask for.
 *
 * @public
 */
export interface AccessGrantList {
  items: AccessGrant[];
  /** Whether the list holds everyone's grants (Service admins) or only the person's own. */
  scope: 'all' | 'own';
  /** The roles the person may ask for; empty with `refusal` when none. */
  allowedRoles: AccessGrantRole[];
  refusal?: string;
  maxDurationMinutes: number;
}
