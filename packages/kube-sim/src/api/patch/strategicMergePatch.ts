/**
 * Strategic merge patch: a merge patch that merges keyed lists item by item and understands the
 * `$patch`, `$deleteFromPrimitiveList/…` directives (and ignores `$retainKeys`,
 * `$setElementOrder/…`).
 */
import { cloneJson, isPlainObject, jsonEqual, JsonObject } from '../jsonValues';
import { isSetList, listMergeKey } from './listMergeKeys';
import { PatchError } from './PatchError';

const directiveKey = '$patch';
const retainKeysDirective = '$retainKeys';
const setElementOrderPrefix = '$setElementOrder/';
const deleteFromPrimitiveListPrefix = '$deleteFromPrimitiveList/';

/** Returns the patched document; `target` and `patch` are left untouched. */
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
