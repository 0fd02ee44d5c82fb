import {
  SCAN_SEVERITIES,
  ScanFinding,
  ScanSeverity,
  SeverityCounts,
} from '@cocktailcloud/plugin-cocktail-common';

function zeroCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}

/**
 * Findings per severity.
 *
 * @public
 */
export function severityCounts(
  findings: Iterable<ScanFinding>,
): SeverityCounts {
  const counts = zeroCounts();
  for (const finding of findings) {
    counts[finding.severity] += 1;
  }
  return counts;
}

/**
 * Findings with a fixed version, per severity.
 *
 * @public
 */
export function fixableCounts(findings: Iterable<ScanFinding>): SeverityCounts {
  const counts = zeroCounts();
  for (const finding of findings) {
    if (finding.fixedVersion) {
      counts[finding.severity] += 1;
    }
  }
  return counts;
}

/** `CRITICAL`, `high`, `Negligible` (Grype: LOW) → a severity; anything else → undefined. */
export function toSeverity(value: string): ScanSeverity | undefined {
  const upper = value.toUpperCase();
  if (upper === 'NEGLIGIBLE') {
    return 'LOW';
  }
  return (SCAN_SEVERITIES as readonly string[]).includes(upper)
    ? (upper as ScanSeverity)
    : undefined;
}

/** GitHub's reading of SARIF `security-severity`: ≥ 9 critical, ≥ 7 high, ≥ 4 medium, > 0 low. */
export function severityFromScore(score: number): ScanSeverity {
  if (score >= 9) return 'CRITICAL';
  if (score >= 7) return 'HIGH';
  if (score >= 4) return 'MEDIUM';
  if (score > 0) return 'LOW';
  return 'UNKNOWN';
}

/** 0 for CRITICAL … 4 for UNKNOWN. */
export function severityRank(severity: ScanSeverity): number {
  return SCAN_SEVERITIES.indexOf(severity);
}
