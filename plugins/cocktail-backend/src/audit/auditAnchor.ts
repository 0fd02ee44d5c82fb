import { Knex } from 'knex';
import { AUDIT_ANCHOR_TABLE } from './auditDbRow';
import { GENESIS_HASH } from './auditHash';

/** Where the chain continues from after retention removed its oldest rows. */
export interface AuditAnchor {
  lastRemovedId: string | null;
  /** What the first remaining row's previous_hash must be. */
  hash: string;
  /** When retention last removed rows; null when it never did. */
  updatedAt: Date | null;
}

export async function readAuditAnchor(db: Knex): Promise<AuditAnchor> {
  const row:
    | {
        last_removed_id: string | number | null;
        last_removed_hash: string | null;
        updated_at: Date | number | string | null;
      }
    | undefined = await db(AUDIT_ANCHOR_TABLE)
    .select('last_removed_id', 'last_removed_hash', 'updated_at')
    .first();
  return {
    lastRemovedId:
      row?.last_removed_id === null || row?.last_removed_id === undefined
        ? null
        : String(row.last_removed_id),
    hash: row?.last_removed_hash ?? GENESIS_HASH,
    updatedAt:
      row?.updated_at === null || row?.updated_at === undefined
        ? null
        : new Date(row.updated_at),
  };
}

export async function writeAuditAnchor(
  tx: Knex.Transaction,
  lastRemovedId: string,
  lastRemovedHash: string,
): Promise<void> {
  const values = {
    last_removed_id: lastRemovedId,
    last_removed_hash: lastRemovedHash,
    updated_at: new Date(),
  };
  const updated = await tx(AUDIT_ANCHOR_TABLE).where('id', 1).update(values);
  if (updated === 0) {
    await tx(AUDIT_ANCHOR_TABLE).insert({ id: 1, ...values });
  }
}

/** Whether retention removed the row with this id. */
export function removedByRetention(anchor: AuditAnchor, id: string): boolean {
  return (
    anchor.lastRemovedId !== null && BigInt(id) <= BigInt(anchor.lastRemovedId)
  );
}
