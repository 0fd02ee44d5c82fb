import type { z } from 'zod';

type Issue = z.core.$ZodIssue & { input?: unknown };

/** `spec.containers[0].image` from `['spec', 'containers', 0, 'image']`. */
export function formatPath(path: PropertyKey[]): string {
  return path
    .map((segment, i) => {
      if (typeof segment === 'number') {
        return `[${segment}]`;
      }
      return i === 0 ? String(segment) : `.${String(segment)}`;
    })
    .join('');
}

function describeInput(input: unknown): string {
  if (input === undefined) {
    return 'nothing';
  }
  const text = JSON.stringify(input) ?? String(input);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The fields an object schema accepts at `path`, to say what was expected instead. */
function knownFieldsAt(schema: z.ZodType, path: PropertyKey[]): string[] {
  let current: any = schema;
  for (const segment of [...path, undefined]) {
    while (
      current &&
      ['optional', 'default', 'nullable', 'pipe', 'prefault'].includes(
        current.def?.type,
      )
    ) {
      current =
        current.def.type === 'pipe' ? current.def.in : current.def.innerType;
    }
    if (segment === undefined || !current) {
      break;
    }
    if (current.def?.type === 'object') {
      current = current.def.shape[segment as string];
    } else if (current.def?.type === 'array') {
      current = current.def.element;
    } else {
      return [];
    }
  }
  return current?.def?.type === 'object' ? Object.keys(current.def.shape) : [];
}

function formatIssue(schema: z.ZodType, where: string, issue: Issue): string[] {
  const prefix = (path: PropertyKey[]) =>
    path.length ? formatPath(path) : where;
  if (issue.code === 'unrecognized_keys') {
    const known = knownFieldsAt(schema, issue.path);
    return issue.keys.map(
      key =>
        `${prefix([...issue.path, key])}: not a known field; expected ${
          known.length ? known.join(', ') : 'no fields'
        }`,
    );
  }
  if (issue.code === 'invalid_union' && issue.errors.length) {
    // Say what the closest alternative wanted rather than "invalid input".
    const closest = [...issue.errors].sort((a, b) => a.length - b.length)[0];
    return closest.flatMap(inner =>
      formatIssue(schema, where, {
        ...inner,
        path: [...issue.path, ...inner.path],
      } as Issue),
    );
  }
  const message = issue.message
    .replace(/^Invalid input: /, '')
    .replace(/, received \w+$/, '');
  if (issue.code === 'invalid_type' && issue.input === undefined) {
    return [`${prefix(issue.path)}: missing; ${message}`];
  }
  const got =
    'input' in issue && !/, got /.test(message)
      ? `, got ${describeInput(issue.input)}`
      : '';
  return [`${prefix(issue.path)}: ${message}${got}`];
}

/**
 * One line per problem, each naming its field, what was expected and what came: the message of
 * the `InputError` every endpoint answers bad input with.
 */
export function formatInputIssues(
  schema: z.ZodType,
  where: string,
  issues: ReadonlyArray<z.core.$ZodIssue>,
): string {
  return [
    ...new Set(issues.flatMap(issue => formatIssue(schema, where, issue))),
  ].join('; ');
}
