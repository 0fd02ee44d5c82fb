import { ApiContext, ApiRequest } from '../api/ApiContext';
import { StatusError } from '../api/statusErrors';
import { RbacAuthorizer } from './rbacAuthorizer';
import { forbiddenMessage, requestAttributes } from './requestAttributes';
import { UserInfo } from './UserInfo';

/** Refuses, with the API server's 403 Status, a request the user's RBAC rules do not allow. */
export function authorizeRequest(
  ctx: ApiContext,
  user: UserInfo,
  path: string,
  request: Pick<ApiRequest, 'method' | 'query'>,
) {
  const attributes = requestAttributes(path, request, ctx.registry);
  if (new RbacAuthorizer(ctx.store, ctx.registry).allows(user, attributes)) {
    return;
  }
  throw new StatusError(
    403,
    'Forbidden',
    forbiddenMessage(user.username, attributes),
    'resource' in attributes
      ? {
          name: attributes.name,
          group: attributes.apiGroup,
          kind: attributes.resource,
        }
      : undefined,
  );
}
