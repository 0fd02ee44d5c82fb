import { Document, isMap, isScalar, isSeq, LineCounter, Node } from 'yaml';

/**
 * The line and column (both from 1) of a field in a YAML document: the field's key when it
 * exists, otherwise the key of the nearest enclosing field that does (for a missing field, the
 * object it is missing from).
 */
export function locateField(
  document: Document,
  path: ReadonlyArray<string | number>,
  lineCounter: LineCounter,
): { line: number; column: number } {
  let current: unknown = document.contents;
  let offset = (document.contents as Node | null)?.range?.[0] ?? 0;
  for (const segment of path) {
    if (isMap(current)) {
      const pair = current.items.find(
        item => (isScalar(item.key) ? item.key.value : item.key) === segment,
      );
      if (!pair) {
        break;
      }
      offset = (pair.key as Node | null)?.range?.[0] ?? offset;
      current = pair.value;
    } else if (isSeq(current) && typeof segment === 'number') {
      const item = current.items[segment] as Node | undefined;
      if (!item) {
        break;
      }
      offset = item.range?.[0] ?? offset;
      current = item;
    } else {
      break;
    }
  }
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
