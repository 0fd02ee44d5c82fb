import {
  ImageScanSummary,
  NormalizedScan,
  ScanFindingView,
  ScanSeverity,
} from '@cocktailcloud/plugin-cocktail-common';

export type ScanSource = ImageScanSummary['source'];

/** What `GET /image-scans/:id/findings` filters by; all of them must match. */
export interface FindingFilter {
  /** Only these severities. */
  severity?: ScanSeverity[];
  /** Only findings with (true) or without (false) a fixed version. */
  fixable?: boolean;
  /** Only this package (exact name). */
  package?: string;
  /** Text in the advisory ID, package name or title (case-insensitive). */
  q?: string;
}

/** A page of a scan's findings: `limit` of them from `offset`, in the order findings are listed. */
export interface FindingsPageRequest {
  offset: number;
  limit: number;
}

/** One page of a scan's findings. */
export interface FindingsPage {
  items: ScanFindingView[];
  /** The findings that match the filter, on every page. */
  total: number;
}

/** A finding the deploy gate names. */
export interface GateFinding {
  scanId: string;
  id: string;
  packageName: string;
  severity: ScanSeverity;
}

/** Stored image scans and their findings. */
export interface ScanStore {
  /** Stores a scan with its findings, compared with the previous scan of the same image. */
  record(scan: NormalizedScan, source: ScanSource): Promise<ImageScanSummary>;
  /**
   * The latest scan filed under each key, which may be a digest or a normalised reference
   * (`registry/repository[:tag]`); keys without a scan are absent from the map.
   */
  latestByImageKeys(keys: string[]): Promise<Map<string, ImageScanSummary>>;
  /** What a scan is filed under (digest or reference) and its normalised reference. */
  imageOf(
    scanId: string,
  ): Promise<{ imageKey: string; reference?: string } | undefined>;
  /**
   * One page of a scan's findings, most severe first (every page in one stable order); all of
   * them without `page`. Undefined when there is no such scan.
   */
  findings(
    scanId: string,
    filter?: FindingFilter,
    page?: FindingsPageRequest,
  ): Promise<FindingsPage | undefined>;
  /** Up to `limit` findings of these scans at or above a severity, most severe first. */
  findingsAtOrAbove(
    scanIds: string[],
    severity: ScanSeverity,
    limit: number,
  ): Promise<GateFinding[]>;
  /**
   * Removes the scans taken before `cutoff` with their findings, except the latest scan of
   * each image; returns how many were removed.
   */
  deleteOlderThan(cutoff: Date): Promise<number>;
}
