import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  createPermission,
  Permission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';
import {
  COCKTAIL_PERMISSION_GRANTS,
  cocktailAuditReadPermission,
  cocktailClusterCreatePermission,
  cocktailClusterReadPermission,
  cocktailClusterUpdatePermission,
  cocktailImageScanCreatePermission,
  cocktailImageScanOverridePermission,
  cocktailImageScanReadPermission,
  cocktailPermissions,
  cocktailServerDeletePermission,
  cocktailServerDeployPermission,
  cocktailServerReadPermission,
  cocktailServerRestartPermission,
  cocktailServerRollbackPermission,
  cocktailServerRollingUpdatePermission,
  cocktailServerScalePermission,
  cocktailServerSuspendPermission,
  cocktailServerAutoscalePermission,
  cocktailServiceMapProvisionPermission,
  CocktailServiceScope,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  CocktailPermissionsConfig,
  ServiceRoleDirectory,
} from '@cocktailcloud/plugin-cocktail-node';
import {
  catalogEntities,
  PAYMENTS_SCOPE,
  people,
  person,
  SHOP_SCOPE,
} from './__testUtils__/people';
import {
  CocktailPolicyDecider,
  ownershipRefsOf,
} from './CocktailPolicyDecider';

const kubernetesProxyPermission = createPermission({
  name: 'kubernetes.proxy',
  attributes: {},
});

const ALLOW = { result: AuthorizeResult.ALLOW };
const DENY = { result: AuthorizeResult.DENY };

function inServices(scope: CocktailServiceScope): PolicyDecision {
  return {
    result: AuthorizeResult.CONDITIONAL,
    pluginId: 'catalog',
    resourceType: 'catalog-entity',
    conditions: {
      anyOf: [
        {
          rule: 'IS_IN_COCKTAIL_SERVICE',
          resourceType: 'catalog-entity',
          params: scope,
        },
      ],
    },
  } as PolicyDecision;
}

function deciderWith(settings: Partial<CocktailPermissionsConfig> = {}) {
  const full: CocktailPermissionsConfig = {
    platformAdmins: ['group:default/platform-team'],
    openReads: true,
    clusterOwnersMayUpdate: true,
    refreshMs: 10_000,
    ...settings,
  };
  const directory = new ServiceRoleDirectory({
    catalog: catalogServiceMock({ entities: catalogEntities }),
    credentials: async () => mockCredentials.service('plugin:permission'),
    platformAdmins: full.platformAdmins,
    refreshMs: full.refreshMs,
  });
  return new CocktailPolicyDecider(directory, full);
}

const developerPermissions = [
  cocktailServerDeployPermission,
  cocktailServerRollingUpdatePermission,
  cocktailServerRestartPermission,
  cocktailServerScalePermission,
  cocktailServerAutoscalePermission,
  cocktailServerRollbackPermission,
  cocktailServerSuspendPermission,
];
const adminPermissions = [
  cocktailServerDeletePermission,
  cocktailServiceMapProvisionPermission,
  cocktailImageScanOverridePermission,
];

describe('CocktailPolicyDecider', () => {
  const decider = deciderWith();
  const decide = (permission: Permission, user?: PolicyQueryUser) =>
    decider.decide({ permission }, user);

  it('allows a platform admin every permission in the table, the Kubernetes proxy included', async () => {
    const permissions = [...cocktailPermissions, kubernetesProxyPermission];
    expect(permissions.map(p => p.name).sort()).toEqual(
      COCKTAIL_PERMISSION_GRANTS.map(g => g.permission).sort(),
    );
    for (const permission of permissions) {
      expect([permission.name, await decide(permission, people.root)]).toEqual([
        permission.name,
        ALLOW,
      ]);
    }
  });

  it('allows everyone signed in to read the cluster list', async () => {
    expect(await decide(cocktailClusterReadPermission, people.mallory)).toEqual(
      ALLOW,
    );
  });

  it('allows everyone signed in to read status while reads are open', async () => {
    expect(await decide(cocktailServerReadPermission, people.mallory)).toEqual(
      ALLOW,
    );
  });

  it("keeps status reads to a Service's members when reads are not open", async () => {
    const closed = deciderWith({ openReads: false });
    expect(
      await closed.decide(
        { permission: cocktailServerReadPermission },
        people.carol,
      ),
    ).toEqual(inServices(PAYMENTS_SCOPE));
    expect(
      await closed.decide(
        { permission: cocktailServerReadPermission },
        people.bob,
      ),
    ).toEqual(
      inServices({
        services: [...PAYMENTS_SCOPE.services, ...SHOP_SCOPE.services],
        serviceMaps: [...PAYMENTS_SCOPE.serviceMaps, ...SHOP_SCOPE.serviceMaps],
      }),
    );
    expect(
      await closed.decide(
        { permission: cocktailServerReadPermission },
        people.mallory,
      ),
    ).toEqual(DENY);
  });

  it.each(developerPermissions.map(p => [p.name, p] as const))(
    'allows %s on exactly the Services (and their ServiceMaps) where the person is a developer or more',
    async (_name, permission) => {
      // bob is a developer on payments and only a viewer on shop.
      expect(await decide(permission, people.bob)).toEqual(
        inServices(PAYMENTS_SCOPE),
      );
      expect(await decide(permission, people.dave)).toEqual(
        inServices(SHOP_SCOPE),
      );
      // An admin has what a developer has.
      expect(await decide(permission, people.alice)).toEqual(
        inServices(PAYMENTS_SCOPE),
      );
    },
  );

  it.each(developerPermissions.map(p => [p.name, p] as const))(
    'denies %s to viewers and to people without a role',
    async (_name, permission) => {
      expect(await decide(permission, people.carol)).toEqual(DENY);
      expect(await decide(permission, people.mallory)).toEqual(DENY);
    },
  );

  it.each(adminPermissions.map(p => [p.name, p] as const))(
    "allows %s to a Service's admins and its owner group, and denies developers",
    async (_name, permission) => {
      expect(await decide(permission, people.alice)).toEqual(
        inServices(PAYMENTS_SCOPE),
      );
      expect(await decide(permission, people.owner)).toEqual(
        inServices(PAYMENTS_SCOPE),
      );
      expect(await decide(permission, people.bob)).toEqual(DENY);
    },
  );

  it.each(
    [cocktailAuditReadPermission, cocktailImageScanReadPermission].map(
      p => [p.name, p] as const,
    ),
  )(
    "keeps %s to a Service's members even while reads are open",
    async (_name, permission) => {
      expect(await decide(permission, people.carol)).toEqual(
        inServices(PAYMENTS_SCOPE),
      );
      expect(await decide(permission, people.mallory)).toEqual(DENY);
    },
  );

  it('allows uploading scans to a developer of any Service, and not to viewers', async () => {
    expect(await decide(cocktailImageScanCreatePermission, people.bob)).toEqual(
      ALLOW,
    );
    expect(
      await decide(cocktailImageScanCreatePermission, people.dave),
    ).toEqual(ALLOW);
    expect(
      await decide(cocktailImageScanCreatePermission, people.carol),
    ).toEqual(DENY);
    expect(
      await decide(cocktailImageScanCreatePermission, people.mallory),
    ).toEqual(DENY);
  });

  it("allows a cluster update on the cluster's Resource to its owners", async () => {
    expect(await decide(cocktailClusterUpdatePermission, people.bob)).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        allOf: [
          {
            rule: 'IS_ENTITY_KIND',
            resourceType: 'catalog-entity',
            params: { kinds: ['resource'] },
          },
          {
            rule: 'IS_ENTITY_OWNER',
            resourceType: 'catalog-entity',
            params: { claims: ['user:default/bob', 'group:default/devs'] },
          },
        ],
      },
    });
  });

  it('denies cluster updates to everyone but platform admins when cluster owners may not update', async () => {
    const strict = deciderWith({ clusterOwnersMayUpdate: false });
    expect(
      await strict.decide(
        { permission: cocktailClusterUpdatePermission },
        people.bob,
      ),
    ).toEqual(DENY);
    expect(
      await strict.decide(
        { permission: cocktailClusterUpdatePermission },
        people.root,
      ),
    ).toEqual(ALLOW);
  });

  it('denies creating clusters and the Kubernetes proxy to everyone but platform admins', async () => {
    for (const user of [people.alice, people.owner, people.bob]) {
      expect(await decide(cocktailClusterCreatePermission, user)).toEqual(DENY);
      expect(await decide(kubernetesProxyPermission, user)).toEqual(DENY);
    }
  });

  it('denies a cocktail permission the table does not know, even to platform admins', async () => {
    const unknown = createPermission({
      name: 'cocktail.server.explode',
      attributes: {},
    });
    expect(await decide(unknown, people.alice)).toEqual(DENY);
    expect(await decide(unknown, people.root)).toEqual(DENY);
  });

  it('denies everything when nobody is signed in', async () => {
    expect(await decide(cocktailClusterReadPermission)).toEqual(DENY);
    expect(await decide(cocktailServerReadPermission)).toEqual(DENY);
  });

  it("uses the person's user ref when the token carries no ownership refs", async () => {
    const alone = {
      ...person('user:default/alice'),
      info: { userEntityRef: 'user:default/alice', ownershipEntityRefs: [] },
    };
    expect(ownershipRefsOf(alone)).toEqual(['user:default/alice']);
    expect(await decide(cocktailServerScalePermission, alone)).toEqual(
      inServices(PAYMENTS_SCOPE),
    );
  });

  it('decides every cocktail permission and the Kubernetes proxy, and nothing else', () => {
    const handles = (name: string) =>
      decider.handles({
        permission: createPermission({ name, attributes: {} }),
      });
    expect(handles('cocktail.server.scale')).toBe(true);
    expect(handles('cocktail.anything.new')).toBe(true);
    expect(handles('kubernetes.proxy')).toBe(true);
    expect(handles('kubernetes.resources.read')).toBe(false);
    expect(handles('catalog.entity.read')).toBe(false);
  });

  it('is built from config, reading Services with its own credentials', async () => {
    const catalog = catalogServiceMock({ entities: catalogEntities });
    const getEntities = jest.spyOn(catalog, 'getEntities');
    const fromConfig = CocktailPolicyDecider.fromConfig(
      new ConfigReader({
        cocktail: {
          permissions: { platformAdmins: ['user:root'], openReads: false },
        },
      }),
      { catalog, auth: mockServices.auth({ pluginId: 'permission' }) },
    );
    expect(fromConfig.isPlatformAdmin(person('user:default/root'))).toBe(true);
    // Only config names platform admins: here not platform-team.
    expect(
      fromConfig.isPlatformAdmin(
        person('user:default/olivia', ['group:default/platform-team']),
      ),
    ).toBe(false);
    expect(
      await fromConfig.decide(
        { permission: cocktailServerReadPermission },
        people.carol,
      ),
    ).toEqual(inServices(PAYMENTS_SCOPE));
    expect(getEntities).toHaveBeenCalled();
    for (const [, options] of getEntities.mock.calls) {
      expect(options).toMatchObject({
        credentials: {
          principal: { type: 'service', subject: 'plugin:permission' },
        },
      });
    }
  });
});
