import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogEntityReadPermission,
  catalogEntityRefreshPermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  createPermission,
} from '@backstage/plugin-permission-common';
import { people, person } from './__testUtils__/people';
import { decideOtherPlugins } from './decideOtherPlugins';

const ALLOW = { result: AuthorizeResult.ALLOW };
const DENY = { result: AuthorizeResult.DENY };

describe('decideOtherPlugins', () => {
  it('allows everyone signed in to read and refresh the catalog and to use the other plugins', () => {
    for (const permission of [
      catalogEntityReadPermission,
      catalogEntityRefreshPermission,
      createPermission({
        name: 'scaffolder.template.parameter.read',
        attributes: { action: 'read' },
      }),
      createPermission({ name: 'kubernetes.resources.read', attributes: {} }),
    ]) {
      expect([
        permission.name,
        decideOtherPlugins({ permission }, people.mallory),
      ]).toEqual([permission.name, ALLOW]);
    }
  });

  it('denies everything when nobody is signed in', () => {
    expect(
      decideOtherPlugins({ permission: catalogEntityReadPermission }),
    ).toEqual(DENY);
  });

  it.each([catalogEntityCreatePermission, catalogLocationCreatePermission])(
    'allows $name to people in a team, and not to people in none',
    permission => {
      expect(decideOtherPlugins({ permission }, people.bob)).toEqual(ALLOW);
      expect(
        decideOtherPlugins(
          { permission },
          person('user:default/newcomer', ['Group:default/Interns']),
        ),
      ).toEqual(ALLOW);
      expect(decideOtherPlugins({ permission }, people.mallory)).toEqual(DENY);
    },
  );

  it('allows unregistering an entity to its owners only', () => {
    expect(
      decideOtherPlugins(
        { permission: catalogEntityDeletePermission },
        people.carol,
      ),
    ).toEqual({
      result: AuthorizeResult.CONDITIONAL,
      pluginId: 'catalog',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_ENTITY_OWNER',
        resourceType: 'catalog-entity',
        params: {
          claims: ['user:default/carol', 'group:default/payments-support'],
        },
      },
    });
  });

  it('denies removing a location to everyone it decides for', () => {
    expect(
      decideOtherPlugins(
        { permission: catalogLocationDeletePermission },
        people.owner,
      ),
    ).toEqual(DENY);
  });
});
