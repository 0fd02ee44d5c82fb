/**
 * A field is a path of FieldsV1 tokens: `f:<name>` for a map field, `k:<json of the merge key>`
 * for an item of a keyed list and `v:<json value>` for an item of a set list. A manager's fields
 * are a FieldSet of such paths; FieldsV1 is only the wire format.
 */
import { isPlainObject, JsonObject } from '../jsonValues';

export type FieldPath = string[];

export class FieldSet implements Iterable<FieldPath> {
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
