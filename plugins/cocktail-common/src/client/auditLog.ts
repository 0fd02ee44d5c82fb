import { AuditOutcomeView, AuditRowView } from '../api/responses';

/**
 * Filters of the audit log, as `GET /audit` and `GET /audit/export` take them.
 *
 * @public
 */
export interface AuditLogFilter {
  entityRefs?: string[];
  actor?: string;
  action?: string;
  outcome?: AuditOutcomeView;
  /** ISO 8601 times. */
  from?: string;
  to?: string;
}

/**
 * One audit row as `GET /audit` returns it: besides outcomes, an intent (`requested`) written
 * before a change, listed while no outcome points at it.
 *
 * @public
 */
export interface AuditLogRow extends Omit<AuditRowView, 'outcome'> {
  outcome: AuditOutcomeView | 'requested';
  /** On an outcome, the id of its intent. */
  intentId?: string;
  /** Fingerprint of the chain key the row's hash was made with; absent when unkeyed. */
  keyId?: string;
}

/**
 * `GET /audit`: a page of rows, newest first.
 *
 * @public
 */
export interface AuditLogPage {
  items: AuditLogRow[];
  /** Present when there are more rows after this page. */
  nextCursor?: string;
}

/**
 * The formats of `GET /audit/export`.
 *
 * @public
 */
export type AuditExportFormat = 'csv' | 'json';

/**
 * Why `GET /audit/verify` found the chain broken.
 * `hash-mismatch`: the row's content was altered after it was written.
 * `previous-hash-mismatch`: a row before it was removed, or rows were reordered.
 * `key-mismatch`: the row or checkpoint was made with another chain key, or none is
 * configured: the key changed, or it was forged.
 * `truncated`: the newest rows a checkpoint saw are gone.
 * `rewritten`: rows were recomputed after a checkpoint, or without the key after keyed rows.
 * `checkpoint-mismatch`: a checkpoint was altered or removed.
 *
 * @public
 */
export type AuditChainBreakReason =
  | 'hash-mismatch'
  | 'previous-hash-mismatch'
  | 'key-mismatch'
  | 'truncated'
  | 'rewritten'
  | 'checkpoint-mismatch';

/**
 * The newest checkpoint a verification checked the log against.
 *
 * @public
 */
export interface AuditCheckpointView {
  id: string;
  createdAt: string;
  rowCount: number;
  headRowId: string;
}

/**
 * `GET /audit/verify`.
 *
 * @public
 */
export type AuditChainVerificationView =
  | {
      ok: true;
      checkedRows: number;
      /** Absent when no checkpoint was taken yet. */
      lastCheckpoint?: AuditCheckpointView;
    }
  | {
      ok: false;
      /** Rows checked, including the broken one. */
      checkedRows: number;
      /**
       * The first row that does not verify; for `truncated`, the newest row the checkpoint saw,
       * which is gone.
       */
      firstBrokenRowId?: string;
      /** For breaks found in the checkpoints, the checkpoint. */
      brokenCheckpointId?: string;
      reason: AuditChainBreakReason;
      /** What happened and what to do, in words. */
      message: string;
      lastCheckpoint?: AuditCheckpointView;
    };
