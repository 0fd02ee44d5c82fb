import { ScanFindingView } from '../scans/types';

/**
 * Filters of a scan's findings, as `GET /image-scans/:id/findings` takes them.
 *
 * @public
 */
export interface ScanFindingsFilter {
  /** One or more severities separated by commas, such as `CRITICAL,HIGH`. */
  severity?: string;
  fixable?: boolean;
  package?: string;
  /** Part of an advisory ID, such as CVE-2024. */
  q?: string;
}

/**
 * A page of a scan's findings, most severe first; `nextCursor` fetches the next one.
 *
 * @public
 */
export interface ScanFindingsPage {
  items: ScanFindingView[];
  /** The findings that match the filters, on every page. */
  total: number;
  nextCursor?: string;
}
