/**
 * How the lists of built-in kinds merge, for strategic merge patch and server-side apply: by a
 * merge key, as a set, or (every other list) replaced whole.
 */
import { isPlainObject } from '../jsonValues';

const mergeKeysByListName: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  ownerReferences: 'uid',
  conditions: 'type',
};

/**
 * The key that identifies the items of a list field, or undefined when the list is replaced whole.
 * A list only merges when every item is an object that carries the key.
 */
export function listMergeKey(
  fieldName: string,
  items: unknown[],
): string | undefined {
  const key =
    fieldName === 'ports'
      ? portsMergeKey(items)
      : mergeKeysByListName[fieldName];
  if (!key) {
    return undefined;
  }
  const everyItemHasKey =
    items.length > 0 &&
    items.every(item => isPlainObject(item) && item[key] !== undefined);
  return everyItemHasKey ? key : undefined;
}

// A container's ports are keyed by containerPort, a Service's by port.
function portsMergeKey(items: unknown[]): string {
  const hasContainerPort = items.some(
    item => isPlainObject(item) && item.containerPort !== undefined,
  );
  return hasContainerPort ? 'containerPort' : 'port';
}

/** Lists of scalars that merge as a set (union) rather than being replaced. */
export function isSetList(fieldName: string): boolean {
  return fieldName === 'finalizers';
}
