import { AuditLogFilter } from './auditLog';
import { CocktailPageRequest } from './requests';
import { ScanFindingsFilter } from './scanFindings';

/** The audit filter as `GET /audit` reads it: one `entityRef` parameter per entity. */
export function auditLogParams(filter: AuditLogFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const ref of filter.entityRefs ?? []) {
    params.append('entityRef', ref);
  }
  for (const key of ['actor', 'action', 'outcome', 'from', 'to'] as const) {
    const value = filter[key];
    if (value) {
      params.set(key, value);
    }
  }
  return params;
}

export function scanFindingsParams(
  filter: ScanFindingsFilter,
  page?: CocktailPageRequest,
): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.severity) params.set('severity', filter.severity);
  if (filter.fixable) params.set('fixable', 'true');
  if (filter.package) params.set('package', filter.package);
  if (filter.q) params.set('q', filter.q);
  if (page) pageParams(params, page);
  return params;
}

/** Adds the page's size and cursor to `params`. */
export function pageParams(
  params: URLSearchParams,
  page: CocktailPageRequest,
): URLSearchParams {
  params.set('limit', String(page.limit));
  if (page.cursor) {
    params.set('cursor', page.cursor);
  }
  return params;
}
