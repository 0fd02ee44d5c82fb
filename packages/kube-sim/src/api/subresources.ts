import { ApiContext, ApiRequest, ApiResult } from './ApiContext';
import { evictPod } from './evictPod';
import { patchValue } from './patch';
import { contentType, isDryRun, parseBody } from './requestBody';
import { simulatedLogLines } from './simulatedLogs';
import { statusErrors } from './statusErrors';
import { KubeObject, ResourceType } from './types';

function existing(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
) {
  const object = ctx.store.get(type, namespace, name);
  if (!object) {
    throw statusErrors.notFound({
      group: type.group,
      plural: type.plural,
      name,
    });
  }
  return object;
}

function scaleOf(object: KubeObject) {
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: {
      name: object.metadata.name,
      namespace: object.metadata.namespace,
      uid: object.metadata.uid,
      resourceVersion: object.metadata.resourceVersion,
      creationTimestamp: object.metadata.creationTimestamp,
    },
    spec: { replicas: object.spec?.replicas ?? 0 },
    status: {
      replicas: object.status?.replicas ?? 0,
      selector: Object.entries(object.spec?.selector?.matchLabels ?? {})
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    },
  };
}

/**
 * GET, PUT and PATCH on status and scale; GET on pods/log; POST on pods/eviction and
 * serviceaccounts/token.
 */
export function handleSubresource(
  ctx: ApiContext,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  subresource: string,
  request: ApiRequest,
): ApiResult {
  if (!type.subresources.includes(subresource)) {
    throw statusErrors.notFound({
      group: type.group,
      plural: `${type.plural}/${subresource}`,
      name,
    });
  }
  const object = existing(ctx, type, namespace, name);
  const method = request.method;
  if (subresource === 'log' && method === 'GET') {
    return { status: 200, text: podLog(object, request) };
  }
  if (subresource === 'eviction' && method === 'POST') {
    return evictPod(ctx, type, object, request);
  }
  if (subresource === 'token' && method === 'POST') {
    return tokenRequest(ctx, object, request);
  }
  if (subresource === 'status' || subresource === 'finalize') {
    if (method === 'GET') {
      return { status: 200, body: object };
    }
    const input =
      method === 'PUT'
        ? parseBody(request)
        : (patchValue(
            contentType(request),
            object,
            parseBody(request),
          ) as KubeObject);
    // Only status (or, for finalize, spec.finalizers) changes through these subresources.
    const next =
      subresource === 'status'
        ? {
            ...object,
            status: input.status,
            metadata: {
              ...object.metadata,
              resourceVersion: input.metadata?.resourceVersion,
            },
          }
        : {
            ...object,
            spec: { ...object.spec, finalizers: input.spec?.finalizers ?? [] },
            metadata: {
              ...object.metadata,
              resourceVersion: input.metadata?.resourceVersion,
            },
          };
    return {
      status: 200,
      body: ctx.store.update(type, next, { dryRun: isDryRun(request) }),
    };
  }
  if (subresource === 'scale') {
    if (method === 'GET') {
      return { status: 200, body: scaleOf(object) };
    }
    const input =
      method === 'PUT'
        ? parseBody(request)
        : (patchValue(
            contentType(request),
            scaleOf(object),
            parseBody(request),
          ) as any);
    const replicas = input?.spec?.replicas;
    if (!Number.isInteger(replicas) || replicas < 0) {
      throw statusErrors.invalid(
        { group: 'autoscaling', plural: 'scale', name, kind: 'Scale' },
        [
          {
            field: 'spec.replicas',
            message: `Invalid value: ${JSON.stringify(
              replicas,
            )}: must be greater than or equal to 0`,
          },
        ],
      );
    }
    const updated = ctx.store.update(
      type,
      {
        ...object,
        spec: { ...object.spec, replicas },
        metadata: {
          ...object.metadata,
          resourceVersion: input.metadata?.resourceVersion,
        },
      },
      { dryRun: isDryRun(request) },
    );
    return { status: 200, body: scaleOf(updated) };
  }
  throw statusErrors.methodNotAllowed(
    `${method} is not supported on ${type.plural}/${subresource}`,
  );
}

function podLog(pod: KubeObject, request: ApiRequest): string {
  const containers: string[] = (pod.spec?.containers ?? []).map(
    (c: any) => c.name,
  );
  const container =
    request.query.get('container') ??
    (containers.length === 1 ? containers[0] : undefined);
  if (!container) {
    throw statusErrors.badRequest(
      `a container name must be specified for pod ${
        pod.metadata.name
      }, choose one of: [${containers.join(' ')}]`,
    );
  }
  if (!containers.includes(container)) {
    throw statusErrors.badRequest(
      `container ${container} is not valid for pod ${pod.metadata.name}`,
    );
  }
  const tail = request.query.get('tailLines');
  const lines = simulatedLogLines(pod, container);
  return `${(tail ? lines.slice(-Number(tail)) : lines).join('\n')}\n`;
}

function tokenRequest(
  ctx: ApiContext,
  serviceAccount: KubeObject,
  request: ApiRequest,
): ApiResult {
  const body = parseBody(request);
  const expirationSeconds = body?.spec?.expirationSeconds ?? 3600;
  if (!Number.isInteger(expirationSeconds) || expirationSeconds < 600) {
    throw statusErrors.invalid(
      {
        group: 'authentication.k8s.io',
        plural: 'tokenrequests',
        name: serviceAccount.metadata.name,
        kind: 'TokenRequest',
      },
      [
        {
          field: 'spec.expirationSeconds',
          message: 'may not specify a duration less than 10 minutes',
        },
      ],
    );
  }
  const { token, expiresAt } = ctx.tokens.issue(
    {
      namespace: serviceAccount.metadata.namespace!,
      name: serviceAccount.metadata.name!,
      uid: serviceAccount.metadata.uid!,
    },
    expirationSeconds,
  );
  return {
    status: 201,
    body: {
      apiVersion: 'authentication.k8s.io/v1',
      kind: 'TokenRequest',
      metadata: {
        name: serviceAccount.metadata.name,
        namespace: serviceAccount.metadata.namespace,
      },
      spec: { ...body?.spec, expirationSeconds },
      status: { token, expirationTimestamp: expiresAt.toISOString() },
    },
  };
}
