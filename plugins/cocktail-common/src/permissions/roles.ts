/**
 * A person's role on a Service, from its `spec.owner` (admin) and `spec.members`. ServiceMaps and
 * servers inherit the roles of their Service.
 *
 * @public
 */
export type CocktailRole = 'viewer' | 'developer' | 'admin';

/**
 * The roles from least to most privileged.
 *
 * @public
 */
export const COCKTAIL_ROLES: readonly CocktailRole[] = [
  'viewer',
  'developer',
  'admin',
];

/**
 * Whether `role` includes everything `needed` may do.
 *
 * @public
 */
export function roleIncludes(
  role: CocktailRole | undefined,
  needed: CocktailRole,
): boolean {
  return (
    role !== undefined &&
    COCKTAIL_ROLES.indexOf(role) >= COCKTAIL_ROLES.indexOf(needed)
  );
}

/**
 * The higher of two roles.
 *
 * @public
 */
export function higherRole(
  a: CocktailRole | undefined,
  b: CocktailRole | undefined,
): CocktailRole | undefined {
  if (!a) return b;
  if (!b) return a;
  return COCKTAIL_ROLES.indexOf(a) >= COCKTAIL_ROLES.indexOf(b) ? a : b;
}

/**
 * Who is given a permission:
 * - `service-role`: people with at least `role` on the Service the entity belongs to; with
 *   `openRead`, everyone signed in while `cocktail.permissions.openReads` is true;
 * - `any-service-role`: people with at least `role` on any Service (the permission names no entity);
 * - `signed-in`: everyone signed in;
 * - `platform-admin`: platform admins only, and with `clusterOwner` also the owner of the
 *   cluster's Resource entity.
 * Platform admins are given every permission.
 *
 * @public
 */
export type CocktailAudience =
  | { type: 'service-role'; role: CocktailRole; openRead?: boolean }
  | { type: 'any-service-role'; role: CocktailRole }
  | { type: 'signed-in' }
  | { type: 'platform-admin'; clusterOwner?: boolean };

/**
 * One row of the role → permission table.
 *
 * @public
 */
export interface CocktailPermissionGrant {
  /** The permission's name, e.g. `cocktail.server.scale`. */
  permission: string;
  audience: CocktailAudience;
  /** The action as the start of a sentence: "Scaling needs the developer role on Payments". */
  verb: string;
  /** What the permission lets a person do, for the README and the UI. */
  allows: string;
}

const viewer = (openRead = false): CocktailAudience => ({
  type: 'service-role',
  role: 'viewer',
  ...(openRead ? { openRead } : {}),
});
const developer: CocktailAudience = { type: 'service-role', role: 'developer' };
const admin: CocktailAudience = { type: 'service-role', role: 'admin' };

/**
 * The one source of who may do what. The shipped policy decides by it, the backend explains
 * refusals with it, and the README's table is checked against it.
 *
 * @public
 */
export const COCKTAIL_PERMISSION_GRANTS: readonly CocktailPermissionGrant[] = [
  {
    permission: 'cocktail.cluster.read',
    audience: { type: 'signed-in' },
    verb: 'Reading the cluster list',
    allows: 'list clusters with their health, version and nodes',
  },
  {
    permission: 'cocktail.server.read',
    audience: viewer(true),
    verb: 'Reading status and monitoring',
    allows:
      'read the status, drift, metrics and summaries of servers, ServiceMaps and Services',
  },
  {
    permission: 'cocktail.audit.read',
    audience: viewer(),
    verb: 'Reading the audit log',
    allows: "read and export the audit rows of the Service's entities",
  },
  {
    permission: 'cocktail.imagescan.read',
    audience: viewer(),
    verb: 'Reading scan findings',
    allows: "read the findings of images the Service's servers run",
  },
  {
    permission: 'cocktail.access.request',
    audience: viewer(),
    verb: 'Asking for cluster access',
    allows:
      "get a kubeconfig for the ServiceMap's namespace that expires, with at most their own role (viewer → view, developer → edit, admin → admin), and revoke it",
  },
  {
    permission: 'cocktail.cost.read',
    audience: viewer(),
    verb: 'Reading cost',
    allows:
      "read what the Service and its ServiceMaps cost over 24 hours, 7 or 30 days (a whole cluster's cost is for platform admins)",
  },
  {
    permission: 'cocktail.backup.read',
    audience: viewer(),
    verb: 'Reading backups',
    allows:
      "list the Velero backups, schedules and restores of a ServiceMap's namespace (a whole cluster's are for platform admins)",
  },
  {
    permission: 'cocktail.alert.silence',
    audience: developer,
    verb: 'Silencing alerts',
    allows:
      "silence a server's or a ServiceMap's alerts for a while (all, or one rule's), and end such silences",
  },
  {
    permission: 'cocktail.server.deploy',
    audience: developer,
    verb: 'Deploying',
    allows: 'deploy a server (with a dry run first)',
  },
  {
    permission: 'cocktail.server.rolling-update',
    audience: developer,
    verb: 'Rolling out new images',
    allows: "change a server's images",
  },
  {
    permission: 'cocktail.server.restart',
    audience: developer,
    verb: 'Restarting',
    allows: "restart a server's pods",
  },
  {
    permission: 'cocktail.server.scale',
    audience: developer,
    verb: 'Scaling',
    allows: "change a server's replicas",
  },
  {
    permission: 'cocktail.server.autoscale',
    audience: developer,
    verb: 'Changing autoscaling',
    allows: 'set or remove autoscaling',
  },
  {
    permission: 'cocktail.server.rollback',
    audience: developer,
    verb: 'Rolling back',
    allows: 'roll a server back to an earlier revision',
  },
  {
    permission: 'cocktail.server.suspend',
    audience: developer,
    verb: 'Suspending and resuming',
    allows: 'suspend and resume a server',
  },
  {
    permission: 'cocktail.imagescan.create',
    audience: { type: 'any-service-role', role: 'developer' },
    verb: 'Uploading scans',
    allows: 'upload image scan reports (CI uses an external-access token)',
  },
  {
    permission: 'cocktail.server.delete',
    audience: admin,
    verb: 'Deleting a server',
    allows: "delete a server's objects from its cluster",
  },
  {
    permission: 'cocktail.servicemap.provision',
    audience: admin,
    verb: 'Provisioning a ServiceMap',
    allows:
      "provision a ServiceMap's namespace, quota, limits and role bindings",
  },
  {
    permission: 'cocktail.backup.create',
    audience: admin,
    verb: 'Backing up',
    allows:
      "back up a ServiceMap's namespace now or on a schedule, and remove its schedules (a whole cluster is for platform admins)",
  },
  {
    permission: 'cocktail.backup.restore',
    audience: admin,
    verb: 'Restoring a backup',
    allows:
      "restore a backup into the ServiceMap's namespace or a new namespace no ServiceMap claims",
  },
  {
    permission: 'cocktail.access.manage',
    audience: admin,
    verb: "Managing others' cluster access",
    allows: "see and revoke everyone's cluster access grants on the Service",
  },
  {
    permission: 'cocktail.imagescan.override',
    audience: admin,
    verb: 'Overriding the scan gate',
    allows:
      'deploy, update images or roll back although the image scan gate blocks it, with a reason',
  },
  {
    permission: 'cocktail.cluster.update',
    audience: { type: 'platform-admin', clusterOwner: true },
    verb: 'Changing a cluster',
    allows:
      "upgrade a cluster's Kubernetes version; scale, add and remove node pools; replace machines; cordon and drain nodes; install, upgrade and remove add-ons",
  },
  {
    permission: 'cocktail.cluster.delete',
    audience: { type: 'platform-admin', clusterOwner: true },
    verb: 'Deleting a cluster',
    allows:
      'delete a Cluster API cluster with no ServiceMap bound to it (only platform admins may force it while ServiceMaps are bound)',
  },
  {
    permission: 'cocktail.access.cluster',
    audience: { type: 'platform-admin' },
    verb: 'Reading a whole cluster with kubectl',
    allows:
      'get a kubeconfig that reads everything on a cluster but Secrets, for a limited time, and revoke such grants',
  },
  {
    permission: 'cocktail.cluster.create',
    audience: { type: 'platform-admin' },
    verb: 'Creating clusters',
    allows: 'create clusters through Cluster API',
  },
  {
    permission: 'kubernetes.proxy',
    audience: { type: 'platform-admin' },
    verb: "Using the Kubernetes plugin's proxy",
    allows:
      "send any request to a cluster through Backstage's Kubernetes proxy, with the portal's credentials",
  },
];

/**
 * The grant of a permission, or undefined when the table does not name it.
 *
 * @public
 */
export function cocktailPermissionGrant(
  permissionName: string,
): CocktailPermissionGrant | undefined {
  return COCKTAIL_PERMISSION_GRANTS.find(g => g.permission === permissionName);
}

function audienceCell(audience: CocktailAudience): string {
  switch (audience.type) {
    case 'service-role':
      return `${audience.role} of the Service${
        audience.openRead ? ' (everyone while `openReads` is true)' : ''
      }`;
    case 'any-service-role':
      return `${audience.role} of any Service`;
    case 'signed-in':
      return 'everyone signed in';
    default:
      return `platform admin${
        audience.clusterOwner ? " or the cluster Resource's owner" : ''
      }`;
  }
}

/**
 * The table as Markdown, as the README shows it.
 *
 * @public
 */
export function renderPermissionTableMarkdown(): string {
  const rows = COCKTAIL_PERMISSION_GRANTS.map(
    g => `| \`${g.permission}\` | ${audienceCell(g.audience)} | ${g.allows} |`,
  );
  return [
    '| permission | who (platform admins always) | lets them |',
    '| --- | --- | --- |',
    ...rows,
  ].join('\n');
}
