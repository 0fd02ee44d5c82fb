/** One bad input made from a good one, and the field a refusal has to name. */
export interface BadVariant {
  kind: 'not an object' | 'wrong type' | 'unknown field' | 'bad value';
  /** What was done to the good input, for the report. */
  change: string;
  /** `nodePools[0].replicas`, as the refusal names it. */
  field: string;
  value: unknown;
}

type Path = Array<string | number>;

export function formatField(path: Path): string {
  return path
    .map((segment, i) =>
      typeof segment === 'number'
        ? `[${segment}]`
        : `${i === 0 ? '' : '.'}${segment}`,
    )
    .join('');
}

function setAt(value: unknown, path: Path, replacement: unknown): unknown {
  if (path.length === 0) {
    return replacement;
  }
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    return value.map((item, i) =>
      i === head ? setAt(item, rest, replacement) : item,
    );
  }
  const object = value as Record<string, unknown>;
  return {
    ...object,
    [head]: setAt(object[head as string], rest, replacement),
  };
}

/** Values of another JSON type than the good one. */
function wrongTypesFor(good: unknown): unknown[] {
  if (typeof good === 'string') {
    return [12345, ['text']];
  }
  if (typeof good === 'number') {
    return ['many', true];
  }
  if (typeof good === 'boolean') {
    return ['yes', 1];
  }
  if (Array.isArray(good)) {
    return ['text', { not: 'a list' }];
  }
  return ['text', [1]];
}

function describe(value: unknown) {
  return JSON.stringify(value);
}

function* walk(
  value: unknown,
  path: Path,
): Generator<{ path: Path; value: unknown }> {
  if (path.length) {
    yield { path, value };
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      yield* walk(item, [...path, i]);
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      yield* walk(item, [...path, key]);
    }
  }
}

/**
 * Bad inputs generated from a good one: every field given a value of the wrong JSON type, an
 * unknown field added to every object (unless `openObjects` says which may carry anything), and
 * a body that is not an object at all.
 */
export function badVariants(
  good: Record<string, unknown>,
  options: {
    root: string;
    /** Paths (formatted) of objects that accept any field, like a Trivy report's. */
    openObjects?: (field: string) => boolean;
    /** Fields whose values are free-form, like a reason text, where no wrong type exists. */
    skip?: (field: string) => boolean;
  },
): BadVariant[] {
  const variants: BadVariant[] = [
    {
      kind: 'not an object',
      change: 'a list instead of an object',
      field: options.root,
      value: [1],
    },
    {
      kind: 'not an object',
      change: 'text instead of an object',
      field: options.root,
      value: 'text',
    },
  ];
  const objects: Path[] = [[]];
  for (const { path, value } of walk(good, [])) {
    const field = formatField(path);
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      objects.push(path);
    }
    if (options.skip?.(field)) {
      continue;
    }
    for (const wrong of wrongTypesFor(value)) {
      variants.push({
        kind: 'wrong type',
        change: `${field} = ${describe(wrong)}`,
        field,
        value: setAt(good, path, wrong),
      });
    }
  }
  for (const path of objects) {
    const where = formatField(path);
    if (options.openObjects?.(where)) {
      continue;
    }
    const field = formatField([...path, 'unexpectedField']);
    const object = path.reduce<any>((at, segment) => at[segment], good);
    variants.push({
      kind: 'unknown field',
      change: `unknown field ${field}`,
      field,
      value: setAt(good, path, { ...object, unexpectedField: 1 }),
    });
  }
  return variants;
}

/** A bad value for a field, written by hand where no type rule catches it. */
export function badValue(
  field: string,
  value: unknown,
  change?: string,
): BadVariant {
  return {
    kind: 'bad value',
    change: change ?? `${field} = ${JSON.stringify(value)}`,
    field,
    value,
  };
}
