/** Setting an applied configuration into the live object, merging keyed and set lists. */
import { cloneJson, isPlainObject, jsonEqual, JsonObject } from '../jsonValues';
import { isSetList, listMergeKey } from '../patch/listMergeKeys';

/** Sets the applied values into `live` (a private copy, changed in place) and returns it. */
export function mergeApplied(
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
