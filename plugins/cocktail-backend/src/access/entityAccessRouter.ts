import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  CocktailEntityAccess,
  cocktailPermissions,
} from '@cocktailcloud/plugin-cocktail-common';
import express from 'express';
import Router from 'express-promise-router';
import { AccessExplainer } from './AccessExplainer';

function parseEntityRefParam(value: unknown): string {
  if (typeof value !== 'string' || !value) {
    throw new InputError(
      'entityRef: expected one entity ref such as cocktailserver:default/payments-api',
    );
  }
  try {
    return stringifyEntityRef(parseEntityRef(value));
  } catch {
    throw new InputError(
      `entityRef: expected kind:namespace/name, got ${JSON.stringify(value)}`,
    );
  }
}

/**
 * `GET /access?entityRef=`: what the signed-in person may do on an entity, decided by the
 * portal's policy in one batch, with their role on its Service and why each refusal.
 */
export function entityAccessRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  explainer: AccessExplainer;
}): express.Router {
  const router = Router();
  router.get('/access', async (req, res) => {
    const entityRef = parseEntityRefParam(req.query.entityRef);
    const credentials = await options.httpAuth.credentials(req, {
      allow: ['user'],
    });
    const context = await options.explainer.roleContext(credentials, entityRef);
    if (!context.entity) {
      throw new NotFoundError(`no entity ${entityRef} in the catalog`);
    }
    const decisions = await options.permissions.authorize(
      cocktailPermissions.map(permission =>
        isResourcePermission(permission)
          ? { permission, resourceRef: entityRef }
          : { permission },
      ),
      { credentials },
    );
    const access: CocktailEntityAccess = {
      entityRef,
      ...(context.service
        ? {
            service: {
              entityRef: context.service.ref,
              title: context.service.title,
              admins: context.service.admins,
            },
          }
        : {}),
      ...(context.role ? { role: context.role } : {}),
      platformAdmin: context.platformAdmin,
      permissions: {},
    };
    for (const [i, permission] of cocktailPermissions.entries()) {
      const allowed = decisions[i].result === AuthorizeResult.ALLOW;
      access.permissions[permission.name] = allowed
        ? { allowed }
        : {
            allowed,
            reason: await options.explainer.explain(
              credentials,
              permission.name,
              entityRef,
              context,
            ),
          };
    }
    res.json(access);
  });
  return router;
}
