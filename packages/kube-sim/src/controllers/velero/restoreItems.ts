import { KubeObject } from '../../api/types';
import { ControllerContext } from '../ControllerContext';
import { BackedUpItem, namespaceSelected } from './backupContents';

export interface RestoreResult {
  totalItems: number;
  itemsRestored: number;
  warnings: string[];
  errors: string[];
}

/** An object as Velero recreates it: no status, no server-set metadata, labelled with its backup and restore. */
function restoredObject(
  item: KubeObject,
  namespace: string | undefined,
  labels: Record<string, string>,
): KubeObject {
  const { metadata, status: _status, ...rest } = item;
  const spec = rest.spec ? { ...rest.spec } : undefined;
  if (item.kind === 'Service' && spec) {
    delete spec.clusterIP; // a new address is allocated, as Velero's service restore does
    delete spec.clusterIPs;
  }
  if (item.kind === 'PersistentVolumeClaim' && spec) {
    delete spec.volumeName;
  }
  return {
    ...rest,
    ...(spec && { spec }),
    metadata: {
      name: metadata.name,
      ...(namespace && { namespace }),
      labels: { ...metadata.labels, ...labels },
      ...(metadata.annotations && { annotations: metadata.annotations }),
    },
  };
}

/**
 * Recreates what a backup holds, as Velero restores with `existingResourcePolicy: none`:
 * namespaces first (renamed by `namespaceMapping`), then their objects; an object that already
 * exists is left as it is, with a warning.
 */
export function restoreItems(
  ctx: ControllerContext,
  items: BackedUpItem[],
  restore: KubeObject,
): RestoreResult {
  const spec = restore.spec ?? {};
  const mapping: Record<string, string> = spec.namespaceMapping ?? {};
  const labels = {
    'velero.io/backup-name': spec.backupName,
    'velero.io/restore-name': restore.metadata.name!,
  };
  const selected = items.filter(({ object }) =>
    namespaceSelected(
      object.kind === 'Namespace'
        ? object.metadata.name!
        : object.metadata.namespace!,
      spec.includedNamespaces,
      spec.excludedNamespaces,
    ),
  );
  const result: RestoreResult = {
    totalItems: selected.length,
    itemsRestored: 0,
    warnings: [],
    errors: [],
  };
  for (const { type, object } of selected) {
    const isNamespace = object.kind === 'Namespace';
    const source = isNamespace
      ? object.metadata.name!
      : object.metadata.namespace!;
    const target = mapping[source] ?? source;
    const wanted = restoredObject(
      isNamespace
        ? {
            ...object,
            metadata: {
              ...object.metadata,
              name: target,
              labels: {
                ...object.metadata.labels,
                'kubernetes.io/metadata.name': target,
              },
            },
          }
        : object,
      isNamespace ? undefined : target,
      labels,
    );
    const name = wanted.metadata.name!;
    if (ctx.store.get(type, wanted.metadata.namespace, name)) {
      result.warnings.push(
        `could not restore, ${object.kind} "${name}" already exists in ${
          isNamespace ? 'the cluster' : `namespace ${target}`
        }`,
      );
      continue;
    }
    try {
      ctx.store.create(type, wanted);
      result.itemsRestored++;
    } catch (error) {
      result.errors.push(
        `error restoring ${object.kind} ${target}/${name}: ${
          (error as Error).message
        }`,
      );
    }
  }
  return result;
}
