import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { PermissionPolicy } from '@backstage/plugin-permission-node';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { cocktailServerScalePermission } from '@cocktailcloud/plugin-cocktail-common';
import {
  catalogEntities,
  PAYMENTS_SCOPE,
  people,
} from './__testUtils__/people';
import { CocktailPermissionPolicy } from './CocktailPermissionPolicy';
import { permissionModuleCocktailPolicy } from './module';

describe('permissionModuleCocktailPolicy', () => {
  it("sets a CocktailPermissionPolicy as the permission backend's policy, with the portal's config and catalog", async () => {
    const setPolicy = jest.fn();
    await startTestBackend({
      extensionPoints: [[policyExtensionPoint, { setPolicy }]],
      features: [
        permissionModuleCocktailPolicy,
        catalogServiceMock.factory({ entities: catalogEntities }),
        mockServices.rootConfig.factory({
          data: {
            cocktail: {
              permissions: { platformAdmins: ['group:default/platform-team'] },
            },
          },
        }),
      ],
    });
    expect(setPolicy).toHaveBeenCalledTimes(1);
    const policy: PermissionPolicy = setPolicy.mock.calls[0][0];
    expect(policy).toBeInstanceOf(CocktailPermissionPolicy);
    // Platform admins from config …
    expect(
      await policy.handle(
        {
          permission: createPermission({
            name: 'kubernetes.proxy',
            attributes: {},
          }),
        },
        people.root,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    // … and roles from the catalog.
    expect(
      await policy.handle(
        { permission: cocktailServerScalePermission },
        people.bob,
      ),
    ).toMatchObject({
      result: AuthorizeResult.CONDITIONAL,
      conditions: { anyOf: [{ params: PAYMENTS_SCOPE }] },
    });
  });

  it('refuses to start with a platform admin that is not a ref, naming the key', async () => {
    await expect(
      startTestBackend({
        extensionPoints: [[policyExtensionPoint, { setPolicy: jest.fn() }]],
        features: [
          permissionModuleCocktailPolicy,
          catalogServiceMock.factory({ entities: catalogEntities }),
          mockServices.rootConfig.factory({
            data: { cocktail: { permissions: { platformAdmins: [':x'] } } },
          }),
        ],
      }),
    ).rejects.toThrow(/cocktail\.permissions\.platformAdmins\[0\]/);
  });
});
