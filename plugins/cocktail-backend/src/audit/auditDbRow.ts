import { JsonObject } from '@backstage/types';
import { AuditEntry, AuditOutcome, AuditRow } from './types';

export const AUDIT_LOG_TABLE = 'cocktail_audit_log';
export const AUDIT_ANCHOR_TABLE = 'cocktail_audit_anchor';
export const AUDIT_CHECKPOINT_TABLE = 'cocktail_audit_checkpoints';

/** A row of `cocktail_audit_log` as the database drivers return it. */
export interface AuditDbRow {
  /** pg returns bigints as strings, better-sqlite3 as numbers. */
  id: string | number;
  /** pg returns a Date; SQLite stores the epoch milliseconds knex binds. */
  created_at: Date | number | string;
  actor: string;
  action: string;
  entity_ref: string | null;
  cluster: string | null;
  namespace: string | null;
  outcome: string;
  error: string | null;
  details: string | null;
  /** pg returns bigints as strings, better-sqlite3 as numbers. */
  intent_id: string | number | null;
  previous_hash: string;
  hash: string;
  key_id: string | null;
}

export const AUDIT_DB_COLUMNS: Array<keyof AuditDbRow> = [
  'id',
  'created_at',
  'actor',
  'action',
  'entity_ref',
  'cluster',
  'namespace',
  'outcome',
  'error',
  'details',
  'intent_id',
  'previous_hash',
  'hash',
  'key_id',
];

/** The columns written for an entry, apart from id, time and hashes. */
export function entryToDbColumns(entry: AuditEntry) {
  return {
    actor: entry.actor,
    action: entry.action,
    entity_ref: entry.entityRef ?? null,
    cluster: entry.cluster ?? null,
    namespace: entry.namespace ?? null,
    outcome: entry.outcome,
    error: entry.error ?? null,
    details: entry.details === undefined ? null : JSON.stringify(entry.details),
    intent_id: entry.intentId ?? null,
  };
}

export function dbRowToAuditRow(row: AuditDbRow): AuditRow {
  const result: AuditRow = {
    id: String(row.id),
    createdAt: new Date(row.created_at).toISOString(),
    actor: row.actor,
    action: row.action,
    outcome: row.outcome as AuditOutcome,
    previousHash: row.previous_hash,
    hash: row.hash,
  };
  if (row.entity_ref !== null) {
    result.entityRef = row.entity_ref;
  }
  if (row.cluster !== null) {
    result.cluster = row.cluster;
  }
  if (row.namespace !== null) {
    result.namespace = row.namespace;
  }
  if (row.error !== null) {
    result.error = row.error;
  }
  if (row.details !== null) {
    result.details = JSON.parse(row.details) as JsonObject;
  }
  if (row.intent_id !== null) {
    result.intentId = String(row.intent_id);
  }
  if (row.key_id !== null) {
    result.keyId = row.key_id;
  }
  return result;
}
