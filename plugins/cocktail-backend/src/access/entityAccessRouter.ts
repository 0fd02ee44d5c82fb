import {
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotFoundError } from '@backstage/errors';
import { z } from 'zod';
import { entityRef as entityRefField } from '../validation/inputFields';
import { validatedRouter } from '../validation/validatedRouter';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  CocktailEntityAccess,
  cocktailPermissions,
} from '@cocktailcloud/plugin-cocktail-common';
import express from 'express';
import { AccessExplainer } from './AccessExplainer';

/**
 * `GET /access?entityRef=`: what the signed-in person may do on an entity, decided by the
 * portal's policy in one batch, with their role on its Service and why each refusal.
 */
export function entityAccessRouter(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  explainer: AccessExplainer;
}): express.Router {
  const api = validatedRouter();
  api.get(
    '/access',
    { query: z.strictObject({ entityRef: entityRefField }) },
    async ({ query: { entityRef } }, req, res) => {
      const credentials = await options.httpAuth.credentials(req, {
        allow: ['user'],
      });
      const context = await options.explainer.roleContext(
        credentials,
        entityRef,
      );
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
    },
  );
  return api.router;
}
