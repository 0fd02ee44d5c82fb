/** Field selectors as kube-sim holds them, and whether an object matches one. */
import { KubeObject } from '../types';

export type FieldOperator = '=' | '!=';

export interface FieldRequirement {
  field: string;
  operator: FieldOperator;
  value: string;
}

/** All requirements must hold; no requirements matches everything. */
export interface FieldSelector {
  requirements: FieldRequirement[];
}

/** Missing fields, objects and arrays read as ''; numbers and booleans as their text. */
function readField(object: KubeObject, path: string): string {
  let current: unknown = object;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') {
      return '';
    }
    current = (current as Record<string, unknown>)[segment];
  }
  if (typeof current === 'string') {
    return current;
  }
  if (typeof current === 'number' || typeof current === 'boolean') {
    return String(current);
  }
  return '';
}

export function matchesFieldSelector(
  selector: FieldSelector,
  object: KubeObject,
): boolean {
  return selector.requirements.every(({ field, operator, value }) => {
    const actual = readField(object, field);
    return operator === '=' ? actual === value : actual !== value;
  });
}
