import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { normalizeRef } from '@cocktailcloud/plugin-cocktail-common';
import { readStringList } from '../config/readStringList';

/**
 * `cocktail.permissions` in app-config.
 *
 * @public
 */
export interface CocktailPermissionsConfig {
  /** User and group refs whose members are platform admins, lower case. */
  platformAdmins: string[];
  /** Whether everyone signed in reads status and monitoring (`cocktail.server.read`). */
  openReads: boolean;
  /** Whether a cluster Resource's owner may upgrade and scale it without being a platform admin. */
  clusterOwnersMayUpdate: boolean;
  /** How long the Services and their members are kept before the catalog is read again. */
  refreshMs: number;
}

/**
 * Reads `cocktail.permissions`, with errors that name the key.
 *
 * @public
 */
export function readPermissionsConfig(
  config: Config,
): CocktailPermissionsConfig {
  const permissions = config.getOptionalConfig('cocktail.permissions');
  const platformAdmins = (
    readStringList(config, 'cocktail.permissions.platformAdmins') ?? []
  ).map((ref, index) => {
    try {
      return normalizeRef(ref, { defaultKind: 'Group' });
    } catch (error) {
      throw new InputError(
        `cocktail.permissions.platformAdmins[${index}]: expected a user or group ref such as group:default/platform-team, got ${JSON.stringify(
          ref,
        )}`,
      );
    }
  });
  for (const [index, ref] of platformAdmins.entries()) {
    if (!ref.startsWith('user:') && !ref.startsWith('group:')) {
      throw new InputError(
        `cocktail.permissions.platformAdmins[${index}]: expected a User or Group ref, got ${ref}`,
      );
    }
  }
  const refreshSeconds = permissions?.getOptionalNumber('refreshSeconds') ?? 10;
  if (!(refreshSeconds >= 0)) {
    throw new InputError(
      `cocktail.permissions.refreshSeconds: expected a number of seconds of 0 or more, got ${refreshSeconds}`,
    );
  }
  return {
    platformAdmins,
    openReads: permissions?.getOptionalBoolean('openReads') ?? true,
    clusterOwnersMayUpdate:
      permissions?.getOptionalBoolean('clusterOwnersMayUpdate') ?? true,
    refreshMs: refreshSeconds * 1000,
  };
}
