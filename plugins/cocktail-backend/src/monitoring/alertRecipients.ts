import {
  CocktailRole,
  roleIncludes,
} from '@cocktailcloud/plugin-cocktail-common';

/** Which Service members hear of an alert, by its `severity` label: the least role, or nobody. */
export type AlertRecipientRoles = Record<string, CocktailRole | 'nobody'>;

/**
 * Critical alerts reach everyone on the Service, warnings its developers and admins, anything
 * else (info, or no severity) its admins.
 */
export const DEFAULT_ALERT_RECIPIENTS: AlertRecipientRoles = {
  critical: 'viewer',
  warning: 'developer',
  default: 'admin',
};

/** The members (users and groups) of a Service who hear of an alert of `severity`. */
export function alertRecipients(
  roles: Map<string, CocktailRole>,
  severity: string | undefined,
  settings: AlertRecipientRoles,
): string[] {
  const least =
    settings[severity ?? 'default'] ??
    settings.default ??
    DEFAULT_ALERT_RECIPIENTS.default;
  if (least === 'nobody') {
    return [];
  }
  return [...roles]
    .filter(([, role]) => roleIncludes(role, least))
    .map(([member]) => member)
    .sort();
}
