/** JSON patch (RFC 6902): a list of add, remove, replace, move, copy and test operations. */
import { cloneJson, isPlainObject, jsonEqual } from '../jsonValues';
import {
  addValue,
  getValue,
  isProperPrefix,
  parsePointer,
  removeValue,
} from './jsonPointer';
import { PatchError } from './PatchError';

interface JsonPatchOperation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

/** Returns the patched document; `target` is left untouched. */
export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) {
    throw new PatchError('a JSON patch must be an array of operations');
  }
  return operations.reduce(
    (document, operation, index) =>
      applyJsonPatchOperation(
        document,
        validateOperation(operation, index),
        index,
      ),
    cloneJson(target),
  );
}

function validateOperation(
  operation: unknown,
  index: number,
): JsonPatchOperation {
  if (!isPlainObject(operation)) {
    throw new PatchError(`operation ${index} is not an object`);
  }
  if (typeof operation.op !== 'string') {
    throw new PatchError(`operation ${index} has no "op"`);
  }
  if (typeof operation.path !== 'string') {
    throw new PatchError(`operation ${index} has no "path"`);
  }
  const needsFrom = operation.op === 'move' || operation.op === 'copy';
  if (needsFrom && typeof operation.from !== 'string') {
    throw new PatchError(`operation ${index} (${operation.op}) has no "from"`);
  }
  const needsValue = ['add', 'replace', 'test'].includes(operation.op);
  if (needsValue && !('value' in operation)) {
    throw new PatchError(`operation ${index} (${operation.op}) has no "value"`);
  }
  return operation as unknown as JsonPatchOperation;
}

// Works on a private copy of the document, so mutating it in place is safe.
function applyJsonPatchOperation(
  document: unknown,
  operation: JsonPatchOperation,
  index: number,
): unknown {
  const path = parsePointer(operation.path);
  switch (operation.op) {
    case 'add':
      return addValue(document, path, cloneJson(operation.value));
    case 'remove':
      return removeValue(document, path);
    case 'replace':
      return addValue(
        removeValue(document, path),
        path,
        cloneJson(operation.value),
      );
    case 'move': {
      const from = parsePointer(operation.from!);
      if (isProperPrefix(from, path)) {
        throw new PatchError(
          `operation ${index} moves "${operation.from}" into its own child "${operation.path}"`,
        );
      }
      const value = getValue(document, from);
      return addValue(removeValue(document, from), path, value);
    }
    case 'copy': {
      const value = getValue(document, parsePointer(operation.from!));
      return addValue(document, path, cloneJson(value));
    }
    case 'test': {
      if (!jsonEqual(getValue(document, path), operation.value)) {
        throw new PatchError(
          `test failed: the value at "${
            operation.path
          }" is not ${JSON.stringify(operation.value)}`,
        );
      }
      return document;
    }
    default:
      throw new PatchError(
        `operation ${index} has an unknown op "${operation.op}"`,
      );
  }
}
