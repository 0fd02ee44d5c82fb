/** The fields an object sets, as managers can own them. */
import { isPlainObject, JsonObject } from '../jsonValues';
import { isSetList, listMergeKey } from '../patch/listMergeKeys';
import { FieldPath, FieldSet } from './FieldSet';

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

/** The fields an object sets, in the FieldsV1 format of metadata.managedFields. */
export function fieldSetOf(
  applied: Record<string, unknown>,
): Record<string, unknown> {
  return fieldPathsOf(applied).toFieldsV1();
}

export function fieldPathsOf(object: JsonObject): FieldSet {
  const set = new FieldSet();
  collectMapFields(ownedPart(object), [], set);
  return set;
}

/** The part of an object that managers can own: no identity, server-set fields, status or nulls. */
export function ownedPart(object: JsonObject): JsonObject {
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
