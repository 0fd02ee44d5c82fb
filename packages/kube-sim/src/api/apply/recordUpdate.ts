/** Field ownership for ordinary create, update and patch requests (operation `Update`). */
import { KubeObject, ManagedFieldsEntry } from '../types';
import { FieldSet } from './FieldSet';
import { fieldsOf, isDefined, withoutFields } from './managedFieldsEntries';
import { fieldPathsOf } from './objectFields';
import { differsAt } from './valuesAtFieldPaths';

export interface RecordUpdateOptions {
  before: KubeObject | undefined;
  after: KubeObject;
  manager: string;
  now: string;
}

/** The managed fields after `manager` changed `before` into `after`: it takes what it changed. */
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
