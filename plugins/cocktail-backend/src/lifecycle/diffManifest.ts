import { FieldChange } from '@cocktailcloud/plugin-cocktail-common';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The fields of `desired` whose value differs in `actual`, as dotted paths. Only fields the
 * desired object names are compared, so defaults Kubernetes adds do not count as differences;
 * lists are compared item by item.
 */
export function diffDesiredFields(
  desired: unknown,
  actual: unknown,
  path = '',
): FieldChange[] {
  if (isObject(desired)) {
    const actualObject = isObject(actual) ? actual : {};
    return Object.entries(desired).flatMap(([key, value]) =>
      diffDesiredFields(
        value,
        actualObject[key],
        path ? `${path}.${key}` : key,
      ),
    );
  }
  if (Array.isArray(desired)) {
    const actualList = Array.isArray(actual) ? actual : [];
    const changes = desired.flatMap((item, i) =>
      diffDesiredFields(item, actualList[i], `${path}[${i}]`),
    );
    if (actualList.length > desired.length) {
      changes.push({
        path,
        from: `${actualList.length} items`,
        to: `${desired.length} items`,
      });
    }
    return changes;
  }
  if (desired === actual || String(desired) === String(actual)) {
    return [];
  }
  return [{ path, from: actual, to: desired }];
}
