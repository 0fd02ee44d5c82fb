import { InputError } from '@backstage/errors';

/**
 * Where the next page of a scan's findings starts. A scan's findings never change once stored,
 * so an offset in their (total) order is an exact position.
 */
export function encodeFindingsCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64url');
}

export function decodeFindingsCursor(text: string): number {
  let offset: unknown;
  try {
    offset = JSON.parse(
      Buffer.from(text, 'base64url').toString('utf8'),
    )?.offset;
  } catch {
    offset = undefined;
  }
  if (
    typeof offset !== 'number' ||
    !Number.isSafeInteger(offset) ||
    offset < 0
  ) {
    const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
    throw new InputError(
      `cursor: not a findings cursor ('${shown}'); pass the nextCursor of the previous page`,
    );
  }
  return offset;
}
