import { InputError } from '@backstage/errors';
import {
  SCAN_SEVERITIES,
  ScanReportFormat,
  ScanSeverity,
} from '@cocktailcloud/plugin-cocktail-common';
import { parseImageReference } from '@cocktailcloud/plugin-cocktail-node';
import { decodeFindingsCursor } from './findingsCursor';
import { FindingFilter, FindingsPageRequest } from './types';

/** Findings per page when `limit` is not given, and the most one page may have. */
export const FINDINGS_PAGE = { default: 100, max: 500 };

const FORMATS: ScanReportFormat[] = [
  'trivy',
  'grype',
  'sarif',
  'trivy-operator',
];

function single(
  query: Record<string, unknown>,
  field: string,
  maxLength: number,
): string | undefined {
  const value = query[field];
  if (value === undefined) {
    return undefined;
  }
  if (typeof value !== 'string' || !value.trim()) {
    throw new InputError(`${field}: expected a single, non-empty value`);
  }
  if (value.length > maxLength) {
    throw new InputError(
      `${field}: expected at most ${maxLength} characters, got ${value.length}`,
    );
  }
  return value.trim();
}

function refuseUnknown(query: Record<string, unknown>, known: string[]) {
  const unknown = Object.keys(query).find(k => !known.includes(k));
  if (unknown) {
    throw new InputError(
      `${unknown}: not a known query parameter; expected ${known.join(', ')}`,
    );
  }
}

/** `POST /image-scans?image=…&format=…`: both optional; the report says them otherwise. */
export function parseUploadQuery(query: Record<string, unknown>): {
  image?: string;
  format?: ScanReportFormat;
} {
  refuseUnknown(query, ['image', 'format']);
  const image = single(query, 'image', 512);
  if (image) {
    try {
      parseImageReference(image);
    } catch (error) {
      throw new InputError(`image: ${(error as Error).message}`);
    }
  }
  const format = single(query, 'format', 32);
  if (format && !FORMATS.includes(format as ScanReportFormat)) {
    throw new InputError(
      `format: expected one of ${FORMATS.join(', ')}, got ${format}`,
    );
  }
  return {
    ...(image ? { image } : {}),
    ...(format ? { format: format as ScanReportFormat } : {}),
  };
}

/** `GET /image-scans/:id/findings?severity=HIGH,CRITICAL&fixable=true&package=…&q=…` */
export function parseFindingFilter(
  query: Record<string, unknown>,
): FindingFilter {
  refuseUnknown(query, [
    'severity',
    'fixable',
    'package',
    'q',
    'limit',
    'cursor',
  ]);
  const filter: FindingFilter = {};
  const severity = single(query, 'severity', 100);
  if (severity) {
    filter.severity = severity.split(',').map(s => {
      const upper = s.trim().toUpperCase();
      if (!(SCAN_SEVERITIES as readonly string[]).includes(upper)) {
        throw new InputError(
          `severity: expected one or more of ${SCAN_SEVERITIES.join(
            ', ',
          )} separated by commas, got ${JSON.stringify(s)}`,
        );
      }
      return upper as ScanSeverity;
    });
  }
  const fixable = single(query, 'fixable', 5);
  if (fixable !== undefined) {
    if (fixable !== 'true' && fixable !== 'false') {
      throw new InputError(`fixable: expected true or false, got ${fixable}`);
    }
    filter.fixable = fixable === 'true';
  }
  const pkg = single(query, 'package', 512);
  if (pkg) {
    filter.package = pkg;
  }
  const q = single(query, 'q', 200);
  if (q) {
    filter.q = q;
  }
  return filter;
}

/** `…/findings?limit=100&cursor=…`: the page of findings asked for; the first when no cursor. */
export function parseFindingsPage(
  query: Record<string, unknown>,
): FindingsPageRequest {
  const limitText = single(query, 'limit', 10);
  const limit =
    limitText === undefined ? FINDINGS_PAGE.default : Number(limitText);
  if (
    !/^\d+$/.test(limitText ?? '1') ||
    limit < 1 ||
    limit > FINDINGS_PAGE.max
  ) {
    throw new InputError(
      `limit: expected a whole number from 1 to ${FINDINGS_PAGE.max}, got ${limitText}`,
    );
  }
  const cursor = single(query, 'cursor', 200);
  return { offset: cursor ? decodeFindingsCursor(cursor) : 0, limit };
}
