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
  /** One scan's findings, most severe first; undefined when there is no such scan. */
  findings(
    scanId: string,
    filter?: FindingFilter,
  ): Promise<ScanFindingView[] | undefined>;
  /** Up to `limit` findings of these scans at or above a severity, most severe first. */
  findingsAtOrAbove(
    scanIds: string[],
    severity: ScanSeverity,
    limit: number,
  ): Promise<GateFinding[]>;
}
