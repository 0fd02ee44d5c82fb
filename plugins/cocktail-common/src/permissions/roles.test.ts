import { isResourcePermission } from '@backstage/plugin-permission-common';
import { cocktailPermissions } from './permissions';
import {
  COCKTAIL_PERMISSION_GRANTS,
  cocktailPermissionGrant,
  CocktailRole,
  higherRole,
  renderPermissionTableMarkdown,
  roleIncludes,
} from './roles';

describe('roleIncludes', () => {
  it.each<[CocktailRole, CocktailRole, boolean]>([
    ['viewer', 'viewer', true],
    ['viewer', 'developer', false],
    ['viewer', 'admin', false],
    ['developer', 'viewer', true],
    ['developer', 'developer', true],
    ['developer', 'admin', false],
    ['admin', 'viewer', true],
    ['admin', 'developer', true],
    ['admin', 'admin', true],
  ])(
    'says that the %s role includes what needs the %s role: %s',
    (role, needed, expected) => {
      expect(roleIncludes(role, needed)).toBe(expected);
    },
  );

  it('gives someone without a role nothing, not even the viewer role', () => {
    expect(roleIncludes(undefined, 'viewer')).toBe(false);
  });
});

describe('higherRole', () => {
  it.each<[CocktailRole | undefined, CocktailRole | undefined, CocktailRole]>([
    ['viewer', 'developer', 'developer'],
    ['developer', 'viewer', 'developer'],
    ['admin', 'developer', 'admin'],
    ['viewer', 'admin', 'admin'],
    ['developer', 'developer', 'developer'],
    [undefined, 'viewer', 'viewer'],
    ['admin', undefined, 'admin'],
  ])('picks the higher of %s and %s: %s', (a, b, expected) => {
    expect(higherRole(a, b)).toBe(expected);
  });

  it('answers no role when neither side has one', () => {
    expect(higherRole(undefined, undefined)).toBeUndefined();
  });
});

describe('the role → permission table', () => {
  it('has a grant for every Cocktail permission', () => {
    const granted = COCKTAIL_PERMISSION_GRANTS.map(g => g.permission);
    const missing = cocktailPermissions
      .map(p => p.name)
      .filter(name => !granted.includes(name));
    expect(missing).toEqual([]);
  });

  it('grants only permissions that exist, each once, besides the Kubernetes proxy', () => {
    const names = COCKTAIL_PERMISSION_GRANTS.map(g => g.permission);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(
      [...cocktailPermissions.map(p => p.name), 'kubernetes.proxy'].sort(),
    );
  });

  it('gives Service roles only on permissions checked on an entity, which is how the Service is found', () => {
    const entityless = COCKTAIL_PERMISSION_GRANTS.filter(
      g =>
        g.audience.type === 'service-role' ||
        (g.audience.type === 'platform-admin' && g.audience.clusterOwner),
    )
      .map(g => cocktailPermissions.find(p => p.name === g.permission)!)
      .filter(p => !isResourcePermission(p, 'catalog-entity'))
      .map(p => p.name);
    expect(entityless).toEqual([]);
  });

  it('finds the grant of a permission by name, and none for an unknown name', () => {
    expect(cocktailPermissionGrant('cocktail.server.scale')).toEqual({
      permission: 'cocktail.server.scale',
      audience: { type: 'service-role', role: 'developer' },
      verb: 'Scaling',
      allows: "change a server's replicas",
    });
    expect(cocktailPermissionGrant('cocktail.server.explode')).toBeUndefined();
  });
});

describe('renderPermissionTableMarkdown', () => {
  const lines = renderPermissionTableMarkdown().split('\n');

  it('renders a header, a separator and one row per grant, in the order of the grants', () => {
    expect(lines.slice(0, 2)).toEqual([
      '| permission | who (platform admins always) | lets them |',
      '| --- | --- | --- |',
    ]);
    expect(lines.slice(2).map(line => line.split(' | ')[0])).toEqual(
      COCKTAIL_PERMISSION_GRANTS.map(g => `| \`${g.permission}\``),
    );
  });

  it('says who is given each kind of permission in words', () => {
    const rowOf = (permission: string) =>
      lines.find(line => line.startsWith(`| \`${permission}\` |`));
    expect(rowOf('cocktail.cluster.read')).toBe(
      '| `cocktail.cluster.read` | everyone signed in | list clusters with their health, version and nodes |',
    );
    expect(rowOf('cocktail.server.read')).toContain(
      '| viewer of the Service (everyone while `openReads` is true) |',
    );
    expect(rowOf('cocktail.server.scale')).toContain(
      '| developer of the Service |',
    );
    expect(rowOf('cocktail.imagescan.create')).toContain(
      '| developer of any Service |',
    );
    expect(rowOf('cocktail.server.delete')).toContain(
      '| admin of the Service |',
    );
    expect(rowOf('cocktail.cluster.update')).toContain(
      "| platform admin or the cluster Resource's owner |",
    );
    expect(rowOf('kubernetes.proxy')).toContain('| platform admin |');
  });
});
