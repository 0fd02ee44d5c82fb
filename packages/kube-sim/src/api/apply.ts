/**
 * Server-side apply and field ownership (metadata.managedFields) in the FieldsV1 format.
 *
 * Inside this module a field is a path of FieldsV1 tokens: `f:<name>` for a map field,
 * `k:<json of the merge key>` for an item of a keyed list and `v:<json value>` for an item of a
 * set list. A manager's fields are a FieldSet of such paths; FieldsV1 is only the wire format.
 */
import {
  cloneJson,
  isPlainObject,
  isSetList,
  jsonEqual,
  listMergeKey,
} from './patch';
import { KubeObject, ManagedFieldsEntry } from './types';

type JsonObject = Record<string, unknown>;
type FieldPath = string[];

class FieldSet implements Iterable<FieldPath> {
  private readonly paths = new Map<string, FieldPath>();

  constructor(paths: Iterable<FieldPath> = []) {
    for (const path of paths) {
      this.add(path);
    }
  }

  static fromFieldsV1(fields: unknown): FieldSet {
    const set = new FieldSet();
    collectFieldsV1Paths(fields, [], set);
    return set;
  }

  add(path: FieldPath) {
    this.paths.set(JSON.stringify(path), path);
  }

  has(path: FieldPath): boolean {
    return this.paths.has(JSON.stringify(path));
  }

  get isEmpty(): boolean {
    return this.paths.size === 0;
  }

  [Symbol.iterator]() {
    return this.paths.values();
  }

  union(other: FieldSet): FieldSet {
    return new FieldSet([...this, ...other]);
  }

  difference(other: FieldSet): FieldSet {
    return new FieldSet([...this].filter(path => !other.has(path)));
  }

  intersects(other: FieldSet): boolean {
    return [...this].some(path => other.has(path));
  }

  hasDescendantOf(ancestor: FieldPath): boolean {
    return [...this].some(
      path =>
        path.length > ancestor.length &&
        ancestor.every((token, i) => token === path[i]),
    );
  }

  toFieldsV1(): JsonObject {
    const root: FieldsTreeNode = { isMember: false, children: new Map() };
    for (const path of this) {
      addToTree(root, path);
    }
    return serializeTree(root);
  }
}

function collectFieldsV1Paths(node: unknown, prefix: FieldPath, set: FieldSet) {
  if (!isPlainObject(node)) {
    return;
  }
  for (const [token, child] of Object.entries(node)) {
    if (token === '.') {
      set.add(prefix);
    } else if (isPlainObject(child) && Object.keys(child).length > 0) {
      collectFieldsV1Paths(child, [...prefix, token], set);
    } else {
      set.add([...prefix, token]);
    }
  }
}

interface FieldsTreeNode {
  isMember: boolean;
  children: Map<string, FieldsTreeNode>;
}

function addToTree(root: FieldsTreeNode, path: FieldPath) {
  let node = root;
  for (const token of path) {
    let child = node.children.get(token);
    if (!child) {
      child = { isMember: false, children: new Map() };
      node.children.set(token, child);
    }
    node = child;
  }
  node.isMember = true;
}

// A member with children is marked by a `.` entry; a member without children is just `{}`.
function serializeTree(node: FieldsTreeNode): JsonObject {
  const fields: JsonObject =
    node.isMember && node.children.size > 0 ? { '.': {} } : {};
  for (const [token, child] of node.children) {
    fields[token] = serializeTree(child);
  }
  return fields;
}

// ---------------------------------------------------------------------------
// The fields an object sets

const ignoredTopLevelFields = ['apiVersion', 'kind', 'status'];
const ignoredMetadataFields = [
  'name',
  'namespace',
  'resourceVersion',
  'uid',
  'managedFields',
  'creationTimestamp',
  'generation',
];

export function fieldSetOf(
  applied: Record<string, unknown>,
): Record<string, unknown> {
  return fieldPathsOf(applied).toFieldsV1();
}

function fieldPathsOf(object: JsonObject): FieldSet {
  const set = new FieldSet();
  collectMapFields(ownedPart(object), [], set);
  return set;
}

/** The part of an object that managers can own: no identity, server-set fields, status or nulls. */
function ownedPart(object: JsonObject): JsonObject {
  const owned = withoutKeys(withoutNulls(object), ignoredTopLevelFields);
  if (isPlainObject(owned.metadata)) {
    owned.metadata = withoutKeys(owned.metadata, ignoredMetadataFields);
    if (Object.keys(owned.metadata as JsonObject).length === 0) {
      delete owned.metadata;
    }
  }
  return owned;
}

function withoutKeys(object: JsonObject, keys: string[]): JsonObject {
  return Object.fromEntries(
    Object.entries(object).filter(([key]) => !keys.includes(key)),
  );
}

function withoutNulls(value: unknown): any {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, child]) => child !== null)
        .map(([key, child]) => [key, withoutNulls(child)]),
    );
  }
  return value;
}

function collectMapFields(map: JsonObject, prefix: FieldPath, set: FieldSet) {
  for (const [name, value] of Object.entries(map)) {
    collectField(value, name, [...prefix, `f:${name}`], set);
  }
}

function collectField(
  value: unknown,
  fieldName: string,
  path: FieldPath,
  set: FieldSet,
) {
  const itemTokens = Array.isArray(value)
    ? listItemTokens(fieldName, value)
    : undefined;
  if (isPlainObject(value) && Object.keys(value).length > 0) {
    collectMapFields(value, path, set);
  } else if (Array.isArray(value) && itemTokens) {
    value.forEach((item, i) => {
      const itemPath = [...path, itemTokens[i]];
      set.add(itemPath);
      if (isPlainObject(item)) {
        collectMapFields(item, itemPath, set);
      }
    });
  } else {
    set.add(path);
  }
}

/** Tokens naming each item of a keyed or set list; undefined for an atomic list. */
function listItemTokens(
  fieldName: string,
  list: unknown[],
): string[] | undefined {
  if (list.length === 0) {
    return undefined;
  }
  if (isSetList(fieldName)) {
    return list.map(item => `v:${JSON.stringify(item)}`);
  }
  const key = listMergeKey(fieldName, list);
  return key
    ? list.map(
        item => `k:${JSON.stringify({ [key]: (item as JsonObject)[key] })}`,
      )
    : undefined;
}

// ---------------------------------------------------------------------------
// Reading, comparing and removing the value at a field path

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
function differsAt(from: unknown, to: unknown, path: FieldPath): boolean {
  const fromValue = valueAt(from, path);
  if (fromValue === absent) {
    return true;
  }
  const isMapField = path[path.length - 1].startsWith('f:');
  return isMapField && !jsonEqual(fromValue, valueAt(to, path));
}

function removeAt(root: unknown, path: FieldPath): boolean {
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
function pruneEmptyAncestors(root: unknown, path: FieldPath, owned: FieldSet) {
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

/** `.spec.containers[name="api"].image`, the way Kubernetes words a field in conflicts. */
function describeField(path: FieldPath): string {
  return path.map(describeToken).join('');
}

function describeToken(token: string): string {
  const payload = token.slice(2);
  if (token.startsWith('f:')) {
    return `.${payload}`;
  }
  if (token.startsWith('k:')) {
    const key = Object.entries(JSON.parse(payload) as JsonObject);
    return `[${key
      .map(([name, value]) => `${name}=${JSON.stringify(value)}`)
      .join(',')}]`;
  }
  return `[=${payload}]`;
}

// ---------------------------------------------------------------------------
// Managed fields entries

function fieldsOf(entry: ManagedFieldsEntry): FieldSet {
  return FieldSet.fromFieldsV1(entry.fieldsV1 ?? {});
}

/** The entry without the given fields, or undefined when it would own nothing. */
function withoutFields(
  entry: ManagedFieldsEntry,
  fields: FieldSet,
): ManagedFieldsEntry | undefined {
  const owned = fieldsOf(entry);
  if (!owned.intersects(fields)) {
    return entry;
  }
  const remaining = owned.difference(fields);
  return remaining.isEmpty
    ? undefined
    : { ...entry, fieldsV1: remaining.toFieldsV1() };
}

function unionOfFields(entries: ManagedFieldsEntry[]): FieldSet {
  return entries.reduce(
    (union, entry) => union.union(fieldsOf(entry)),
    new FieldSet(),
  );
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

// ---------------------------------------------------------------------------
// Server-side apply

export interface ServerSideApplyOptions {
  live: KubeObject | undefined;
  applied: KubeObject;
  manager: string;
  force: boolean;
  now: string;
}

export interface ApplyConflict {
  manager: string;
  field: string;
}

export type ServerSideApplyResult =
  | { object: KubeObject; managedFields: ManagedFieldsEntry[] }
  | { conflicts: ApplyConflict[] };

export function serverSideApply(
  options: ServerSideApplyOptions,
): ServerSideApplyResult {
  const { live, applied, manager, force, now } = options;
  const appliedFields = fieldPathsOf(applied);
  const entries = live?.metadata.managedFields ?? [];
  const previousApply = entries.find(
    entry => entry.manager === manager && entry.operation === 'Apply',
  );
  const otherManagersEntries = entries.filter(
    entry => entry.manager !== manager,
  );

  const conflicts = findConflicts(
    live,
    applied,
    appliedFields,
    otherManagersEntries,
  );
  if (conflicts.length > 0 && !force) {
    return {
      conflicts: conflicts.map(conflict => ({
        manager: conflict.manager,
        field: describeField(conflict.path),
      })),
    };
  }

  const forcedAway = new FieldSet(conflicts.map(conflict => conflict.path));
  const ownApplyEntry: ManagedFieldsEntry = {
    manager,
    operation: 'Apply',
    apiVersion: applied.apiVersion,
    time: now,
    fieldsType: 'FieldsV1',
    fieldsV1: appliedFields.toFieldsV1(),
  };
  const managedFields = [
    ...entries.map(entry => {
      if (entry === previousApply) {
        return ownApplyEntry;
      }
      return entry.manager === manager
        ? entry
        : withoutFields(entry, forcedAway);
    }),
    ...(previousApply ? [] : [ownApplyEntry]),
  ].filter(isDefined);

  const object = startingObject(live, applied);
  const previousFields = previousApply
    ? fieldsOf(previousApply)
    : new FieldSet();
  removeDroppedFields(
    object,
    previousFields.difference(appliedFields),
    unionOfFields(managedFields.filter(entry => entry !== ownApplyEntry)),
    appliedFields,
  );
  mergeApplied(object, ownedPart(applied));
  object.apiVersion = applied.apiVersion;
  object.kind = applied.kind;
  return { object, managedFields };
}

function findConflicts(
  live: KubeObject | undefined,
  applied: KubeObject,
  appliedFields: FieldSet,
  otherManagersEntries: ManagedFieldsEntry[],
): Array<{ manager: string; path: FieldPath }> {
  if (!live) {
    return [];
  }
  return otherManagersEntries.flatMap(entry => {
    const owned = fieldsOf(entry);
    return [...appliedFields]
      .filter(path => owned.has(path) && differsAt(live, applied, path))
      .map(path => ({ manager: entry.manager, path }));
  });
}

function startingObject(
  live: KubeObject | undefined,
  applied: KubeObject,
): KubeObject {
  if (live) {
    const object = cloneJson(live);
    delete object.metadata.managedFields;
    return object;
  }
  const { name, namespace } = applied.metadata;
  return {
    apiVersion: applied.apiVersion,
    kind: applied.kind,
    metadata: namespace === undefined ? { name } : { name, namespace },
  };
}

/**
 * Removes the fields the manager stopped applying. A field stays while another manager owns it
 * or anything inside it, and a surviving list item keeps its merge key.
 */
function removeDroppedFields(
  object: KubeObject,
  dropped: FieldSet,
  ownedByOthers: FieldSet,
  appliedFields: FieldSet,
) {
  const stillOwned = ownedByOthers.union(appliedFields);
  for (const path of dropped) {
    const mustStay =
      ownedByOthers.has(path) ||
      ownedByOthers.hasDescendantOf(path) ||
      isMergeKeyOfItem(path);
    if (!mustStay && removeAt(object, path)) {
      pruneEmptyAncestors(object, path, stillOwned);
    }
  }
}

function isMergeKeyOfItem(path: FieldPath): boolean {
  const parent = path[path.length - 2];
  const token = path[path.length - 1];
  if (!parent?.startsWith('k:') || !token.startsWith('f:')) {
    return false;
  }
  return Object.hasOwn(JSON.parse(parent.slice(2)), token.slice(2));
}

/** Sets the applied values into `live` (a private copy, changed in place) and returns it. */
function mergeApplied(
  live: unknown,
  applied: unknown,
  fieldName = '',
): unknown {
  if (isPlainObject(applied)) {
    const result = isPlainObject(live) ? live : {};
    for (const [name, value] of Object.entries(applied)) {
      result[name] = mergeApplied(result[name], value, name);
    }
    return result;
  }
  if (Array.isArray(applied) && Array.isArray(live)) {
    return mergeAppliedList(live, applied, fieldName);
  }
  return cloneJson(applied);
}

function mergeAppliedList(
  live: unknown[],
  applied: unknown[],
  fieldName: string,
): unknown[] {
  if (isSetList(fieldName)) {
    const added = applied.filter(item => !live.some(e => jsonEqual(e, item)));
    return [...live, ...cloneJson(added)];
  }
  const key = listMergeKey(fieldName, applied);
  if (!key) {
    return cloneJson(applied);
  }
  const result = [...live];
  for (const item of applied as JsonObject[]) {
    const index = result.findIndex(
      existing =>
        isPlainObject(existing) && jsonEqual(existing[key], item[key]),
    );
    if (index >= 0) {
      result[index] = mergeApplied(result[index], item);
    } else {
      result.push(cloneJson(item));
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Ownership for ordinary create, update and patch requests

export interface RecordUpdateOptions {
  before: KubeObject | undefined;
  after: KubeObject;
  manager: string;
  now: string;
}

export function recordUpdate(
  options: RecordUpdateOptions,
): ManagedFieldsEntry[] {
  const { before, after, manager, now } = options;
  const entries = before?.metadata.managedFields ?? [];
  const beforeFields = before ? fieldPathsOf(before) : new FieldSet();
  const afterFields = fieldPathsOf(after);
  const changed = new FieldSet(
    [...afterFields].filter(path => differsAt(before, after, path)),
  );
  const removed = beforeFields.difference(afterFields);
  const previousUpdate = entries.find(
    entry =>
      entry.manager === manager &&
      entry.operation === 'Update' &&
      !entry.subresource,
  );

  const ownUpdateEntry = updatedOwnEntry(previousUpdate, changed, removed, {
    manager,
    apiVersion: after.apiVersion,
    now,
  });
  const takenOrGone = changed.union(removed);
  return [
    ...entries.map(entry =>
      entry === previousUpdate
        ? ownUpdateEntry
        : withoutFields(entry, takenOrGone),
    ),
    ...(previousUpdate ? [] : [ownUpdateEntry]),
  ].filter(isDefined);
}

/** The manager's Update entry after a change, or undefined when it owns nothing. */
function updatedOwnEntry(
  previous: ManagedFieldsEntry | undefined,
  changed: FieldSet,
  removed: FieldSet,
  identity: { manager: string; apiVersion: string; now: string },
): ManagedFieldsEntry | undefined {
  const previousFields = previous ? fieldsOf(previous) : new FieldSet();
  if (previous && changed.isEmpty && !previousFields.intersects(removed)) {
    return previous;
  }
  const ownFields = previousFields.union(changed).difference(removed);
  if (ownFields.isEmpty) {
    return undefined;
  }
  return {
    manager: identity.manager,
    operation: 'Update',
    apiVersion: identity.apiVersion,
    time: identity.now,
    fieldsType: 'FieldsV1',
    fieldsV1: ownFields.toFieldsV1(),
  };
}
