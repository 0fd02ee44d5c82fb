import { Entity, parseEntityRef } from '@backstage/catalog-model';
import { isEntityRef } from './formats';
import { ValidationIssue } from './ValidationIssue';

/**
 * Checks that a reference field names an entity of an allowed kind. A malformed reference is left
 * to the schema's `entity-ref` format, which reports it.
 */
export function checkRefKind(
  entity: Entity,
  ref: unknown,
  path: Array<string | number>,
  options: { defaultKind: string; allowedKinds: string[] },
): ValidationIssue[] {
  if (typeof ref !== 'string' || !isEntityRef(ref)) {
    return [];
  }
  const { kind } = parseEntityRef(ref, {
    defaultKind: options.defaultKind,
    defaultNamespace: entity.metadata.namespace ?? 'default',
  });
  const allowed = options.allowedKinds.map(k => k.toLocaleLowerCase('en-US'));
  if (allowed.includes(kind.toLocaleLowerCase('en-US'))) {
    return [];
  }
  return [
    {
      path,
      message: `must refer to a ${options.allowedKinds.join(
        ' or ',
      )}, got ${JSON.stringify(ref)} (kind ${kind})`,
    },
  ];
}

/** Reports each name (or other key) that appears more than once in a list, at its second and later places. */
export function checkUniqueNames(
  items: unknown,
  path: Array<string | number>,
  what: string,
  key: string = 'name',
): ValidationIssue[] {
  if (!Array.isArray(items)) {
    return [];
  }
  const firstIndex = new Map<unknown, number>();
  const issues: ValidationIssue[] = [];
  items.forEach((item, index) => {
    const name = item?.[key];
    if (typeof name !== 'string') {
      return;
    }
    const first = firstIndex.get(name);
    if (first === undefined) {
      firstIndex.set(name, index);
    } else {
      issues.push({
        path: [...path, index, key],
        message: `duplicates the ${what} ${key} ${JSON.stringify(
          name,
        )} already used at ${path.join(
          '.',
        )}[${first}]; each ${what} ${key} must be unique`,
      });
    }
  });
  return issues;
}
