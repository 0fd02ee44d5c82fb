/** Answers /openapi/v2, the /openapi/v3 index and /openapi/v3/<group version> documents. */
import { ApiContext, ApiRequest, ApiResult } from '../ApiContext';
import { SIMULATED_VERSION } from '../discovery';
import { header } from '../requestBody';
import { StatusError, statusErrors } from '../statusErrors';
import { openApiDocumentsOf } from './OpenApiDocuments';

const V3_PREFIX = '/openapi/v3/';

export function isOpenApiPath(path: string): boolean {
  return (
    path === '/openapi/v2' ||
    path === '/openapi/v3' ||
    path.startsWith(V3_PREFIX)
  );
}

/**
 * Only JSON is served. kubectl asks for the v2 document as protobuf only; a 406 tells it so
 * (and it then does without), where a JSON body would fail to decode.
 */
function acceptsJson(request: ApiRequest): boolean {
  const accept = header(request, 'accept');
  if (!accept.trim()) {
    return true;
  }
  return accept
    .split(',')
    .map(part => part.split(';')[0].trim().toLowerCase())
    .some(type => ['application/json', 'application/*', '*/*'].includes(type));
}

export function serveOpenApi(
  ctx: ApiContext,
  path: string,
  request: ApiRequest,
): ApiResult {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    throw statusErrors.methodNotAllowed(
      `${request.method} is not supported on ${path}`,
    );
  }
  if (!acceptsJson(request)) {
    throw new StatusError(
      406,
      'NotAcceptable',
      'only application/json is served for OpenAPI documents',
    );
  }
  const documents = openApiDocumentsOf(
    ctx.registry,
    (ctx.version ?? SIMULATED_VERSION).gitVersion,
  );
  if (path === '/openapi/v2') {
    return { status: 200, body: documents.swagger() };
  }
  const key = path.slice(V3_PREFIX.length).replace(/\/+$/, '');
  if (key === '') {
    return { status: 200, body: documents.index() };
  }
  const document = documents.groupVersion(key);
  if (document === undefined) {
    throw statusErrors.pathNotFound(path);
  }
  return { status: 200, body: document };
}
