/**
 * A field path as a person reads it: `spec.containers[1].ports[0].containerPort`.
 *
 * @public
 */
export function formatFieldPath(
  segments: ReadonlyArray<string | number>,
): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) {
      path += `[${segment}]`;
    } else if (/^[A-Za-z_$][\w$-]*$/.test(segment)) {
      path += path ? `.${segment}` : segment;
    } else {
      path += `[${JSON.stringify(segment)}]`;
    }
  }
  return path || '<root>';
}

/** Splits an ajv instancePath (`/spec/containers/1/name`) into segments, numbers for indices. */
export function parseJsonPointer(pointer: string): Array<string | number> {
  if (!pointer) {
    return [];
  }
  return pointer
    .slice(1)
    .split('/')
    .map(part => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map(part => (/^\d+$/.test(part) ? Number(part) : part));
}
