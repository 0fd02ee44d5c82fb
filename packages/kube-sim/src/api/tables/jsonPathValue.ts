/**
 * The value a CRD printer column's JSONPath picks: `.a.b`, `.a[0].b`, and filters such as
 * `.status.conditions[?(@.type=="Ready")].status` (the forms CRDs use). The first match wins.
 */
export function jsonPathValue(object: unknown, path: string): unknown {
  const steps = path.match(/\.[^.[]+|\[\?\(@\.[^)]*\)\]|\[\d+\]/g) ?? [];
  let current: unknown = object;
  for (const step of steps) {
    if (current === undefined || current === null) {
      return undefined;
    }
    if (step.startsWith('[?(')) {
      const filter = step.match(
        /^\[\?\(@\.([\w.-]+)\s*==\s*["']?([^"')]*)["']?\)\]$/,
      );
      if (!filter || !Array.isArray(current)) {
        return undefined;
      }
      const [, key, wanted] = filter;
      current = current.find(
        item => String(jsonPathValue(item, `.${key}`)) === wanted,
      );
    } else if (step.startsWith('[')) {
      current = Array.isArray(current)
        ? current[Number(step.slice(1, -1))]
        : undefined;
    } else {
      current = (current as Record<string, unknown>)[step.slice(1)];
    }
  }
  return current;
}
