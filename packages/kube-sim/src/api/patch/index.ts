/**
 * The three patch formats the Kubernetes API accepts on PATCH requests: JSON patch (RFC 6902),
 * JSON merge patch (RFC 7386) and strategic merge patch. Server-side apply lives in ../apply.
 * Every patch function returns a new value and leaves its inputs untouched.
 */
export { applyJsonPatch } from './jsonPatch';
export { applyMergePatch } from './mergePatch';
export { applyStrategicMergePatch } from './strategicMergePatch';
export { isSetList, listMergeKey } from './listMergeKeys';
export { PatchError } from './PatchError';
export {
  patchContentTypes,
  patchValue,
  type PatchType,
} from './patchContentTypes';
