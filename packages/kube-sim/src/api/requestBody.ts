import { parse as parseYaml } from 'yaml';
import { ApiRequest } from './ApiContext';
import { statusErrors } from './statusErrors';

export function header(request: ApiRequest, name: string): string {
  const value = request.headers[name.toLowerCase()];
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

export function contentType(request: ApiRequest): string {
  return header(request, 'content-type').split(';')[0].trim();
}

/** The request body as JSON, or YAML for server-side apply; a 400 Status when it is neither. */
export function parseBody(request: ApiRequest): any {
  if (!request.body) {
    throw statusErrors.badRequest('the request has no body');
  }
  try {
    return contentType(request) === 'application/apply-patch+yaml'
      ? parseYaml(request.body)
      : JSON.parse(request.body);
  } catch (error) {
    throw statusErrors.badRequest(
      `the request body is not valid ${
        contentType(request) === 'application/apply-patch+yaml'
          ? 'YAML'
          : 'JSON'
      }: ${(error as Error).message}`,
    );
  }
}

export function isDryRun(request: ApiRequest): boolean {
  const dryRun = request.query.getAll('dryRun');
  for (const value of dryRun) {
    if (value !== 'All') {
      throw statusErrors.badRequest(
        `unsupported dryRun value "${value}"; the only supported value is All`,
      );
    }
  }
  return dryRun.length > 0;
}

/** The field manager: ?fieldManager, else the client's user agent, as Kubernetes defaults it. */
export function fieldManager(request: ApiRequest): string {
  return (
    request.query.get('fieldManager') ||
    header(request, 'user-agent').split('/')[0] ||
    'unknown'
  );
}
