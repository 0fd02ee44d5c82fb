import { ConfigReader } from '@backstage/config';
import { readPermissionsConfig } from './readPermissionsConfig';

type ConfigData = NonNullable<ConstructorParameters<typeof ConfigReader>[0]>;

const read = (permissions?: ConfigData) =>
  readPermissionsConfig(
    new ConfigReader(permissions ? { cocktail: { permissions } } : {}),
  );

describe('readPermissionsConfig', () => {
  it('defaults to no platform admins, open reads, cluster owners allowed and 10 s of caching', () => {
    expect(read()).toEqual({
      platformAdmins: [],
      openReads: true,
      clusterOwnersMayUpdate: true,
      refreshMs: 10_000,
    });
  });

  it('reads every setting, spelling platform admins as lower-case refs with Group by default', () => {
    expect(
      read({
        platformAdmins: ['platform-team', 'User:default/Root', 'group:ops/sre'],
        openReads: false,
        clusterOwnersMayUpdate: false,
        refreshSeconds: 2.5,
      }),
    ).toEqual({
      platformAdmins: [
        'group:default/platform-team',
        'user:default/root',
        'group:ops/sre',
      ],
      openReads: false,
      clusterOwnersMayUpdate: false,
      refreshMs: 2_500,
    });
    expect(read({ refreshSeconds: 0 }).refreshMs).toBe(0);
  });

  it('reads platform admins from one comma-separated string, as COCKTAIL_PLATFORM_ADMINS gives them', () => {
    expect(
      read({ platformAdmins: 'group:default/platform-team, user:default/erin' })
        .platformAdmins,
    ).toEqual(['group:default/platform-team', 'user:default/erin']);
  });

  it('names the key and the entry of a platform admin that is not a ref', () => {
    expect(() => read({ platformAdmins: ['group:default/ok', ':x'] })).toThrow(
      'cocktail.permissions.platformAdmins[1]: expected a user or group ref such as group:default/platform-team, got ":x"',
    );
  });

  it('names the key and the entry of a platform admin that is neither a user nor a group', () => {
    expect(() =>
      read({ platformAdmins: ['component:default/portal'] }),
    ).toThrow(
      'cocktail.permissions.platformAdmins[0]: expected a User or Group ref, got component:default/portal',
    );
  });

  it('names the key of a negative refresh time', () => {
    expect(() => read({ refreshSeconds: -1 })).toThrow(
      'cocktail.permissions.refreshSeconds: expected a number of seconds of 0 or more, got -1',
    );
  });

  it('names the key of a setting of the wrong type', () => {
    expect(() => read({ platformAdmins: 42 as unknown as string })).toThrow(
      /cocktail\.permissions\.platformAdmins/,
    );
    expect(() => read({ openReads: 'sometimes' })).toThrow(
      /cocktail\.permissions\.openReads/,
    );
  });
});
