import { statusErrors } from '../statusErrors';
import { applyJsonPatch } from './jsonPatch';
import { applyMergePatch } from './mergePatch';
import { PatchError } from './PatchError';
import { applyStrategicMergePatch } from './strategicMergePatch';

export type PatchType =
  | 'application/json-patch+json'
  | 'application/merge-patch+json'
  | 'application/strategic-merge-patch+json';

export const patchContentTypes: Record<
  PatchType,
  (target: unknown, patch: unknown) => unknown
> = {
  'application/json-patch+json': applyJsonPatch,
  'application/merge-patch+json': applyMergePatch,
  'application/strategic-merge-patch+json': applyStrategicMergePatch,
};

/**
 * Applies a PATCH body of the given content type: 415 for a type that is no patch format,
 * 400 for a patch that does not apply.
 */
export function patchValue(
  kind: string,
  existing: unknown,
  patch: unknown,
): unknown {
  if (!Object.hasOwn(patchContentTypes, kind)) {
    throw statusErrors.unsupportedMediaType(kind || '(none)');
  }
  try {
    return patchContentTypes[kind as PatchType](existing, patch);
  } catch (error) {
    if (error instanceof PatchError) {
      throw statusErrors.badRequest(
        `the patch could not be applied: ${error.message}`,
      );
    }
    throw error;
  }
}
