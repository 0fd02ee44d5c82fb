import { KubeObject } from '../api/types';
import { ControllerContext } from './ControllerContext';

/** Binds a pending claim to a new volume of the requested size, as a dynamic provisioner would. */
export function reconcileClaim(ctx: ControllerContext, claim: KubeObject) {
  if (claim.status?.phase === 'Bound' || claim.metadata.deletionTimestamp) {
    return;
  }
  const volumeName = `pvc-${claim.metadata.uid}`;
  const storage = claim.spec?.resources?.requests?.storage ?? '1Gi';
  if (!ctx.store.get(ctx.types.pvs, undefined, volumeName)) {
    ctx.store.create(ctx.types.pvs, {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: volumeName },
      spec: {
        capacity: { storage },
        accessModes: claim.spec?.accessModes ?? ['ReadWriteOnce'],
        storageClassName: claim.spec?.storageClassName ?? 'standard',
        claimRef: {
          namespace: claim.metadata.namespace,
          name: claim.metadata.name,
          uid: claim.metadata.uid,
        },
      },
      status: { phase: 'Bound' },
    });
  }
  ctx.update(ctx.types.pvcs, { ...claim, spec: { ...claim.spec, volumeName } });
  const updated = ctx.store.get(
    ctx.types.pvcs,
    claim.metadata.namespace,
    claim.metadata.name!,
  )!;
  ctx.setStatus(ctx.types.pvcs, updated, {
    phase: 'Bound',
    capacity: { storage },
    accessModes: claim.spec?.accessModes ?? ['ReadWriteOnce'],
  });
  ctx.emitEvent(
    updated,
    ctx.types.pvcs,
    'ProvisioningSucceeded',
    `Successfully provisioned volume ${volumeName}`,
  );
}

/** Marks new namespaces Active; empties a terminating namespace and then lets it go. */
export function reconcileNamespace(
  ctx: ControllerContext,
  namespace: KubeObject,
) {
  const name = namespace.metadata.name!;
  if (!namespace.metadata.deletionTimestamp) {
    if (namespace.status?.phase !== 'Active') {
      ctx.setStatus(ctx.types.namespaces, namespace, { phase: 'Active' });
    }
    return;
  }
  for (const [typeKey, object] of [...ctx.store.allObjects()]) {
    const type = ctx.registry.byTypeKey(typeKey);
    if (
      type?.namespaced &&
      object.metadata.namespace === name &&
      ctx.store.get(type, name, object.metadata.name!)
    ) {
      ctx.store.delete(type, name, object.metadata.name!, {
        resolveType: key => ctx.registry.byTypeKey(key),
      });
    }
  }
  const current = ctx.store.get(ctx.types.namespaces, undefined, name);
  if (current) {
    ctx.update(ctx.types.namespaces, {
      ...current,
      spec: { ...current.spec, finalizers: [] },
    });
  }
}
