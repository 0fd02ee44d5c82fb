import { createPermission } from '@backstage/plugin-permission-common';

/**
 * The catalog's resource type: permissions on a Cocktail entity are checked against that
 * entity, so a policy can allow them per Service, per owner or per member role.
 *
 * @public
 */
export const COCKTAIL_ENTITY_RESOURCE_TYPE = 'catalog-entity';

/**
 * Read the registered clusters: list, health, version, nodes.
 *
 * @public
 */
export const cocktailClusterReadPermission = createPermission({
  name: 'cocktail.cluster.read',
  attributes: { action: 'read' },
});

/**
 * Read a server's live status, events and drift.
 *
 * @public
 */
export const cocktailServerReadPermission = createPermission({
  name: 'cocktail.server.read',
  attributes: { action: 'read' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

function operation(name: string, action: 'create' | 'update' | 'delete') {
  return createPermission({
    name: `cocktail.server.${name}`,
    attributes: { action },
    resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
  });
}

/**
 * Apply a server's manifests (and preview them with a dry run).
 *
 * @public
 */
export const cocktailServerDeployPermission = operation('deploy', 'update');
/**
 * Change a server's container images with a rolling update.
 *
 * @public
 */
export const cocktailServerRollingUpdatePermission = operation(
  'rolling-update',
  'update',
);
/**
 * Restart a server's pods.
 *
 * @public
 */
export const cocktailServerRestartPermission = operation('restart', 'update');
/**
 * Change a server's replica count.
 *
 * @public
 */
export const cocktailServerScalePermission = operation('scale', 'update');
/**
 * Change a server's autoscaling bounds and targets.
 *
 * @public
 */
export const cocktailServerAutoscalePermission = operation(
  'autoscale',
  'update',
);
/**
 * Roll a server back to an earlier revision.
 *
 * @public
 */
export const cocktailServerRollbackPermission = operation('rollback', 'update');
/**
 * Suspend or resume a server (scale to zero and back, or suspend a CronJob).
 *
 * @public
 */
export const cocktailServerSuspendPermission = operation('suspend', 'update');
/**
 * Delete a server's objects from its cluster.
 *
 * @public
 */
export const cocktailServerDeletePermission = operation('delete', 'delete');

/**
 * Read the audit log of an entity (and so, in lists, the rows of the entities one may read).
 *
 * @public
 */
export const cocktailAuditReadPermission = createPermission({
  name: 'cocktail.audit.read',
  attributes: { action: 'read' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Create a cluster through Cluster API on the management cluster.
 *
 * @public
 */
export const cocktailClusterCreatePermission = createPermission({
  name: 'cocktail.cluster.create',
  attributes: { action: 'create' },
});

/**
 * Change a cluster after day one: upgrade its Kubernetes version, scale, add or remove node
 * pools, replace machines, cordon and drain nodes, install, upgrade and remove add-ons; checked
 * against the cluster's `kubernetes-cluster` Resource entity, so its owner can be allowed.
 *
 * @public
 */
export const cocktailClusterUpdatePermission = createPermission({
  name: 'cocktail.cluster.update',
  attributes: { action: 'update' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Provision a ServiceMap's namespace: labels, quota, limits, member role bindings.
 *
 * @public
 */
export const cocktailServiceMapProvisionPermission = createPermission({
  name: 'cocktail.servicemap.provision',
  attributes: { action: 'update' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Upload an image scan report (CI uses it with a service token).
 *
 * @public
 */
export const cocktailImageScanCreatePermission = createPermission({
  name: 'cocktail.imagescan.create',
  attributes: { action: 'create' },
});

/**
 * Read image scan findings: checked against the servers (and their Services) that run the image.
 *
 * @public
 */
export const cocktailImageScanReadPermission = createPermission({
  name: 'cocktail.imagescan.read',
  attributes: { action: 'read' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Deploy a server although the image scan gate blocks it (audited with a reason).
 *
 * @public
 */
export const cocktailImageScanOverridePermission = createPermission({
  name: 'cocktail.imagescan.override',
  attributes: { action: 'update' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Ask for time-limited Kubernetes credentials to a ServiceMap's namespace (at most one's own
 * role), and list and revoke one's own.
 *
 * @public
 */
export const cocktailAccessRequestPermission = createPermission({
  name: 'cocktail.access.request',
  attributes: { action: 'create' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * See and revoke everyone's access grants to a ServiceMap's namespace.
 *
 * @public
 */
export const cocktailAccessManagePermission = createPermission({
  name: 'cocktail.access.manage',
  attributes: { action: 'delete' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Get a kubeconfig that reads everything on a cluster but Secrets (its `view` ClusterRole bound
 * cluster-wide), for a limited time; checked against the cluster's `kubernetes-cluster` Resource.
 *
 * @public
 */
export const cocktailAccessClusterPermission = createPermission({
  name: 'cocktail.access.cluster',
  attributes: { action: 'create' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Silence a server's or a ServiceMap's alerts in its cluster's Alertmanager for a while, and
 * expire such silences.
 *
 * @public
 */
export const cocktailAlertSilencePermission = createPermission({
  name: 'cocktail.alert.silence',
  attributes: { action: 'update' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Read what a Service, a ServiceMap or (on its Resource) a cluster cost over a period.
 *
 * @public
 */
export const cocktailCostReadPermission = createPermission({
  name: 'cocktail.cost.read',
  attributes: { action: 'read' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Delete a Cluster API cluster and everything Cluster API made for it; checked against the
 * cluster's Resource entity.
 *
 * @public
 */
export const cocktailClusterDeletePermission = createPermission({
  name: 'cocktail.cluster.delete',
  attributes: { action: 'delete' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * List Velero backups, schedules and restores of a ServiceMap's namespace (or, on a cluster's
 * Resource, of the whole cluster).
 *
 * @public
 */
export const cocktailBackupReadPermission = createPermission({
  name: 'cocktail.backup.read',
  attributes: { action: 'read' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Back up a ServiceMap's namespace now or on a schedule, and remove schedules (or, on a
 * cluster's Resource, the whole cluster).
 *
 * @public
 */
export const cocktailBackupCreatePermission = createPermission({
  name: 'cocktail.backup.create',
  attributes: { action: 'create' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Restore a backup into a ServiceMap's namespace or a new, unclaimed one.
 *
 * @public
 */
export const cocktailBackupRestorePermission = createPermission({
  name: 'cocktail.backup.restore',
  attributes: { action: 'update' },
  resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
});

/**
 * Every Cocktail permission, for the permission integration router.
 *
 * @public
 */
export const cocktailPermissions = [
  cocktailClusterReadPermission,
  cocktailServerReadPermission,
  cocktailServerDeployPermission,
  cocktailServerRollingUpdatePermission,
  cocktailServerRestartPermission,
  cocktailServerScalePermission,
  cocktailServerAutoscalePermission,
  cocktailServerRollbackPermission,
  cocktailServerSuspendPermission,
  cocktailServerDeletePermission,
  cocktailAuditReadPermission,
  cocktailClusterCreatePermission,
  cocktailClusterUpdatePermission,
  cocktailServiceMapProvisionPermission,
  cocktailImageScanCreatePermission,
  cocktailImageScanReadPermission,
  cocktailImageScanOverridePermission,
  cocktailAccessRequestPermission,
  cocktailAccessManagePermission,
  cocktailAccessClusterPermission,
  cocktailAlertSilencePermission,
  cocktailCostReadPermission,
  cocktailClusterDeletePermission,
  cocktailBackupReadPermission,
  cocktailBackupCreatePermission,
  cocktailBackupRestorePermission,
];
