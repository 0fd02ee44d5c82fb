import { InputError } from '@backstage/errors';
import {
  NormalizedScan,
  ScanReportFormat,
} from '@cocktailcloud/plugin-cocktail-common';

/** Clocks of CI machines and clusters drift; a scan this far ahead of ours is still taken. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Where each built-in format says when it scanned. */
const TIME_FIELDS: Partial<Record<ScanReportFormat, string>> = {
  trivy: 'CreatedAt',
  grype: 'descriptor.timestamp',
  sarif: 'runs[].invocations[].endTimeUtc',
  'trivy-operator': 'report.updateTimestamp',
};

/**
 * Refuses a scan dated after it was received (beyond the clock skew): the latest scan of an
 * image is the one scanned last, so a scan from the future would hide every later one.
 */
export function refuseFutureScan(scan: NormalizedScan, receivedAt: Date): void {
  const scannedAt = Date.parse(scan.scannedAt);
  if (scannedAt > receivedAt.getTime() + CLOCK_SKEW_MS) {
    throw new InputError(
      `scannedAt: the report says it was scanned at ${new Date(
        scannedAt,
      ).toISOString()} (its ${
        TIME_FIELDS[scan.format] ?? 'scan time'
      }), after it was received at ${receivedAt.toISOString()}; a scan cannot be dated more than ${
        CLOCK_SKEW_MS / 60_000
      } minutes ahead. Check the clock of the machine that scanned it.`,
    );
  }
}
