/**
 * The three patch formats the Kubernetes API accepts on PATCH requests: JSON patch (RFC 6902),
 * JSON merge patch (RFC 7386) and strategic merge patch. Server-side apply lives in apply.ts.
 * Every function returns a new value and leaves its inputs untouched.
 */

type JsonObject = Record<string, unknown>;

export class PatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PatchError';
  }
}

export function isPlainObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) {
    return value.map(cloneJson) as T;
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, cloneJson(child)]),
    ) as T;
  }
  return value;
}

export function jsonEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every(key => key in b && jsonEqual(a[key], b[key]))
    );
  }
  return a === b;
}

// ---------------------------------------------------------------------------
// JSON patch (RFC 6902)

interface JsonPatchOperation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) {
    throw new PatchError('a JSON patch must be an array of operations');
  }
  return operations.reduce(
    (document, operation, index) =>
      applyJsonPatchOperation(
        document,
        validateOperation(operation, index),
        index,
      ),
    cloneJson(target),
  );
}

function validateOperation(
  operation: unknown,
  index: number,
): JsonPatchOperation {
  if (!isPlainObject(operation)) {
    throw new PatchError(`operation ${index} is not an object`);
  }
  if (typeof operation.op !== 'string') {
    throw new PatchError(`operation ${index} has no "op"`);
  }
  if (typeof operation.path !== 'string') {
    throw new PatchError(`operation ${index} has no "path"`);
  }
  const needsFrom = operation.op === 'move' || operation.op === 'copy';
  if (needsFrom && typeof operation.from !== 'string') {
    throw new PatchError(`operation ${index} (${operation.op}) has no "from"`);
  }
  const needsValue = ['add', 'replace', 'test'].includes(operation.op);
  if (needsValue && !('value' in operation)) {
    throw new PatchError(`operation ${index} (${operation.op}) has no "value"`);
  }
  return operation as unknown as JsonPatchOperation;
}

// Works on a private copy of the document, so mutating it in place is safe.
function applyJsonPatchOperation(
  document: unknown,
  operation: JsonPatchOperation,
  index: number,
): unknown {
  const path = parsePointer(operation.path);
  switch (operation.op) {
    case 'add':
      return addValue(document, path, cloneJson(operation.value));
    case 'remove':
      return removeValue(document, path);
    case 'replace':
      return addValue(
        removeValue(document, path),
        path,
        cloneJson(operation.value),
      );
    case 'move': {
      const from = parsePointer(operation.from!);
      if (isProperPrefix(from, path)) {
        throw new PatchError(
          `operation ${index} moves "${operation.from}" into its own child "${operation.path}"`,
        );
      }
      const value = getValue(document, from);
      return addValue(removeValue(document, from), path, value);
    }
    case 'copy': {
      const value = getValue(document, parsePointer(operation.from!));
      return addValue(document, path, cloneJson(value));
    }
    case 'test': {
      if (!jsonEqual(getValue(document, path), operation.value)) {
        throw new PatchError(
          `test failed: the value at "${
            operation.path
          }" is not ${JSON.stringify(operation.value)}`,
        );
      }
      return document;
    }
    default:
      throw new PatchError(
        `operation ${index} has an unknown op "${operation.op}"`,
      );
  }
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') {
    return [];
  }
  if (!pointer.startsWith('/')) {
    throw new PatchError(`"${pointer}" is not a JSON pointer`);
  }
  return pointer
    .slice(1)
    .split('/')
    .map(token => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function formatPointer(path: string[]): string {
  return path
    .map(token => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    .join('');
}

function isProperPrefix(prefix: string[], path: string[]): boolean {
  return (
    prefix.length < path.length && prefix.every((token, i) => token === path[i])
  );
}

function getValue(document: unknown, path: string[]): unknown {
  let current = document;
  path.forEach((token, depth) => {
    current = getChild(current, token, path.slice(0, depth + 1));
  });
  return current;
}

function getChild(container: unknown, token: string, path: string[]): unknown {
  if (Array.isArray(container)) {
    return container[existingIndex(container, token, path)];
  }
  if (isPlainObject(container) && Object.hasOwn(container, token)) {
    return container[token];
  }
  throw new PatchError(`path "${formatPointer(path)}" does not exist`);
}

function existingIndex(array: unknown[], token: string, path: string[]) {
  const index = parseArrayIndex(token, path);
  if (index >= array.length) {
    throw new PatchError(`path "${formatPointer(path)}" does not exist`);
  }
  return index;
}

function parseArrayIndex(token: string, path: string[]): number {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) {
    throw new PatchError(
      `"${token}" in "${formatPointer(path)}" is not an array index`,
    );
  }
  return Number(token);
}

function addValue(document: unknown, path: string[], value: unknown) {
  if (path.length === 0) {
    return value;
  }
  const parent = getValue(document, path.slice(0, -1));
  const token = path[path.length - 1];
  if (Array.isArray(parent)) {
    const index = token === '-' ? parent.length : parseArrayIndex(token, path);
    if (index > parent.length) {
      throw new PatchError(
        `index ${index} in "${formatPointer(path)}" is past the end`,
      );
    }
    parent.splice(index, 0, value);
  } else if (isPlainObject(parent)) {
    parent[token] = value;
  } else {
    throw new PatchError(
      `cannot add "${formatPointer(path)}": its parent is not a container`,
    );
  }
  return document;
}

function removeValue(document: unknown, path: string[]): unknown {
  if (path.length === 0) {
    return undefined;
  }
  const parent = getValue(document, path.slice(0, -1));
  const token = path[path.length - 1];
  if (Array.isArray(parent)) {
    parent.splice(existingIndex(parent, token, path), 1);
  } else if (isPlainObject(parent) && Object.hasOwn(parent, token)) {
    delete parent[token];
  } else {
    throw new PatchError(`path "${formatPointer(path)}" does not exist`);
  }
  return document;
}

// ---------------------------------------------------------------------------
// JSON merge patch (RFC 7386)

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  return mergePatchInto(cloneJson(target), patch);
}

// `target` is always a private copy, so it is updated in place.
function mergePatchInto(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) {
    return cloneJson(patch);
  }
  const result: JsonObject = isPlainObject(target) ? target : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = mergePatchInto(result[key], value);
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Strategic merge patch

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

const directiveKey = '$patch';
const retainKeysDirective = '$retainKeys';
const setElementOrderPrefix = '$setElementOrder/';
const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList/';

export function applyStrategicMergePatch(
  target: unknown,
  patch: unknown,
): unknown {
  if (!isPlainObject(patch)) {
    throw new PatchError('a strategic merge patch must be a JSON object');
  }
  if (patch[directiveKey] === 'delete') {
    return {};
  }
  const ownTarget = isPlainObject(target) ? cloneJson(target) : {};
  return mergeMap(ownTarget, cloneJson(patch));
}

// `target` and `patch` are private copies, so they are updated and reused in place.
function mergeMap(target: JsonObject, patch: JsonObject): JsonObject {
  const directive = patch[directiveKey];
  if (directive === 'replace') {
    return mergeMap({}, withoutKey(patch, directiveKey));
  }
  if (directive !== undefined && directive !== 'merge') {
    throw new PatchError(`unknown $patch directive "${String(directive)}"`);
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(deleteFromPrimitiveListPrefix)) {
      removeFromPrimitiveList(target, key, value);
    } else if (isIgnoredDirective(key)) {
      continue;
    } else if (value === null || isDeleteDirective(value)) {
      delete target[key];
    } else {
      target[key] = mergeField(key, target[key], value);
    }
  }
  return target;
}

function isIgnoredDirective(key: string): boolean {
  return (
    key === directiveKey ||
    key === retainKeysDirective ||
    key.startsWith(setElementOrderPrefix)
  );
}

function isDeleteDirective(value: unknown): boolean {
  return isPlainObject(value) && value[directiveKey] === 'delete';
}

function removeFromPrimitiveList(
  target: JsonObject,
  directive: string,
  valuesToRemove: unknown,
) {
  const fieldName = directive.slice(deleteFromPrimitiveListPrefix.length);
  const list = target[fieldName];
  if (Array.isArray(list) && Array.isArray(valuesToRemove)) {
    target[fieldName] = list.filter(
      item => !valuesToRemove.some(value => jsonEqual(value, item)),
    );
  }
}

function mergeField(name: string, target: unknown, patch: unknown): unknown {
  if (isPlainObject(patch)) {
    return mergeMap(isPlainObject(target) ? target : {}, patch);
  }
  if (Array.isArray(patch)) {
    return mergeList(name, Array.isArray(target) ? target : [], patch);
  }
  return patch;
}

function mergeList(name: string, target: unknown[], patch: unknown[]) {
  if (patch.some(isReplaceListDirective)) {
    return patch.filter(item => !isReplaceListDirective(item)).map(stripItem);
  }
  if (isSetList(name)) {
    return [
      ...target,
      ...patch.filter(
        item => !target.some(existing => jsonEqual(existing, item)),
      ),
    ];
  }
  const key = listMergeKey(name, patch);
  return key ? mergeKeyedList(target, patch as JsonObject[], key) : patch;
}

function isReplaceListDirective(item: unknown): boolean {
  return (
    isPlainObject(item) &&
    item[directiveKey] === 'replace' &&
    Object.keys(item).length === 1
  );
}

function stripItem(item: unknown): unknown {
  return isPlainObject(item) ? mergeMap({}, item) : item;
}

function mergeKeyedList(
  target: unknown[],
  patch: JsonObject[],
  key: string,
): unknown[] {
  const result = [...target];
  for (const patchItem of patch) {
    const index = result.findIndex(
      item => isPlainObject(item) && jsonEqual(item[key], patchItem[key]),
    );
    if (isDeleteDirective(patchItem)) {
      if (index >= 0) {
        result.splice(index, 1);
      }
    } else if (index >= 0) {
      result[index] = mergeMap(result[index] as JsonObject, patchItem);
    } else {
      result.push(mergeMap({}, patchItem));
    }
  }
  return result;
}

function withoutKey(object: JsonObject, keyToDrop: string): JsonObject {
  return Object.fromEntries(
    Object.entries(object).filter(([key]) => key !== keyToDrop),
  );
}

// ---------------------------------------------------------------------------

export type PatchType =
  | 'application/json-patch+json'
  | 'application/merge-patch+json'
  | 'application/strategic-merge-patch+json';

export const patchContentTypes: Record<
  PatchType,
  (target: unknown, patch: unknown) => unknown
> = {
  'application/json-patch+json': applyJsonPatch,
  'application/merge-patch+json': applyMergePatch,
  'application/strategic-merge-patch+json': applyStrategicMergePatch,
};
