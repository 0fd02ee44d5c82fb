/** Reading, comparing and removing the value at a field path of an object. */
import { isPlainObject, jsonEqual, JsonObject } from '../jsonValues';
import { FieldPath, FieldSet } from './FieldSet';

const absent = Symbol('absent');

function valueAt(root: unknown, path: FieldPath): unknown {
  let current = root;
  for (const token of path) {
    if (current === absent) {
      return absent;
    }
    current = childAt(current, token);
  }
  return current;
}

function childAt(container: unknown, token: string): unknown {
  if (token.startsWith('f:')) {
    const name = token.slice(2);
    return isPlainObject(container) && Object.hasOwn(container, name)
      ? container[name]
      : absent;
  }
  if (!Array.isArray(container)) {
    return absent;
  }
  const index = itemIndex(container, token);
  return index >= 0 ? container[index] : absent;
}

function itemIndex(list: unknown[], token: string): number {
  const payload = token.slice(2);
  if (token.startsWith('k:')) {
    const key = Object.entries(JSON.parse(payload) as JsonObject);
    return list.findIndex(
      item =>
        isPlainObject(item) &&
        key.every(([name, value]) => jsonEqual(item[name], value)),
    );
  }
  if (token.startsWith('v:')) {
    const value = JSON.parse(payload);
    return list.findIndex(item => jsonEqual(item, value));
  }
  return -1;
}

/**
 * Whether `to` sets the field at `path` differently from `from`. A list item counts as the same
 * when it exists in both; its own fields are compared separately.
 */
export function differsAt(
  from: unknown,
  to: unknown,
  path: FieldPath,
): boolean {
  const fromValue = valueAt(from, path);
  if (fromValue === absent) {
    return true;
  }
  const isMapField = path[path.length - 1].startsWith('f:');
  return isMapField && !jsonEqual(fromValue, valueAt(to, path));
}

export function removeAt(root: unknown, path: FieldPath): boolean {
  const parent = valueAt(root, path.slice(0, -1));
  const token = path[path.length - 1];
  if (token.startsWith('f:') && isPlainObject(parent)) {
    return delete parent[token.slice(2)];
  }
  const index = Array.isArray(parent) ? itemIndex(parent, token) : -1;
  if (index < 0) {
    return false;
  }
  (parent as unknown[]).splice(index, 1);
  return true;
}

// Top-level sections such as `spec` are kept even when empty.
export function pruneEmptyAncestors(
  root: unknown,
  path: FieldPath,
  owned: FieldSet,
) {
  for (let depth = path.length - 1; depth >= 2; depth--) {
    const ancestor = path.slice(0, depth);
    if (!isEmptyContainer(valueAt(root, ancestor)) || owned.has(ancestor)) {
      return;
    }
    removeAt(root, ancestor);
  }
}

function isEmptyContainer(value: unknown): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : isPlainObject(value) && Object.keys(value).length === 0;
}
