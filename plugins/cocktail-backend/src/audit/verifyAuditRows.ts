import { Knex } from 'knex';
import { readAuditAnchor } from './auditAnchor';
import {
  AUDIT_DB_COLUMNS,
  AUDIT_LOG_TABLE,
  AuditDbRow,
  dbRowToAuditRow,
} from './auditDbRow';
import { auditHashMatches } from './auditHash';
import { AuditChainKey } from './chainKey';
import { chainKeyProblem } from './chainKeyProblem';
import { AuditChainBreakReason, AuditRow } from './types';

const VERIFY_BATCH_SIZE = 1000;

export type AuditRowsVerification =
  | { ok: true; checkedRows: number }
  | {
      ok: false;
      checkedRows: number;
      firstBrokenRowId: string;
      reason: AuditChainBreakReason;
      message: string;
    };

/**
 * Recomputes the chain from the first remaining row: each row's hash (keyed
 * rows with `key`) and its link to the row before it.
 */
export async function verifyAuditRows(
  db: Knex,
  key: AuditChainKey | undefined,
): Promise<AuditRowsVerification> {
  let expectedPreviousHash = (await readAuditAnchor(db)).hash;
  let lastId: string | undefined;
  let checkedRows = 0;
  let afterKeyed = false;
  for (;;) {
    const batch = db<AuditDbRow>(AUDIT_LOG_TABLE)
      .select(AUDIT_DB_COLUMNS)
      .orderBy('id', 'asc')
      .limit(VERIFY_BATCH_SIZE);
    if (lastId !== undefined) {
      batch.where('id', '>', lastId);
    }
    const rows: AuditDbRow[] = await batch;
    for (const dbRow of rows) {
      checkedRows += 1;
      const id = String(dbRow.id);
      const problem = await rowProblem(db, dbRow, key, {
        afterKeyed,
        expectedPreviousHash,
        lastCheckedId: lastId,
      });
      if (problem) {
        return { ok: false, checkedRows, firstBrokenRowId: id, ...problem };
      }
      expectedPreviousHash = dbRow.hash;
      lastId = id;
      afterKeyed = afterKeyed || dbRow.key_id !== null;
    }
    if (rows.length < VERIFY_BATCH_SIZE) {
      return { ok: true, checkedRows };
    }
  }
}

/** Why the row breaks the chain, or undefined when it continues it. */
async function rowProblem(
  db: Knex,
  dbRow: AuditDbRow,
  key: AuditChainKey | undefined,
  chain: {
    afterKeyed: boolean;
    expectedPreviousHash: string;
    lastCheckedId: string | undefined;
  },
): Promise<{ reason: AuditChainBreakReason; message: string } | undefined> {
  const id = String(dbRow.id);
  const keyProblem = chainKeyProblem(
    `Audit row ${id}`,
    dbRow.key_id,
    key,
    chain.afterKeyed,
  );
  if (keyProblem) {
    return keyProblem;
  }
  if (!(await hasValidHash(dbRow, key))) {
    return {
      reason: 'hash-mismatch',
      message: `Audit row ${id} does not match its hash: its content was altered after it was written`,
    };
  }
  if (
    dbRow.previous_hash !== chain.expectedPreviousHash &&
    !(await followsRetention(db, dbRow, chain.lastCheckedId))
  ) {
    return {
      reason: 'previous-hash-mismatch',
      message: `Audit row ${id} does not follow the row before it: a row was removed or rows were reordered`,
    };
  }
  return undefined;
}

async function hasValidHash(
  dbRow: AuditDbRow,
  key: AuditChainKey | undefined,
): Promise<boolean> {
  let row: AuditRow;
  try {
    row = dbRowToAuditRow(dbRow);
  } catch {
    // details that no longer parse as JSON were altered too
    return false;
  }
  const rowKey = dbRow.key_id === null ? undefined : key;
  return auditHashMatches(row, rowKey);
}

/**
 * Whether a row that does not follow the last checked one instead follows
 * the rows retention removed while the chain was being verified.
 */
async function followsRetention(
  db: Knex,
  row: AuditDbRow,
  lastCheckedId: string | undefined,
): Promise<boolean> {
  const anchor = await readAuditAnchor(db);
  if (anchor.hash !== row.previous_hash) {
    return false;
  }
  if (lastCheckedId === undefined) {
    return true;
  }
  return (
    anchor.lastRemovedId !== null &&
    BigInt(anchor.lastRemovedId) >= BigInt(lastCheckedId)
  );
}
