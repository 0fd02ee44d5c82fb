import {
  ImageReference,
  NormalizedScan,
  ScanFinding,
  ScanReportContents,
  SeverityCounts,
  fixableCounts,
  formatImageReference,
  severityCounts,
} from '@cocktailcloud/plugin-cocktail-node';
import { SCAN_SEVERITIES } from '@cocktailcloud/plugin-cocktail-common';

function total(counts: SeverityCounts): number {
  return SCAN_SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0);
}

/** Pads every column but the last to its widest cell; numbers align right. */
export function formatTable(rows: string[][], numeric: boolean[] = []): string {
  const widths = rows[0].map((_, column) =>
    Math.max(...rows.map(row => row[column].length)),
  );
  return rows
    .map(row =>
      row
        .map((cell, column) => {
          if (numeric[column]) {
            return cell.padStart(widths[column]);
          }
          return column === row.length - 1 ? cell : cell.padEnd(widths[column]);
        })
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

export function scannerName(scan: { scanner: NormalizedScan['scanner'] }) {
  return `${scan.scanner.name}${
    scan.scanner.version ? ` ${scan.scanner.version}` : ''
  }`;
}

/**
 * Image (or, for a filesystem or repository scan, what was scanned), scanner, time, and a table
 * of totals and fixable findings per severity.
 */
export function formatSummaryText(
  scan: Pick<NormalizedScan, 'scanner' | 'scannedAt'> & {
    image?: ImageReference;
    target?: string;
  },
  counts: SeverityCounts,
  fixable: SeverityCounts,
): string {
  return [
    scan.image
      ? `Image:      ${formatImageReference(scan.image)}`
      : `Target:     ${scan.target}`,
    `Scanner:    ${scannerName(scan)}`,
    `Scanned at: ${scan.scannedAt}`,
    '',
    formatTable(
      [
        ['SEVERITY', 'TOTAL', 'FIXABLE'],
        ...SCAN_SEVERITIES.map(severity => [
          severity,
          String(counts[severity]),
          String(fixable[severity]),
        ]),
        ['TOTAL', String(total(counts)), String(total(fixable))],
      ],
      [false, true, true],
    ),
  ].join('\n');
}

/** What `--format json` prints; `image` only when the report names one. */
export function summaryJson(scan: ScanReportContents) {
  return {
    ...(scan.image && { image: scan.image }),
    target: scan.target,
    scanner: scan.scanner,
    scannedAt: scan.scannedAt,
    counts: severityCounts(scan.findings),
    fixable: fixableCounts(scan.findings),
    findings: scan.findings.length,
  };
}

/** ID, package, installed → fixed, severity: one finding a line. */
export function formatFindings(findings: ScanFinding[]): string {
  return formatTable(
    findings.map(finding => [
      finding.id,
      finding.packageName,
      `${finding.installedVersion ?? '?'} → ${
        finding.fixedVersion ?? '(no fix)'
      }`,
      finding.severity,
    ]),
  );
}
