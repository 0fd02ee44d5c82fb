import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import { cocktailPermissions } from '@cocktailcloud/plugin-cocktail-common';
import { ServiceRoleDirectory } from '@cocktailcloud/plugin-cocktail-node';
import express from 'express';
import request from 'supertest';
import { AccessExplainer } from './AccessExplainer';
import { entityAccessRouter } from './entityAccessRouter';

const API_VERSION = 'cocktailcloud.io/v1alpha1';

const entities = [
  {
    apiVersion: API_VERSION,
    kind: 'Service',
    metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
    spec: {
      owner: 'group:payments-team',
      members: [
        { ref: 'user:alice', role: 'admin' },
        { ref: 'user:bob', role: 'developer' },
        { ref: 'group:payments-support', role: 'viewer' },
      ],
    },
  },
  {
    apiVersion: API_VERSION,
    kind: 'ServiceMap',
    metadata: { name: 'payments-prod', namespace: 'default' },
    spec: {
      service: 'payments',
      environment: 'production',
      cluster: 'resource:prod',
      namespace: 'payments',
    },
  },
  {
    apiVersion: API_VERSION,
    kind: 'CocktailServer',
    metadata: { name: 'payments-api', namespace: 'default' },
    spec: {
      serviceMap: 'payments-prod',
      type: 'Deployment',
      containers: [{ name: 'api', image: 'payments/api:1.0.0' }],
    },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name: 'prod', namespace: 'default' },
    spec: { type: 'kubernetes-cluster', owner: 'group:infra' },
  },
];

/** The groups each person is in, as the sign-in resolver puts them in the token. */
const groups: Record<string, string[]> = {
  'user:default/carol': ['group:default/payments-support'],
  'user:default/root': ['group:default/platform-team'],
};

/** What the portal's policy allows each person (a mock: the explanations are under test). */
const allowed: Record<string, string[]> = {
  'user:default/carol': [
    'cocktail.cluster.read',
    'cocktail.server.read',
    'cocktail.audit.read',
    'cocktail.imagescan.read',
  ],
  'user:default/mallory': ['cocktail.cluster.read', 'cocktail.server.read'],
  'user:default/root': cocktailPermissions.map(p => p.name),
};

const ADMINS_OF_PAYMENTS =
  'Ask an admin of Payments (group:default/payments-team, user:default/alice).';
const ASK_PLATFORM = 'Ask a platform admin (group:default/platform-team).';

describe('GET /access', () => {
  const authorize = jest.fn(
    async (
      requests: Array<{ permission: { name: string } }>,
      { credentials }: { credentials: BackstageCredentials },
    ) => {
      const user = (credentials.principal as { userEntityRef: string })
        .userEntityRef;
      return requests.map(r => ({
        result: allowed[user]?.includes(r.permission.name)
          ? AuthorizeResult.ALLOW
          : AuthorizeResult.DENY,
      }));
    },
  );
  let app: express.Express;

  beforeAll(() => {
    const catalog = catalogServiceMock({ entities });
    const directory = new ServiceRoleDirectory({
      catalog,
      credentials: async () => mockCredentials.service('plugin:cocktail'),
      platformAdmins: ['group:default/platform-team'],
      refreshMs: 10_000,
    });
    const explainer = new AccessExplainer({
      directory,
      catalog,
      auth: mockServices.auth(),
      userInfo: {
        getUserInfo: async credentials => {
          const userEntityRef = (credentials.principal as any).userEntityRef;
          return {
            userEntityRef,
            ownershipEntityRefs: [
              userEntityRef,
              ...(groups[userEntityRef] ?? []),
            ],
          };
        },
      },
    });
    const router = entityAccessRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions.mock({
        authorize: authorize as any,
      }),
      explainer,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    });
    app = express().use(router).use(middleware.error());
  });

  beforeEach(() => authorize.mockClear());

  const access = (entityRef: string | undefined, user: string) =>
    request(app)
      .get('/access')
      .query(entityRef === undefined ? {} : { entityRef })
      .set('Authorization', mockCredentials.user.header(user));

  it("answers a viewer's role, the Service, its admins, and why each refused permission is refused", async () => {
    const response = await access(
      'cocktailserver:default/payments-api',
      'user:default/carol',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: 'cocktailserver:default/payments-api',
      service: {
        entityRef: 'service:default/payments',
        title: 'Payments',
        admins: ['group:default/payments-team', 'user:default/alice'],
      },
      role: 'viewer',
      platformAdmin: false,
    });
    const { permissions } = response.body;
    expect(Object.keys(permissions).sort()).toEqual(
      cocktailPermissions.map(p => p.name).sort(),
    );
    expect(permissions['cocktail.server.read']).toEqual({ allowed: true });
    expect(permissions['cocktail.audit.read']).toEqual({ allowed: true });
    expect(permissions['cocktail.server.scale']).toEqual({
      allowed: false,
      reason: `Scaling needs the developer role on Payments; you are a viewer. ${ADMINS_OF_PAYMENTS}`,
    });
    expect(permissions['cocktail.server.delete']).toEqual({
      allowed: false,
      reason: `Deleting a server needs the admin role on Payments; you are a viewer. ${ADMINS_OF_PAYMENTS}`,
    });
    expect(permissions['cocktail.imagescan.create']).toEqual({
      allowed: false,
      reason: `Uploading scans needs the developer role on at least one Service; you have none that high. ${ASK_PLATFORM}`,
    });
    expect(permissions['cocktail.cluster.create']).toEqual({
      allowed: false,
      reason: `Creating clusters needs a platform admin; you are not one. ${ASK_PLATFORM}`,
    });
    for (const [name, decision] of Object.entries<any>(permissions)) {
      expect([name, decision.allowed, typeof decision.reason]).toEqual([
        name,
        decision.allowed,
        decision.allowed ? 'undefined' : 'string',
      ]);
    }
  });

  it('asks the policy about every Cocktail permission in one batch, on the entity for those checked on one', async () => {
    await access('cocktailserver:default/payments-api', 'user:default/carol');
    expect(authorize).toHaveBeenCalledTimes(1);
    const [requests] = authorize.mock.calls[0];
    expect(requests).toEqual(
      cocktailPermissions.map(permission =>
        isResourcePermission(permission)
          ? {
              permission,
              resourceRef: 'cocktailserver:default/payments-api',
            }
          : { permission },
      ),
    );
  });

  it('says a person has no role on the Service when they have none', async () => {
    const response = await access(
      'servicemap:default/payments-prod',
      'user:default/mallory',
    );
    expect(response.status).toBe(200);
    expect(response.body.role).toBeUndefined();
    expect(response.body.service.entityRef).toBe('service:default/payments');
    expect(response.body.permissions['cocktail.audit.read']).toEqual({
      allowed: false,
      reason: `Reading the audit log needs the viewer role on Payments; you have no role there. ${ADMINS_OF_PAYMENTS}`,
    });
  });

  it("names a cluster Resource's owner as the one besides platform admins who may update it", async () => {
    const response = await access(
      'resource:default/prod',
      'user:default/carol',
    );
    expect(response.status).toBe(200);
    expect(response.body.service).toBeUndefined();
    expect(response.body.role).toBeUndefined();
    expect(response.body.permissions['cocktail.cluster.update']).toEqual({
      allowed: false,
      reason: `Changing a cluster needs a platform admin or the cluster's owner (group:infra); you are neither. ${ASK_PLATFORM}`,
    });
    expect(response.body.permissions['cocktail.server.scale'].reason).toBe(
      `Scaling needs the developer role on the entity's Service, and resource:default/prod belongs to no Service in the catalog. ${ASK_PLATFORM}`,
    );
  });

  it('says when the person is a platform admin', async () => {
    const response = await access(
      'cocktailserver:default/payments-api',
      'user:default/root',
    );
    expect(response.body.platformAdmin).toBe(true);
    expect(
      Object.values<any>(response.body.permissions).every(d => d.allowed),
    ).toBe(true);
  });

  it('answers 400 naming the parameter when the entityRef is missing or malformed', async () => {
    const missing = await access(undefined, 'user:default/carol');
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toBe(
      'entityRef: missing; expected an entity ref such as cocktailserver:default/payments-api',
    );
    const malformed = await access('payments-api', 'user:default/carol');
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toBe(
      'entityRef: expected an entity ref (kind:namespace/name) such as cocktailserver:default/payments-api, got "payments-api"',
    );
    expect(authorize).not.toHaveBeenCalled();
  });

  it('answers 404 for an entity that is not in the catalog', async () => {
    const response = await access(
      'cocktailserver:default/nope',
      'user:default/carol',
    );
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'no entity cocktailserver:default/nope in the catalog',
    );
    expect(authorize).not.toHaveBeenCalled();
  });

  it('refuses callers that are not people', async () => {
    const response = await request(app)
      .get('/access')
      .query({ entityRef: 'cocktailserver:default/payments-api' })
      .set('Authorization', mockCredentials.service.header());
    expect(response.status).toBe(403);
    expect(authorize).not.toHaveBeenCalled();
  });
});
