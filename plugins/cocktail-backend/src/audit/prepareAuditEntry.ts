import { InputError } from '@backstage/errors';
import { redactDetails } from './redactDetails';
import { AuditEntry, AuditOutcome } from './types';

const OUTCOMES: ReadonlyArray<AuditOutcome> = ['succeeded', 'failed', 'denied'];

/** Checks an entry and redacts its details, ready to be stored. */
export function prepareAuditEntry(entry: AuditEntry): AuditEntry {
  if (!entry.actor) {
    throw new InputError('Audit entry has no actor');
  }
  if (!entry.action) {
    throw new InputError('Audit entry has no action');
  }
  if (!OUTCOMES.includes(entry.outcome)) {
    throw new InputError(
      `Audit entry outcome must be one of ${OUTCOMES.join(', ')}, got '${
        entry.outcome
      }'`,
    );
  }
  return {
    ...entry,
    details:
      entry.details === undefined ? undefined : redactDetails(entry.details),
  };
}
