/**
 * Severities as scanners report them, most severe first.
 *
 * @public
 */
export const SCAN_SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'LOW',
  'UNKNOWN',
] as const;

/** @public */
export type ScanSeverity = (typeof SCAN_SEVERITIES)[number];

/**
 * Finding counts per severity.
 *
 * @public
 */
export type SeverityCounts = Record<ScanSeverity, number>;

/**
 * An image as a scan names it; `digest` (`sha256:…`) identifies it when known.
 *
 * @public
 */
export interface ImageReference {
  /** Registry host, such as `harbor.example.com`; `docker.io` when the reference has none. */
  registry: string;
  /** Repository path, such as `payments/api` or `library/nginx`. */
  repository: string;
  tag?: string;
  digest?: string;
}

/**
 * One vulnerability in one package of an image.
 *
 * @public
 */
export interface ScanFinding {
  /** Advisory ID, such as `CVE-2024-3094` or `GHSA-…`. */
  id: string;
  packageName: string;
  installedVersion?: string;
  /** The version that fixes it; absent when there is no fix. */
  fixedVersion?: string;
  severity: ScanSeverity;
  cvssScore?: number;
  cvssVector?: string;
  title?: string;
  /** The advisory's page. */
  primaryUrl?: string;
}

/**
 * The built-in formats, or one a backend module added (a lowercase name).
 *
 * @public
 */
export type ScanReportFormat =
  | 'trivy'
  | 'grype'
  | 'sarif'
  | 'trivy-operator'
  | (string & {});

/**
 * Any supported report, normalised.
 *
 * @public
 */
export interface NormalizedScan {
  format: ScanReportFormat;
  image: ImageReference;
  scanner: { name: string; version?: string };
  /** ISO 8601. */
  scannedAt: string;
  /** Deduplicated by (id, packageName, installedVersion). */
  findings: ScanFinding[];
}

/**
 * A stored scan as the API lists it.
 *
 * @public
 */
export interface ImageScanSummary {
  id: string;
  /** The digest, or the image reference when no digest is known. */
  imageKey: string;
  image: ImageReference;
  format: ScanReportFormat;
  scanner: { name: string; version?: string };
  scannedAt: string;
  /** Where it came from: `upload` (CI), `cluster` (Trivy Operator) or `harbor`. */
  source: 'upload' | 'cluster' | 'harbor';
  counts: SeverityCounts;
  /** Findings with a fixed version, per severity. */
  fixable: SeverityCounts;
  /** Against the previous scan of the same image; absent for the first one. */
  change?: {
    newFindings: number;
    fixedFindings: number;
    previousScannedAt: string;
  };
}

/**
 * `GET /servers/:namespace/:name/image-scans`: the images the server's pods run now.
 *
 * @public
 */
export interface ServerImageScans {
  entityRef: string;
  images: Array<{
    container: string;
    /** The image reference the pods run. */
    image: string;
    /** The digest the pods run (from their imageID), when known. */
    digest?: string;
    pods: number;
    /** The latest scan of that image; absent when it was never scanned. */
    scan?: ImageScanSummary;
  }>;
  counts: SeverityCounts;
  fixable: SeverityCounts;
  /** Running images without any scan. */
  unscanned: number;
}

/**
 * The roll-up for a ServiceMap or a Service: each server's answer.
 *
 * @public
 */
export interface ImageScanRollup {
  entityRef: string;
  servers: ServerImageScans[];
  counts: SeverityCounts;
  fixable: SeverityCounts;
  unscanned: number;
}

/**
 * A finding as `GET /image-scans/:id/findings` lists it.
 *
 * @public
 */
export interface ScanFindingView extends ScanFinding {
  /** Not in the previous scan of the same image. */
  isNew: boolean;
}
