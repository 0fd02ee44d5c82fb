import { recordUpdate, serverSideApply } from './apply';
import { applyDefaults } from './defaults/applyDefaults';
import { ApiContext, ApiRequest, ApiResult } from './ApiContext';
import { apiVersionOf } from './builtInResources';
import { patchValue } from './patch';
import { FieldValidation, fieldValidation } from './fieldValidation';
import { contentType, fieldManager, isDryRun, parseBody } from './requestBody';
import { filterFromQuery } from './selection';
import { statusErrors } from './statusErrors';
import { KubeObject, ResourceType } from './types';

const NAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

function target(type: ResourceType, name?: string) {
  return { group: type.group, plural: type.plural, name };
}

/**
 * Checks what every object needs and what a CRD's schema demands; 400 or 422 otherwise.
 * Unless the directive is Strict, fields the CRD's schema does not know are dropped instead.
 */
export function validateObject(
  type: ResourceType,
  object: any,
  namespace: string | undefined,
  directive: FieldValidation = 'Strict',
) {
  if (!object || typeof object !== 'object' || Array.isArray(object)) {
    throw statusErrors.badRequest('the request body must be a JSON object');
  }
  // Like the API server, take apiVersion and kind from the URL when the body leaves them out.
  object.apiVersion ??= apiVersionOf(type);
  object.kind ??= type.kind;
  if (object.apiVersion !== apiVersionOf(type) || object.kind !== type.kind) {
    throw statusErrors.badRequest(
      `the API version in the data (${object.apiVersion}) and the kind (${
        object.kind
      }) do not match the resource ${apiVersionOf(type)} ${type.kind}`,
    );
  }
  const metadata = object.metadata ?? {};
  if (
    type.namespaced &&
    metadata.namespace &&
    namespace &&
    metadata.namespace !== namespace
  ) {
    throw statusErrors.badRequest(
      'the namespace of the provided object does not match the namespace sent on the request',
    );
  }
  const causes: Array<{ field: string; message: string }> = [];
  if (!metadata.name && !metadata.generateName) {
    causes.push({
      field: 'metadata.name',
      message: 'Required value: name or generateName is required',
    });
  } else if (
    metadata.name &&
    (!NAME.test(metadata.name) || metadata.name.length > 253)
  ) {
    causes.push({
      field: 'metadata.name',
      message: `Invalid value: "${metadata.name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character`,
    });
  }
  const pruneUnknownFields = directive !== 'Strict';
  for (const message of type.validate?.(object, { pruneUnknownFields }) ?? []) {
    const [field, ...rest] = message.split(': ');
    causes.push({ field, message: rest.join(': ') || message });
  }
  if (causes.length) {
    throw statusErrors.invalid(
      {
        ...target(type, metadata.name ?? metadata.generateName),
        kind: type.kind,
      },
      causes,
    );
  }
}

function ensureNamespace(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
) {
  if (!type.namespaced) {
    return;
  }
  if (!namespace) {
    throw statusErrors.badRequest(
      `${type.plural} must be created in a namespace`,
    );
  }
  const namespaceType = ctx.registry.find('', 'v1', 'namespaces')!;
  const ns = ctx.store.get(namespaceType, undefined, namespace);
  if (!ns) {
    throw statusErrors.notFound({
      group: '',
      plural: 'namespaces',
      name: namespace,
    });
  }
  if (ns.metadata.deletionTimestamp) {
    throw statusErrors.forbidden(
      `unable to create new content in namespace ${namespace} because it is being terminated`,
    );
  }
}

/** Types with a status subresource keep status out of ordinary writes, as Kubernetes does. */
function keepStatus(
  type: ResourceType,
  object: KubeObject,
  existing?: KubeObject,
): KubeObject {
  if (!type.subresources.includes('status')) {
    return object;
  }
  const { status, ...rest } = object;
  return existing?.status !== undefined
    ? { ...rest, status: existing.status }
    : (rest as KubeObject);
}

function now() {
  return new Date().toISOString();
}

/** Defaults the API server fills in on create. */
export function createObject(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  request: ApiRequest,
): ApiResult {
  const body = applyDefaults(type, parseBody(request));
  validateObject(type, body, namespace, fieldValidation(request));
  ensureNamespace(ctx, type, namespace);
  const input = keepStatus(type, {
    ...body,
    metadata: { ...body.metadata, namespace },
  });
  const managedFields = recordUpdate({
    before: undefined,
    after: input,
    manager: fieldManager(request),
    now: now(),
  });
  const created = ctx.store.create(
    type,
    { ...input, metadata: { ...input.metadata, managedFields } },
    { dryRun: isDryRun(request) },
  );
  return { status: 201, body: created };
}

export function replaceObject(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  request: ApiRequest,
): ApiResult {
  const body = applyDefaults(type, parseBody(request));
  validateObject(type, body, namespace, fieldValidation(request));
  if (body.metadata?.name !== name) {
    throw statusErrors.badRequest(
      `the name of the object (${body.metadata?.name}) does not match the name on the URL (${name})`,
    );
  }
  const existing = ctx.store.get(type, namespace, name);
  if (!existing) {
    throw statusErrors.notFound(target(type, name));
  }
  const input = keepStatus(
    type,
    { ...body, metadata: { ...body.metadata, namespace } },
    existing,
  );
  return {
    status: 200,
    body: writeUpdate(ctx, type, existing, input, request),
  };
}

function writeUpdate(
  ctx: ApiContext,
  type: ResourceType,
  existing: KubeObject,
  input: KubeObject,
  request: ApiRequest,
) {
  const managedFields = recordUpdate({
    before: existing,
    after: input,
    manager: fieldManager(request),
    now: now(),
  });
  return ctx.store.update(
    type,
    { ...input, metadata: { ...input.metadata, managedFields } },
    { dryRun: isDryRun(request) },
  );
}

/** Applies a JSON, merge or strategic merge patch, or a server-side apply. */
export function patchObject(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  request: ApiRequest,
): ApiResult {
  const kind = contentType(request);
  if (kind === 'application/apply-patch+yaml') {
    return applyObject(ctx, type, namespace, name, request);
  }
  const existing = ctx.store.get(type, namespace, name);
  if (!existing) {
    throw statusErrors.notFound(target(type, name));
  }
  const patch = parseBody(request);
  const patched = applyDefaults(
    type,
    patchValue(kind, existing, patch) as KubeObject,
  );
  validateObject(type, patched, namespace, fieldValidation(request));
  const input = keepStatus(type, patched, existing);
  return {
    status: 200,
    body: writeUpdate(ctx, type, existing, input, request),
  };
}

function applyObject(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  request: ApiRequest,
): ApiResult {
  if (!request.query.get('fieldManager')) {
    throw statusErrors.badRequest(
      'PATCH, application/apply-patch+yaml requires the fieldManager parameter',
    );
  }
  const applied = parseBody(request);
  const directive = fieldValidation(request);
  validateObject(
    type,
    { ...applied, metadata: { name, ...applied?.metadata } },
    namespace,
    directive,
  );
  const live = ctx.store.get(type, namespace, name);
  if (!live) {
    ensureNamespace(ctx, type, namespace);
  }
  const result = serverSideApply({
    live,
    applied: { ...applied, metadata: { ...applied.metadata, name, namespace } },
    manager: request.query.get('fieldManager')!,
    force: request.query.get('force') === 'true',
    now: now(),
  });
  if ('conflicts' in result) {
    throw statusErrors.applyConflict(target(type, name), result.conflicts);
  }
  const object = keepStatus(
    type,
    {
      ...applyDefaults(type, result.object),
      metadata: {
        ...result.object.metadata,
        managedFields: result.managedFields,
      },
    },
    live,
  );
  validateObject(type, object, namespace, directive);
  const dryRun = isDryRun(request);
  const stored = live
    ? ctx.store.update(
        type,
        {
          ...object,
          metadata: { ...object.metadata, resourceVersion: undefined },
        },
        { dryRun },
      )
    : ctx.store.create(type, object, { dryRun });
  return { status: live ? 200 : 201, body: stored };
}

function deleteOptions(request: ApiRequest): {
  propagationPolicy?: string;
  dryRun: boolean;
} {
  let propagationPolicy = request.query.get('propagationPolicy') ?? undefined;
  let dryRun = isDryRun(request);
  if (request.body) {
    const options = parseBody(request);
    propagationPolicy = options?.propagationPolicy ?? propagationPolicy;
    dryRun =
      dryRun ||
      (Array.isArray(options?.dryRun) && options.dryRun.includes('All'));
    if (
      propagationPolicy &&
      !['Orphan', 'Background', 'Foreground'].includes(propagationPolicy)
    ) {
      throw statusErrors.badRequest(
        `propagationPolicy must be Orphan, Background or Foreground, got ${propagationPolicy}`,
      );
    }
  }
  return { propagationPolicy, dryRun };
}

export function deleteObject(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  request: ApiRequest,
): ApiResult {
  const options = deleteOptions(request);
  const deleted = ctx.store.delete(type, namespace, name, {
    ...options,
    resolveType: typeKey => ctx.registry.byTypeKey(typeKey),
  });
  return { status: 200, body: deleted };
}

export function deleteCollection(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  request: ApiRequest,
): ApiResult {
  const options = deleteOptions(request);
  const filter = filterFromQuery(request.query, namespace);
  const items = ctx.store
    .list(type, namespace)
    .filter(filter)
    .map(object =>
      ctx.store.delete(type, object.metadata.namespace, object.metadata.name!, {
        ...options,
        resolveType: typeKey => ctx.registry.byTypeKey(typeKey),
      }),
    );
  return {
    status: 200,
    body: {
      apiVersion: apiVersionOf(type),
      kind: type.listKind,
      metadata: {},
      items,
    },
  };
}
