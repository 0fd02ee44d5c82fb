import {
  ImageReference,
  ScanReportFormat,
} from '@cocktailcloud/plugin-cocktail-common';
import { FindingCollector } from './FindingCollector';
import { ReportFields, ReportPath } from './reportFields';

/**
 * A path pattern; `'*'` stands for any array index.
 *
 * @public
 */
export type ReportPattern = ReadonlyArray<string>;

/** @public */
export interface ReportHeader {
  /** Absent only when the image is optional and the report names none. */
  image?: ImageReference;
  /** What was scanned, when the report names no image: such as `filesystem scan of .`. */
  target?: string;
  scanner: { name: string; version?: string };
  scannedAt: string;
}

/**
 * What one report format needs to be read, whole or streamed.
 *
 * @public
 */
export interface ReportReader {
  /** A lowercase name, as `?format=` and `--format` take it: `trivy`, `my-scanner`. */
  format: ScanReportFormat;
  /** What it reads, for people: `Trivy JSON (SchemaVersion 2)`. */
  description?: string;
  fields: ReportFields;
  /**
   * The findings' array items. When streaming, each item is read as soon as it is complete and
   * the array stays empty in the document that `readHeader` sees.
   */
  itemPattern?: ReportPattern;
  /** Parts of the document nobody reads (package lists, image configs), dropped while streaming. */
  skipPatterns?: ReportPattern[];
  /** Whether a document (with its item arrays possibly emptied) is of this format. */
  detect(document: Record<string, unknown>): boolean;
  readItem(item: unknown, path: ReportPath, collector: FindingCollector): void;
  /**
   * Reads the rest; `itemsRead` is false when the items are still in the document. A report
   * that names no image throws, unless `imageOptional` and the format scans more than images.
   */
  readDocument(
    document: Record<string, unknown>,
    collector: FindingCollector,
    options: { image?: string; itemsRead: boolean; imageOptional?: boolean },
  ): ReportHeader;
}

/** Calls `visit` for every value at `pattern` in a whole document. */
export function forEachAtPattern(
  document: unknown,
  pattern: ReportPattern,
  visit: (value: unknown, path: ReportPath) => void,
  fields: ReportFields,
  path: Array<string | number> = [],
): void {
  if (path.length === pattern.length) {
    visit(document, path);
    return;
  }
  const segment = pattern[path.length];
  if (segment === '*') {
    fields.array(document, path).forEach((item, index) => {
      forEachAtPattern(item, pattern, visit, fields, [...path, index]);
    });
    return;
  }
  const object = fields.object(document, path);
  forEachAtPattern(object[segment], pattern, visit, fields, [...path, segment]);
}
