import {
  AuthService,
  BackstageCredentials,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  AuthorizeResult,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import {
  cocktailPermissionGrant,
  COCKTAIL_ENTITY_RESOURCE_TYPE,
  isInCocktailService,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  CocktailPermissionsConfig,
  readPermissionsConfig,
  ServiceDirectoryCatalog,
  ServiceRoleDirectory,
} from '@cocktailcloud/plugin-cocktail-node';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * The signed-in person's ownership refs: their user ref and groups.
 *
 * @public
 */
export function ownershipRefsOf(user?: PolicyQueryUser): string[] {
  if (!user) return [];
  return user.info.ownershipEntityRefs?.length
    ? user.info.ownershipEntityRefs
    : [user.info.userEntityRef];
}

/**
 * Cocktail's decisions, for a policy to compose: deny by default, allow by Service role
 * (conditionally, naming the person's Services), and everything to platform admins. It also
 * decides `kubernetes.proxy`, which carries the portal's own cluster credentials.
 *
 * @public
 */
export class CocktailPolicyDecider {
  static fromConfig(
    config: Config,
    deps: { catalog: ServiceDirectoryCatalog; auth: AuthService },
  ): CocktailPolicyDecider {
    const settings = readPermissionsConfig(config);
    return new CocktailPolicyDecider(
      new ServiceRoleDirectory({
        catalog: deps.catalog,
        credentials: (): Promise<BackstageCredentials> =>
          deps.auth.getOwnServiceCredentials(),
        platformAdmins: settings.platformAdmins,
        refreshMs: settings.refreshMs,
      }),
      settings,
    );
  }

  constructor(
    readonly directory: ServiceRoleDirectory,
    private readonly settings: CocktailPermissionsConfig,
  ) {}

  /** Whether this decider decides the permission (every `cocktail.*` one, and the proxy). */
  handles(request: PolicyQuery): boolean {
    const name = request.permission.name;
    return (
      name.startsWith('cocktail.') ||
      cocktailPermissionGrant(name) !== undefined
    );
  }

  /** Whether the person is a platform admin by config. */
  isPlatformAdmin(user?: PolicyQueryUser): boolean {
    return this.directory.isPlatformAdmin(ownershipRefsOf(user));
  }

  async decide(
    request: PolicyQuery,
    user?: PolicyQueryUser,
  ): Promise<PolicyDecision> {
    const grant = cocktailPermissionGrant(request.permission.name);
    const refs = ownershipRefsOf(user);
    if (!grant || !user) {
      return DENY;
    }
    if (this.directory.isPlatformAdmin(refs)) {
      return ALLOW;
    }
    const { permission } = request;
    const audience = grant.audience;
    switch (audience.type) {
      case 'signed-in':
        return ALLOW;
      case 'platform-admin':
        if (
          audience.clusterOwner &&
          this.settings.clusterOwnersMayUpdate &&
          isResourcePermission(permission, COCKTAIL_ENTITY_RESOURCE_TYPE)
        ) {
          return createCatalogConditionalDecision(permission, {
            allOf: [
              catalogConditions.isEntityKind({ kinds: ['resource'] }),
              catalogConditions.isEntityOwner({ claims: refs }),
            ],
          });
        }
        return DENY;
      case 'any-service-role': {
        const scope = await this.directory.scopeAt(refs, audience.role);
        return scope.services.length ? ALLOW : DENY;
      }
      default: {
        if (audience.openRead && this.settings.openReads) {
          return ALLOW;
        }
        const scope = await this.directory.scopeAt(refs, audience.role);
        if (
          !scope.services.length ||
          !isResourcePermission(permission, COCKTAIL_ENTITY_RESOURCE_TYPE)
        ) {
          return DENY;
        }
        return createCatalogConditionalDecision(permission, {
          anyOf: [isInCocktailService(scope)],
        });
      }
    }
  }
}
