import { RbacAuthorizer, RequestAttributes } from '../auth/rbacAuthorizer';
import { STATIC_TOKEN_USER, UserInfo } from '../auth/UserInfo';
import { ApiContext, ApiRequest, ApiResult } from './ApiContext';
import { parseBody } from './requestBody';
import { statusErrors } from './statusErrors';
import { ResourceType } from './types';

/** The review kinds a person asks about themselves (`kubectl auth can-i`, `kubectl auth whoami`). */
export const SELF_REVIEW_PLURALS = [
  'selfsubjectaccessreviews',
  'selfsubjectrulesreviews',
  'selfsubjectreviews',
];

/** Answers a self review from the requester's RBAC rules; nothing is stored, as on the API server. */
export function handleSelfReview(
  ctx: ApiContext,
  type: ResourceType,
  request: ApiRequest,
): ApiResult {
  if (request.method !== 'POST') {
    throw statusErrors.methodNotAllowed(
      `${type.plural} can only be created (POST)`,
    );
  }
  const body = parseBody(request);
  const user = request.user ?? STATIC_TOKEN_USER;
  const authorizer = new RbacAuthorizer(ctx.store, ctx.registry);
  const answer = (status: unknown) => ({
    status: 201,
    body: {
      apiVersion: `${type.group}/${type.version}`,
      kind: type.kind,
      metadata: { creationTimestamp: null },
      spec: body?.spec ?? {},
      status,
    },
  });
  switch (type.plural) {
    case 'selfsubjectaccessreviews': {
      const allowed = authorizer.allows(user, reviewAttributes(body?.spec));
      return answer(
        allowed
          ? { allowed: true, reason: 'allowed by RBAC' }
          : { allowed: false },
      );
    }
    case 'selfsubjectrulesreviews':
      return answer(rulesReview(authorizer, user, body?.spec?.namespace));
    default:
      return answer({ userInfo: user });
  }
}

function reviewAttributes(spec: any): RequestAttributes {
  const resource = spec?.resourceAttributes;
  if (resource) {
    return {
      verb: resource.verb ?? '',
      apiGroup: resource.group ?? '',
      resource: resource.resource ?? '',
      subresource: resource.subresource || undefined,
      namespace: resource.namespace || undefined,
      name: resource.name || undefined,
    };
  }
  const nonResource = spec?.nonResourceAttributes;
  if (nonResource) {
    return { verb: nonResource.verb ?? '', path: nonResource.path ?? '' };
  }
  throw statusErrors.invalid(
    {
      group: 'authorization.k8s.io',
      plural: 'selfsubjectaccessreviews',
      name: '',
      kind: 'SelfSubjectAccessReview',
    },
    [
      {
        field: 'spec.resourceAttributes',
        message:
          'exactly one of nonResourceAttributes or resourceAttributes must be specified',
      },
    ],
  );
}

function rulesReview(
  authorizer: RbacAuthorizer,
  user: UserInfo,
  namespace?: string,
) {
  const rules = authorizer.rulesOf(user, namespace || undefined);
  return {
    resourceRules: rules
      .filter(rule => rule.resources)
      .map(({ verbs, apiGroups, resources, resourceNames }) => ({
        verbs,
        apiGroups,
        resources,
        ...(resourceNames && { resourceNames }),
      })),
    nonResourceRules: rules
      .filter(rule => rule.nonResourceURLs)
      .map(({ verbs, nonResourceURLs }) => ({ verbs, nonResourceURLs })),
    incomplete: false,
  };
}
