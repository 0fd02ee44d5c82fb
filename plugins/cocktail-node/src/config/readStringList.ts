import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/**
 * A list setting given either as a list or as one comma-separated string, the form an
 * environment variable can fill (`platformAdmins: ${COCKTAIL_PLATFORM_ADMINS}`). Blank entries
 * are dropped; undefined when the key is not set.
 */
export function readStringList(
  config: Config,
  key: string,
): string[] | undefined {
  const value = config.getOptional(key);
  if (value === undefined) {
    return undefined;
  }
  if (typeof value === 'string') {
    return value
      .split(',')
      .map(entry => entry.trim())
      .filter(Boolean);
  }
  if (Array.isArray(value) && value.every(entry => typeof entry === 'string')) {
    return value;
  }
  throw new InputError(
    `${key}: expected a list of strings or one comma-separated string, got ${JSON.stringify(
      value,
    )}`,
  );
}
