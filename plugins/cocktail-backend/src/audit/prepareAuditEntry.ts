import { InputError } from '@backstage/errors';
import { redactDetails } from './redactDetails';
import { redactErrorText } from './redactText';
import { AuditEntry, AuditOutcome } from './types';

const OUTCOMES: ReadonlyArray<AuditOutcome> = [
  'requested',
  'succeeded',
  'failed',
  'denied',
];

/** Checks an entry and redacts its details and error text, ready to be stored. */
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
  if (entry.intentId !== undefined && entry.outcome === 'requested') {
    throw new InputError(
      'A requested audit entry is the intent itself; only its outcome names an intentId',
    );
  }
  if (entry.intentId !== undefined && !/^[0-9]{1,19}$/.test(entry.intentId)) {
    throw new InputError(
      `Audit entry intentId must be the id of a row, got '${entry.intentId}'`,
    );
  }
  return {
    ...entry,
    error: entry.error === undefined ? undefined : redactErrorText(entry.error),
    details:
      entry.details === undefined ? undefined : redactDetails(entry.details),
  };
}
