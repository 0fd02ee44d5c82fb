/** The parameters of the REST operations, described once and shared by both document formats. */

export interface ApiParameter {
  name: string;
  in: 'path' | 'query';
  description: string;
  type: 'string' | 'integer' | 'boolean';
  required?: boolean;
  /** Kubernetes marks query parameters that are not lists this way. */
  uniqueItems?: boolean;
}

function query(
  name: string,
  type: ApiParameter['type'],
  description: string,
): ApiParameter {
  return { name, in: 'query', description, type, uniqueItems: true };
}

function path(name: string, description: string): ApiParameter {
  return { name, in: 'path', description, type: 'string', required: true };
}

export const pathParameters = {
  namespace: path('namespace', 'Namespace the objects live in.'),
  name: path('name', 'Name of the object.'),
};

export const pretty = query(
  'pretty',
  'string',
  'When true, the response is indented for people to read.',
);

const dryRun = query(
  'dryRun',
  'string',
  'When All, the request is checked and answered as usual but nothing is stored.',
);
const fieldManager = query(
  'fieldManager',
  'string',
  'Name of the actor making the change, recorded in managedFields. Required for server-side apply.',
);
/** kubectl looks for this parameter on PATCH to learn that the server validates fields itself. */
const fieldValidation = query(
  'fieldValidation',
  'string',
  'What to do with fields the schema does not know: Ignore drops them silently, Warn drops them with a warning, Strict rejects the request.',
);
const force = query(
  'force',
  'boolean',
  'Server-side apply only: take over fields other managers own instead of failing with a conflict.',
);

/** Create, replace and the token subresource. */
export const writeParameters = [dryRun, fieldManager, fieldValidation];
export const patchParameters = [...writeParameters, force];

export const listParameters = [
  query(
    'labelSelector',
    'string',
    'Only objects whose labels match, such as app=web,tier!=cache.',
  ),
  query(
    'fieldSelector',
    'string',
    'Only objects whose fields match, such as metadata.name=web or status.phase=Running.',
  ),
  query('limit', 'integer', 'Most objects to return; continue reads the rest.'),
  query('continue', 'string', 'Token of the next page from a limited list.'),
  query(
    'resourceVersion',
    'string',
    'Version to read at or watch from; how it is used depends on resourceVersionMatch.',
  ),
  query(
    'resourceVersionMatch',
    'string',
    'Exact or NotOlderThan: how resourceVersion is matched.',
  ),
  query(
    'watch',
    'boolean',
    'Stream changes (ADDED, MODIFIED, DELETED) instead of returning a list.',
  ),
  query(
    'allowWatchBookmarks',
    'boolean',
    'Let a watch send BOOKMARK events that carry only a newer resourceVersion.',
  ),
  query(
    'timeoutSeconds',
    'integer',
    'Seconds after which a list or watch call ends.',
  ),
  query(
    'sendInitialEvents',
    'boolean',
    'Start a watch with ADDED events for the objects that exist.',
  ),
];

export const deleteParameters = [
  dryRun,
  query(
    'gracePeriodSeconds',
    'integer',
    'Seconds the object gets to shut down; 0 deletes at once.',
  ),
  query(
    'propagationPolicy',
    'string',
    'Orphan, Background or Foreground: whether and when dependents are deleted.',
  ),
];

export const logParameters = [
  query(
    'container',
    'string',
    'Container to read; required if the pod has several.',
  ),
  query('follow', 'boolean', 'Keep the stream open and send new lines.'),
  query(
    'previous',
    'boolean',
    'Read the log of the previous, exited instance.',
  ),
  query('tailLines', 'integer', 'Only the last lines.'),
  query('sinceSeconds', 'integer', 'Only lines from the last seconds.'),
  query('timestamps', 'boolean', 'Put a timestamp in front of every line.'),
];
