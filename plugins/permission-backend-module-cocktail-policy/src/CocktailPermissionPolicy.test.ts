import { mockCredentials } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  catalogEntityDeletePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { cocktailServerScalePermission } from '@cocktailcloud/plugin-cocktail-common';
import { ServiceRoleDirectory } from '@cocktailcloud/plugin-cocktail-node';
import { catalogEntities, people } from './__testUtils__/people';
import { CocktailPermissionPolicy } from './CocktailPermissionPolicy';
import { CocktailPolicyDecider } from './CocktailPolicyDecider';

describe('CocktailPermissionPolicy', () => {
  const policy = new CocktailPermissionPolicy(
    new CocktailPolicyDecider(
      new ServiceRoleDirectory({
        catalog: catalogServiceMock({ entities: catalogEntities }),
        credentials: async () => mockCredentials.service(),
        platformAdmins: ['group:default/platform-team'],
        refreshMs: 10_000,
      }),
      {
        platformAdmins: ['group:default/platform-team'],
        openReads: true,
        clusterOwnersMayUpdate: true,
        refreshMs: 10_000,
      },
    ),
  );

  it('decides Cocktail permissions by Service role', async () => {
    expect(
      await policy.handle(
        { permission: cocktailServerScalePermission },
        people.carol,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      (
        await policy.handle(
          { permission: cocktailServerScalePermission },
          people.bob,
        )
      ).result,
    ).toBe(AuthorizeResult.CONDITIONAL);
  });

  it('allows platform admins everything in the other plugins', async () => {
    expect(
      await policy.handle(
        { permission: catalogLocationDeletePermission },
        people.root,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
    expect(
      await policy.handle(
        { permission: catalogEntityDeletePermission },
        people.root,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it("leaves the other plugins' permissions of everyone else to their defaults", async () => {
    expect(
      await policy.handle(
        { permission: catalogLocationDeletePermission },
        people.alice,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
    expect(
      (
        await policy.handle(
          { permission: catalogEntityDeletePermission },
          people.alice,
        )
      ).result,
    ).toBe(AuthorizeResult.CONDITIONAL);
    expect(
      await policy.handle(
        {
          permission: createPermission({
            name: 'scaffolder.action.execute',
            attributes: {},
          }),
        },
        people.alice,
      ),
    ).toEqual({ result: AuthorizeResult.ALLOW });
  });

  it("does not let a platform admin's allowance reach a Cocktail permission the table does not know", async () => {
    expect(
      await policy.handle(
        {
          permission: createPermission({
            name: 'cocktail.server.explode',
            attributes: {},
          }),
        },
        people.root,
      ),
    ).toEqual({ result: AuthorizeResult.DENY });
  });
});
