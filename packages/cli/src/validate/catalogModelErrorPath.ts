/**
 * Backstage's own validators report problems as sentences. This finds the field they name, as
 * a JSON pointer (`/spec/owner must be string`) or a quoted dotted path (`"metadata.name" is not
 * valid`), and the missing property of a `required` error, so the CLI can point at the line.
 */
export function catalogModelErrorPath(message: string): Array<string | number> {
  const pointer = /(?:^|\s)(\/[\w./~-]*)\s/.exec(message);
  const dotted =
    /"((?:metadata|spec|relations|status|apiVersion|kind)(?:\.[\w/.-]+|\[\d+\])*)"/.exec(
      message,
    );
  let path: Array<string | number> = [];
  if (pointer) {
    path = pointer[1]
      .split('/')
      .filter(Boolean)
      .map(part => (/^\d+$/.test(part) ? Number(part) : part));
  } else if (dotted) {
    path = dotted[1]
      .replace(/\[(\d+)\]/g, '.$1')
      .split('.')
      .map(part => (/^\d+$/.test(part) ? Number(part) : part));
  }
  const missing = /missingProperty: ([\w-]+)/.exec(message);
  if (missing) {
    path.push(missing[1]);
  }
  const extra = /additionalProperty: ([\w-]+)/.exec(message);
  if (extra) {
    path.push(extra[1]);
  }
  return path;
}
