import {
  ImageScanSummary,
  SCAN_SEVERITIES,
  ScanFinding,
  ScanSeverity,
  SeverityCounts,
} from '@cocktailcloud/plugin-cocktail-common';

export const SCANS_TABLE = 'cocktail_image_scans';
export const FINDINGS_TABLE = 'cocktail_image_scan_findings';

/** A row of `cocktail_image_scans`. */
export interface ScanRow {
  id: number | string;
  image_key: string;
  reference: string;
  registry: string;
  repository: string;
  tag: string | null;
  digest: string | null;
  format: ImageScanSummary['format'];
  scanner_name: string;
  scanner_version: string | null;
  /** pg returns a Date; SQLite stores the epoch milliseconds knex binds. */
  scanned_at: Date | number | string;
  source: ImageScanSummary['source'];
  counts: string;
  fixable: string;
  previous_scan_id: number | string | null;
  new_findings: number | null;
  fixed_findings: number | null;
  previous_scanned_at: Date | number | string | null;
  created_at: Date | number | string;
}

/** A row of `cocktail_image_scan_findings`. */
export interface FindingRow {
  scan_id: number | string;
  vulnerability_id: string;
  package: string;
  installed: string | null;
  fixed: string | null;
  severity: ScanSeverity;
  severity_rank: number;
  cvss_score: number | null;
  cvss_vector: string | null;
  title: string | null;
  url: string | null;
}

export function severityRank(severity: ScanSeverity): number {
  return SCAN_SEVERITIES.indexOf(severity);
}

export function zeroCounts(): SeverityCounts {
  return { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 };
}

export function addCounts(into: SeverityCounts, add: SeverityCounts) {
  for (const severity of SCAN_SEVERITIES) {
    into[severity] += add[severity] ?? 0;
  }
  return into;
}

/** Findings per severity, and those with a fixed version per severity. */
export function countFindings(findings: ScanFinding[]) {
  const counts = zeroCounts();
  const fixable = zeroCounts();
  for (const finding of findings) {
    counts[finding.severity] += 1;
    if (finding.fixedVersion) {
      fixable[finding.severity] += 1;
    }
  }
  return { counts, fixable };
}

/** What makes two findings the same one across scans of an image. */
export function findingKey(f: {
  vulnerability_id: string;
  package: string;
  installed: string | null;
}): string {
  return `${f.vulnerability_id}\u0000${f.package}\u0000${f.installed ?? ''}`;
}

export function findingToRow(scanId: number, f: ScanFinding): FindingRow {
  return {
    scan_id: scanId,
    vulnerability_id: f.id,
    package: f.packageName,
    installed: f.installedVersion ?? null,
    fixed: f.fixedVersion ?? null,
    severity: f.severity,
    severity_rank: severityRank(f.severity),
    cvss_score: f.cvssScore ?? null,
    cvss_vector: f.cvssVector ?? null,
    title: f.title ?? null,
    url: f.primaryUrl ?? null,
  };
}

export function rowToFinding(row: FindingRow): ScanFinding {
  return {
    id: row.vulnerability_id,
    packageName: row.package,
    ...(row.installed !== null ? { installedVersion: row.installed } : {}),
    ...(row.fixed !== null ? { fixedVersion: row.fixed } : {}),
    severity: row.severity,
    ...(row.cvss_score !== null ? { cvssScore: Number(row.cvss_score) } : {}),
    ...(row.cvss_vector !== null ? { cvssVector: row.cvss_vector } : {}),
    ...(row.title !== null ? { title: row.title } : {}),
    ...(row.url !== null ? { primaryUrl: row.url } : {}),
  };
}

const iso = (value: Date | number | string) => new Date(value).toISOString();

export function rowToSummary(row: ScanRow): ImageScanSummary {
  return {
    id: String(row.id),
    imageKey: row.image_key,
    image: {
      registry: row.registry,
      repository: row.repository,
      ...(row.tag !== null ? { tag: row.tag } : {}),
      ...(row.digest !== null ? { digest: row.digest } : {}),
    },
    format: row.format,
    scanner: {
      name: row.scanner_name,
      ...(row.scanner_version !== null ? { version: row.scanner_version } : {}),
    },
    scannedAt: iso(row.scanned_at),
    source: row.source,
    counts: JSON.parse(row.counts),
    fixable: JSON.parse(row.fixable),
    ...(row.previous_scanned_at !== null
      ? {
          change: {
            newFindings: Number(row.new_findings ?? 0),
            fixedFindings: Number(row.fixed_findings ?? 0),
            previousScannedAt: iso(row.previous_scanned_at),
          },
        }
      : {}),
  };
}
