/** Conflicts of a server-side apply: fields another manager owns and the apply would change. */
import { JsonObject } from '../jsonValues';
import { KubeObject, ManagedFieldsEntry } from '../types';
import { FieldPath, FieldSet } from './FieldSet';
import { fieldsOf } from './managedFieldsEntries';
import { differsAt } from './valuesAtFieldPaths';

export interface ApplyConflict {
  manager: string;
  field: string;
}

export function findConflicts(
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

/** `.spec.containers[name="api"].image`, the way Kubernetes words a field in conflicts. */
export function describeField(path: FieldPath): string {
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
