import { authServiceFactory } from '@backstage/backend-defaults/auth';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import authPlugin from '@backstage/plugin-auth-backend';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import authModuleCocktailDemoProvider from '.';

const people = [
  { user: 'erin', description: 'Platform admin' },
  { user: 'alice', description: 'Payments admin' },
  { user: 'bob', description: 'Payments developer' },
  { user: 'carol', description: 'Payments viewer' },
  { user: 'dave', description: 'Search admin' },
  { user: 'frank', description: 'Listed, but not in the catalog' },
];

function user(name: string, displayName: string, groups: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name, namespace: 'default' },
    spec: {
      profile: { displayName, email: `${name}@example.com` },
      memberOf: groups,
    },
    // The catalog stitches these from spec.memberOf; the mock holds them as given.
    relations: groups.map(groupName => ({
      type: 'memberOf',
      targetRef: `group:default/${groupName}`,
    })),
  };
}

function group(name: string, members: string[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name, namespace: 'default' },
    spec: { type: 'team', children: [], members },
    relations: members.map(member => ({
      type: 'hasMember',
      targetRef: `user:default/${member}`,
    })),
  };
}

const entities = [
  user('erin', 'Erin Jung', ['platform-team']),
  user('alice', 'Alice Kim', ['payments-team']),
  user('bob', 'Bob Lee', ['payments-devs']),
  user('carol', 'Carol Park', ['payments-support']),
  user('dave', 'Dave Choi', ['search-team']),
  group('platform-team', ['erin']),
  group('payments-team', ['alice']),
  group('payments-devs', ['bob']),
  group('payments-support', ['carol']),
  group('search-team', ['dave']),
];

async function startAuth(
  options: {
    nodeEnv?: string;
    dangerouslyAllowOutsideDevelopment?: boolean;
  } = {},
) {
  const previous = process.env.NODE_ENV;
  // The provider reads NODE_ENV once, when the auth plugin starts, as the guest provider does.
  process.env.NODE_ENV = options.nodeEnv ?? 'development';
  try {
    const backend = await startTestBackend({
      features: [
        authPlugin,
        authModuleCocktailDemoProvider,
        // The real auth service, so the issued user token can be presented back to the backend.
        authServiceFactory,
        catalogServiceMock.factory({ entities }),
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            auth: {
              providers: {
                demo: {
                  people,
                  dangerouslyAllowOutsideDevelopment:
                    options.dangerouslyAllowOutsideDevelopment,
                },
              },
            },
          },
        }),
      ],
    });
    const baseUrl = `http://localhost:${backend.server.port()}`;
    const refresh = async (person?: string) => {
      const response = await fetch(`${baseUrl}/api/auth/demo/refresh`, {
        headers: {
          'X-Requested-With': 'XMLHttpRequest',
          ...(person ? { 'x-cocktail-demo-person': person } : {}),
        },
      });
      return { status: response.status, body: await response.json() };
    };
    return { backend, baseUrl, refresh };
  } finally {
    process.env.NODE_ENV = previous;
  }
}

function claimsOf(token: string) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
}

describe('demo sign-in in development', () => {
  let auth: Awaited<ReturnType<typeof startAuth>>;

  beforeAll(async () => {
    auth = await startAuth();
  });

  afterAll(async () => {
    await auth?.backend.stop();
  });

  it('signs bob in as user:default/bob with his groups as ownership refs', async () => {
    const { status, body } = await auth.refresh('bob');

    expect(status).toBe(200);
    expect(body.backstageIdentity.identity).toEqual({
      type: 'user',
      userEntityRef: 'user:default/bob',
      ownershipEntityRefs: ['user:default/bob', 'group:default/payments-devs'],
    });
    // As with every provider, the token leaves the ownership claim to the auth backend's user
    // info, which plugins read through the userInfo service.
    const token = body.backstageIdentity.token;
    expect(claimsOf(token).sub).toBe('user:default/bob');
    const userInfo = await fetch(`${auth.baseUrl}/api/auth/v1/userinfo`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    expect(await userInfo.json()).toMatchObject({
      claims: {
        sub: 'user:default/bob',
        ent: ['user:default/bob', 'group:default/payments-devs'],
      },
    });
  });

  it('gives the person the profile of their User entity', async () => {
    const { body } = await auth.refresh('carol');

    expect(body.profile).toEqual({
      displayName: 'Carol Park',
      email: 'carol@example.com',
    });
    expect(body.backstageIdentity.identity.ownershipEntityRefs).toEqual([
      'user:default/carol',
      'group:default/payments-support',
    ]);
  });

  it('refuses a person who is not listed, naming the header and the people', async () => {
    const { status, body } = await auth.refresh('mallory');

    expect(status).toBe(401);
    expect(body.error.message).toBe(
      "'mallory' is not a demo person; the x-cocktail-demo-person header must name one of: erin, alice, bob, carol, dave, frank",
    );
  });

  it('refuses a request without the header, naming the header and the people', async () => {
    const { status, body } = await auth.refresh();

    expect(status).toBe(401);
    expect(body.error.message).toBe(
      'Demo sign-in needs the x-cocktail-demo-person header naming one of the demo people: erin, alice, bob, carol, dave, frank',
    );
  });

  it('says which User entity is missing when a listed person is not in the catalog', async () => {
    const { status, body } = await auth.refresh('frank');

    expect(status).toBe(404);
    expect(body.error.message).toContain(
      "The demo person 'frank' has no User entity user:default/frank in the catalog",
    );
  });
});

describe('demo sign-in outside development', () => {
  it('refuses everyone when NODE_ENV is production', async () => {
    const { backend, refresh } = await startAuth({ nodeEnv: 'production' });
    try {
      const { status, body } = await refresh('bob');

      expect(status).toBe(403);
      expect(body.error.message).toContain(
        'Demo sign-in is refused outside development',
      );
      expect(body.error.message).toContain(
        'auth.providers.demo.dangerouslyAllowOutsideDevelopment',
      );
    } finally {
      await backend.stop();
    }
  });

  it('signs people in when dangerouslyAllowOutsideDevelopment is true', async () => {
    const { backend, refresh } = await startAuth({
      nodeEnv: 'production',
      dangerouslyAllowOutsideDevelopment: true,
    });
    try {
      const { status, body } = await refresh('bob');

      expect(status).toBe(200);
      expect(body.backstageIdentity.identity.userEntityRef).toBe(
        'user:default/bob',
      );
    } finally {
      await backend.stop();
    }
  });
});
