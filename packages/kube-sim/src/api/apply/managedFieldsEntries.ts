/** The fields that metadata.managedFields entries own. */
import { ManagedFieldsEntry } from '../types';
import { FieldSet } from './FieldSet';

export function fieldsOf(entry: ManagedFieldsEntry): FieldSet {
  return FieldSet.fromFieldsV1(entry.fieldsV1 ?? {});
}

/** The entry without the given fields, or undefined when it would own nothing. */
export function withoutFields(
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

export function unionOfFields(entries: ManagedFieldsEntry[]): FieldSet {
  return entries.reduce(
    (union, entry) => union.union(fieldsOf(entry)),
    new FieldSet(),
  );
}

export function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
