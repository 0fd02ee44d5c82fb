import { Knex } from 'knex';
import { readAuditAnchor, removedByRetention } from './auditAnchor';
import {
  AuditCheckpointDbRow,
  computeCheckpointHash,
  dbRowToCheckpoint,
} from './auditCheckpointDbRow';
import {
  AUDIT_CHECKPOINT_TABLE,
  AUDIT_LOG_TABLE,
  AuditDbRow,
} from './auditDbRow';
import { GENESIS_HASH } from './auditHash';
import { AuditChainKey } from './chainKey';
import { chainKeyProblem } from './chainKeyProblem';
import { AuditChainBreakReason, AuditCheckpoint } from './types';

const BATCH_SIZE = 1000;

const COMPARE_HINT =
  'compare with the audit-checkpoint events in the auditor service and the backend log';

export interface CheckpointBreak {
  reason: AuditChainBreakReason;
  message: string;
  firstBrokenRowId?: string;
  brokenCheckpointId?: string;
}

/**
 * Checks every checkpoint's MAC and link to the one before, then that the
 * log still holds the head the newest checkpoint saw.
 */
export async function verifyAuditCheckpoints(
  db: Knex,
  key: AuditChainKey | undefined,
): Promise<{ last?: AuditCheckpoint; break?: CheckpointBreak }> {
  let expectedPreviousHash = GENESIS_HASH;
  let afterKeyed = false;
  let last: AuditCheckpoint | undefined;
  for (;;) {
    const batch = db<AuditCheckpointDbRow>(AUDIT_CHECKPOINT_TABLE)
      .select()
      .orderBy('id', 'asc')
      .limit(BATCH_SIZE);
    if (last) {
      batch.where('id', '>', last.id);
    }
    const rows: AuditCheckpointDbRow[] = await batch;
    for (const row of rows) {
      last = dbRowToCheckpoint(row);
      const problem = await checkpointProblem(
        last,
        key,
        afterKeyed,
        expectedPreviousHash,
      );
      if (problem) {
        return {
          last,
          break: { ...problem, brokenCheckpointId: last.id },
        };
      }
      expectedPreviousHash = last.hash;
      afterKeyed = afterKeyed || last.keyId !== undefined;
    }
    if (rows.length < BATCH_SIZE) {
      break;
    }
  }
  if (!last) {
    return {};
  }
  const headBreak = await checkHead(db, last);
  return headBreak ? { last, break: headBreak } : { last };
}

async function checkpointProblem(
  checkpoint: AuditCheckpoint,
  key: AuditChainKey | undefined,
  afterKeyed: boolean,
  expectedPreviousHash: string,
): Promise<Omit<CheckpointBreak, 'brokenCheckpointId'> | undefined> {
  const what = `Audit checkpoint ${checkpoint.id} of ${checkpoint.createdAt}`;
  const keyProblem = chainKeyProblem(
    what,
    checkpoint.keyId ?? null,
    key,
    afterKeyed,
  );
  if (keyProblem) {
    return {
      reason:
        keyProblem.reason === 'key-mismatch'
          ? 'key-mismatch'
          : 'checkpoint-mismatch',
      message: keyProblem.message,
    };
  }
  const checkpointKey = checkpoint.keyId === undefined ? undefined : key;
  if (
    (await computeCheckpointHash(checkpoint, checkpointKey)) !== checkpoint.hash
  ) {
    return {
      reason: 'checkpoint-mismatch',
      message: `${what} does not match its MAC: the checkpoints were altered; ${COMPARE_HINT}`,
    };
  }
  if (checkpoint.previousHash !== expectedPreviousHash) {
    return {
      reason: 'checkpoint-mismatch',
      message: `${what} does not follow the checkpoint before it: a checkpoint was removed; ${COMPARE_HINT}`,
    };
  }
  return undefined;
}

/** Whether the log still ends at, or runs through, the head the checkpoint saw. */
async function checkHead(
  db: Knex,
  checkpoint: AuditCheckpoint,
): Promise<CheckpointBreak | undefined> {
  const { headRowId, headHash, createdAt } = checkpoint;
  const head: Pick<AuditDbRow, 'hash' | 'key_id'> | undefined = await db(
    AUDIT_LOG_TABLE,
  )
    .select('hash', 'key_id')
    .where('id', headRowId)
    .first();
  if (head) {
    if (head.hash === headHash) {
      return undefined;
    }
    const withoutKey =
      head.key_id === null && checkpoint.keyId !== undefined
        ? ', recomputed without the chain key'
        : '';
    return {
      reason: 'rewritten',
      firstBrokenRowId: headRowId,
      message: `Audit row ${headRowId} was rewritten after the checkpoint of ${createdAt}: the checkpoint saw hash ${short(
        headHash,
      )}, the row now has ${short(
        head.hash,
      )}${withoutKey}. Restore the log from a backup; ${COMPARE_HINT}`,
    };
  }
  const anchor = await readAuditAnchor(db);
  if (removedByRetention(anchor, headRowId)) {
    return undefined;
  }
  const newest = await newestRowId(db);
  if (newest !== undefined && BigInt(newest) > BigInt(headRowId)) {
    return {
      reason: 'rewritten',
      firstBrokenRowId: headRowId,
      message: `Audit row ${headRowId}, the newest row the checkpoint of ${createdAt} saw, is gone although later rows follow it: the log was rewritten after the checkpoint. Restore the log from a backup; ${COMPARE_HINT}`,
    };
  }
  const missing = await missingRowCount(db, checkpoint, anchor.updatedAt);
  return {
    reason: 'truncated',
    firstBrokenRowId: headRowId,
    message: `${removedRows(
      missing,
    )}: the checkpoint of ${createdAt} saw the log end at row ${headRowId} with hash ${short(
      headHash,
    )} (${checkpoint.rowCount} rows); ${
      newest === undefined
        ? 'the log is now empty'
        : `the log now ends at row ${newest}`
    }. Restore the missing rows from a backup; ${COMPARE_HINT}`,
  };
}

async function newestRowId(db: Knex): Promise<string | undefined> {
  const row = await db(AUDIT_LOG_TABLE).max({ id: 'id' }).first();
  return row?.id === null || row?.id === undefined ? undefined : String(row.id);
}

/**
 * How many of the rows the checkpoint counted are gone; unknown when
 * retention removed rows since, as they are not counted anywhere.
 */
async function missingRowCount(
  db: Knex,
  checkpoint: AuditCheckpoint,
  retentionRanAt: Date | null,
): Promise<number | undefined> {
  if (retentionRanAt && retentionRanAt >= new Date(checkpoint.createdAt)) {
    return undefined;
  }
  const [{ count }] = await db(AUDIT_LOG_TABLE)
    .where('id', '<=', checkpoint.headRowId)
    .count({ count: '*' });
  return checkpoint.rowCount - Number(count);
}

function removedRows(count: number | undefined): string {
  if (count === undefined) {
    return 'The newest audit rows were removed';
  }
  return count === 1
    ? 'The newest audit row was removed'
    : `The newest ${count} audit rows were removed`;
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
