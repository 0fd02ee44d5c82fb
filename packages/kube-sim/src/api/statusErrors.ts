/**
 * Errors as the API server reports them: a `Status` object with reason, code and details, which
 * @kubernetes/client-node turns into its ApiException with that body.
 */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: {
      name?: string;
      group?: string;
      kind?: string;
      causes?: Array<{ reason?: string; message: string; field?: string }>;
      retryAfterSeconds?: number;
    },
  ) {
    super(message);
    this.name = 'StatusError';
  }

  toStatus() {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      details: this.details,
      code: this.code,
    };
  }
}

type Target = { group: string; plural: string; name?: string };

function qualified(target: Target) {
  return target.group ? `${target.plural}.${target.group}` : target.plural;
}

export const statusErrors = {
  notFound: (target: Target) =>
    new StatusError(
      404,
      'NotFound',
      `${qualified(target)} "${target.name}" not found`,
      {
        name: target.name,
        group: target.group,
        kind: target.plural,
      },
    ),
  alreadyExists: (target: Target) =>
    new StatusError(
      409,
      'AlreadyExists',
      `${qualified(target)} "${target.name}" already exists`,
      {
        name: target.name,
        group: target.group,
        kind: target.plural,
      },
    ),
  conflict: (target: Target, why: string) =>
    new StatusError(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualified(target)} "${
        target.name
      }": ${why}`,
      { name: target.name, group: target.group, kind: target.plural },
    ),
  applyConflict: (
    target: Target,
    conflicts: Array<{ manager: string; field: string }>,
  ) =>
    new StatusError(
      409,
      'Conflict',
      `Apply failed with ${conflicts.length} conflict${
        conflicts.length === 1 ? '' : 's'
      }: ${conflicts
        .map(c => `conflict with "${c.manager}": ${c.field}`)
        .join('; ')}`,
      {
        name: target.name,
        group: target.group,
        kind: target.plural,
        causes: conflicts.map(c => ({
          reason: 'FieldManagerConflict',
          message: `conflict with "${c.manager}"`,
          field: c.field,
        })),
      },
    ),
  invalid: (
    target: Target & { kind: string },
    causes: Array<{ field: string; message: string }>,
  ) =>
    new StatusError(
      422,
      'Invalid',
      `${target.kind} "${target.name}" is invalid: ${causes
        .map(c => `${c.field}: ${c.message}`)
        .join(', ')}`,
      {
        name: target.name,
        group: target.group,
        kind: target.kind,
        causes: causes.map(c => ({
          reason: 'FieldValueInvalid',
          message: c.message,
          field: c.field,
        })),
      },
    ),
  badRequest: (message: string) => new StatusError(400, 'BadRequest', message),
  gone: (message: string) => new StatusError(410, 'Expired', message),
  methodNotAllowed: (message: string) =>
    new StatusError(405, 'MethodNotAllowed', message),
  unsupportedMediaType: (contentType: string) =>
    new StatusError(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json; got ${contentType}`,
    ),
  protobufKindNotDecoded: (kind: string, decodableKinds: string[]) =>
    new StatusError(
      415,
      'UnsupportedMediaType',
      `kube-sim cannot decode a protobuf ${kind}: it decodes application/vnd.kubernetes.protobuf request bodies only for ${decodableKinds.join(
        ', ',
      )}; send the ${kind} as application/json instead`,
    ),
  pathNotFound: (path: string) =>
    new StatusError(
      404,
      'NotFound',
      `the server could not find the requested resource (${path})`,
    ),
  forbidden: (message: string) => new StatusError(403, 'Forbidden', message),
  unauthorized: () => new StatusError(401, 'Unauthorized', 'Unauthorized'),
  internal: (message: string) =>
    new StatusError(
      500,
      'InternalError',
      `Internal error occurred: ${message}`,
    ),
  unavailable: (message: string) =>
    new StatusError(503, 'ServiceUnavailable', message),
  tooManyRequests: () =>
    new StatusError(
      429,
      'TooManyRequests',
      'the server has received too many requests and has asked us to try again later',
      {
        retryAfterSeconds: 1,
      },
    ),
};
