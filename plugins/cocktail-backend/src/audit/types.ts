import { JsonObject } from '@backstage/types';

/** How a mutation ended. */
export type AuditOutcome = 'succeeded' | 'failed' | 'denied';

/** One mutation to record, as handed to {@link AuditStore.record}. */
export interface AuditEntry {
  /** Entity ref of whoever asked, e.g. `user:default/alice`. */
  actor: string;
  /** What was done, e.g. `server.scale`. */
  action: string;
  /** Entity ref of the target, e.g. `cocktailserver:default/api`. */
  entityRef?: string;
  cluster?: string;
  namespace?: string;
  outcome: AuditOutcome;
  /** Error message when the outcome is not `succeeded`. */
  error?: string;
  /** Request details; secrets are redacted before storing. */
  details?: JsonObject;
}

/** A stored audit log row. */
export interface AuditRow extends AuditEntry {
  /** Auto-increment id, as a string because it is a bigint. */
  id: string;
  /** ISO 8601 timestamp with millisecond precision. */
  createdAt: string;
  /** `hash` of the row before this one, or of the last row removed by retention. */
  previousHash: string;
  /** sha256 over `previousHash` and the canonical JSON of this row's content. */
  hash: string;
}

/** Filters shared by {@link AuditStore.query} and {@link AuditStore.exportRows}. */
export interface AuditFilter {
  /** Rows whose target is any of these entity refs. */
  entityRefs?: string[];
  actor?: string;
  action?: string;
  outcome?: AuditOutcome;
  /** Inclusive lower bound on the creation time. */
  from?: Date;
  /** Exclusive upper bound on the creation time. */
  to?: Date;
}

export interface AuditQuery extends AuditFilter {
  /** Page size; 50 by default, at most 500. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
}

/** A page of rows, newest first. */
export interface AuditPage {
  items: AuditRow[];
  /** Present when there are more rows after this page. */
  nextCursor?: string;
}

export type AuditExportFormat = 'csv' | 'json';

export type AuditChainBreakReason = 'hash-mismatch' | 'previous-hash-mismatch';

/** Result of {@link AuditStore.verifyChain}. */
export type AuditChainVerification =
  | { ok: true; checkedRows: number }
  | {
      ok: false;
      /** Rows checked, including the broken one. */
      checkedRows: number;
      firstBrokenRowId: string;
      /**
       * `hash-mismatch`: the row's content was altered after it was written.
       * `previous-hash-mismatch`: a row before it was removed, or rows were
       * reordered.
       */
      reason: AuditChainBreakReason;
      message: string;
    };

export interface AuditStore {
  /** Appends one row to the hash chain and returns it as stored. */
  record(entry: AuditEntry): Promise<AuditRow>;
  /** Returns one page of rows, newest first. */
  query(query: AuditQuery): Promise<AuditPage>;
  /** Streams every row matching the filter, newest first, as text chunks. */
  exportRows(
    filter: AuditFilter,
    format: AuditExportFormat,
  ): AsyncIterable<string>;
  /** Recomputes the hash chain from the first remaining row. */
  verifyChain(): Promise<AuditChainVerification>;
  /** Removes rows created before `date`; returns how many were removed. */
  deleteOlderThan(date: Date): Promise<number>;
}
