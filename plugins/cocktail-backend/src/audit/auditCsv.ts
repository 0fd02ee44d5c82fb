import { stringify } from 'csv-stringify/sync';
import { AuditRow } from './types';

export const AUDIT_CSV_HEADER =
  'id,created_at,actor,action,entity_ref,cluster,namespace,outcome,error,details,hash';

/** One CSV record (RFC 4180), terminated by CRLF. */
export function auditRowToCsv(row: AuditRow): string {
  const fields = [
    row.id,
    row.createdAt,
    row.actor,
    row.action,
    row.entityRef,
    row.cluster,
    row.namespace,
    row.outcome,
    row.error,
    row.details === undefined ? undefined : JSON.stringify(row.details),
    row.hash,
  ];
  return stringify([fields], { record_delimiter: 'windows' });
}
