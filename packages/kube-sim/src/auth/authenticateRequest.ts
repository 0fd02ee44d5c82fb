import { ApiContext } from '../api/ApiContext';
import { statusErrors } from '../api/statusErrors';
import { serviceAccountUser, STATIC_TOKEN_USER, UserInfo } from './UserInfo';

/**
 * Who sent a request, from its bearer token. A cluster started without a token (the demo's and
 * tests' open cluster) lets requests with no token, or one it never issued, act as its admin; a
 * TokenRequest token that has expired or whose ServiceAccount is gone is refused with 401 by
 * every cluster, as the API server refuses it.
 */
export function authenticateRequest(
  ctx: ApiContext,
  authorization: string | undefined,
): UserInfo {
  const token = authorization?.startsWith('Bearer ')
    ? authorization.slice(7)
    : undefined;
  if (!token) {
    if (ctx.tokens.required) {
      throw statusErrors.unauthorized();
    }
    return STATIC_TOKEN_USER;
  }
  const owner = ctx.tokens.owner(token);
  if (!owner) {
    if (ctx.tokens.required) {
      throw statusErrors.unauthorized();
    }
    return STATIC_TOKEN_USER;
  }
  if (owner.kind === 'expired') {
    throw statusErrors.unauthorized();
  }
  if (owner.kind === 'static') {
    return STATIC_TOKEN_USER;
  }
  const { namespace, name, uid } = owner.serviceAccount;
  const serviceAccounts = ctx.registry.find('', 'v1', 'serviceaccounts')!;
  if (ctx.store.get(serviceAccounts, namespace, name)?.metadata.uid !== uid) {
    throw statusErrors.unauthorized();
  }
  return serviceAccountUser(owner.serviceAccount);
}
