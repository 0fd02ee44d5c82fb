import type {
  AuditChainBreakReason,
  AuditChainVerificationView,
  AuditCheckpointView,
  AuditExportFormat,
} from '@cocktailcloud/plugin-cocktail-common';
import { JsonObject } from '@backstage/types';

/**
 * How a mutation ended, or `requested`: the intent, written before the
 * mutation runs, so a crash before its outcome still leaves a row.
 */
export type AuditOutcome = 'requested' | 'succeeded' | 'failed' | 'denied';

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
  /** On an outcome row, the id of its `requested` row. */
  intentId?: string;
  /** Error message when the outcome is not `succeeded`; redacted and capped before storing. */
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
  /**
   * HMAC-SHA256 with the chain key (plain SHA-256 when the row has no
   * `keyId`) over `previousHash` and the canonical JSON of this row's content.
   */
  hash: string;
  /** Fingerprint of the chain key the hash was made with; absent when unkeyed. */
  keyId?: string;
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
  /**
   * Also the `requested` rows whose outcome was recorded. Without it, a
   * `requested` row is only returned while it has no outcome.
   */
  includeIntents?: boolean;
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

export type { AuditChainBreakReason, AuditExportFormat };

/**
 * The head of the chain at a moment, MAC'd with the chain key and chained to
 * the checkpoint before it; also sent to the auditor service and the log.
 */
export interface AuditCheckpoint {
  id: string;
  /** ISO 8601 timestamp with millisecond precision. */
  createdAt: string;
  /** Rows in the log when the checkpoint was taken. */
  rowCount: number;
  headRowId: string;
  headHash: string;
  keyId?: string;
  previousHash: string;
  hash: string;
}

/** What a verification says about the newest checkpoint it checked. */
export type AuditCheckpointSummary = AuditCheckpointView;

/** Result of {@link AuditStore.verifyChain}: what `GET /audit/verify` answers. */
export type AuditChainVerification = AuditChainVerificationView;

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
  /** Recomputes the hash chain from the first remaining row and checks it against the checkpoints. */
  verifyChain(): Promise<AuditChainVerification>;
  /**
   * Records the chain's head; undefined when the log is empty or its head
   * has not moved since the last checkpoint.
   */
  takeCheckpoint(): Promise<AuditCheckpoint | undefined>;
  /** Removes rows created before `date`; returns how many were removed. */
  deleteOlderThan(date: Date): Promise<number>;
}
