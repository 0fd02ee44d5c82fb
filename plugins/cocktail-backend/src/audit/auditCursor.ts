import { InputError } from '@backstage/errors';

/** Position of a row in the (created_at desc, id desc) order. */
export interface AuditCursor {
  createdAt: Date;
  id: string;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  const json = JSON.stringify({
    createdAt: cursor.createdAt.toISOString(),
    id: cursor.id,
  });
  return Buffer.from(json, 'utf8').toString('base64url');
}

export function decodeAuditCursor(text: string): AuditCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(text);
  }
  if (typeof parsed !== 'object' || parsed === null) {
    throw invalidCursor(text);
  }
  const { createdAt, id } = parsed as Record<string, unknown>;
  if (typeof createdAt !== 'string' || typeof id !== 'string') {
    throw invalidCursor(text);
  }
  const date = new Date(createdAt);
  if (Number.isNaN(date.getTime()) || !/^[0-9]{1,19}$/.test(id)) {
    throw invalidCursor(text);
  }
  return { createdAt: date, id };
}

function invalidCursor(text: string): InputError {
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  return new InputError(
    `Invalid audit log cursor '${shown}'; pass the nextCursor of a previous page`,
  );
}
