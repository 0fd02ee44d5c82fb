import {
  AuthService,
  BackstageCredentials,
  UserInfoService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import {
  cocktailPermissionGrant,
  CocktailRole,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  describeRefusal,
  ServiceRecord,
  ServiceRoleDirectory,
} from '@cocktailcloud/plugin-cocktail-node';
import { CatalogEntityReader } from '../service/ServerResolver';

/** The signed-in person's standing on the Service an entity belongs to. */
export interface RoleContext {
  service?: ServiceRecord;
  role?: CocktailRole;
  platformAdmin: boolean;
  entity?: Entity;
}

/**
 * Explains decisions in terms of Service roles: which Service an entity belongs to, the
 * person's role there, and, when refused, the role needed and who to ask.
 */
export class AccessExplainer {
  constructor(
    private readonly options: {
      directory: ServiceRoleDirectory;
      userInfo: UserInfoService;
      auth: AuthService;
      catalog: CatalogEntityReader;
    },
  ) {}

  async ownershipRefs(credentials: BackstageCredentials): Promise<string[]> {
    if (!this.options.auth.isPrincipal(credentials, 'user')) {
      return [];
    }
    const info = await this.options.userInfo.getUserInfo(credentials);
    return info.ownershipEntityRefs.length
      ? info.ownershipEntityRefs
      : [credentials.principal.userEntityRef];
  }

  async roleContext(
    credentials: BackstageCredentials,
    entityRef?: string,
  ): Promise<RoleContext> {
    const refs = await this.ownershipRefs(credentials);
    const { directory } = this.options;
    const platformAdmin = directory.isPlatformAdmin(refs);
    if (!entityRef) {
      return { platformAdmin };
    }
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    const serviceRef = entity ? await directory.serviceOf(entity) : undefined;
    const service = serviceRef
      ? await directory.service(serviceRef)
      : undefined;
    const role = service
      ? (await directory.rolesOf(refs)).get(service.ref)
      : undefined;
    return { service, role, platformAdmin, entity };
  }

  /** Why the person may not use `permission` (on `entityRef`), as a sentence. */
  async explain(
    credentials: BackstageCredentials,
    permission: string,
    entityRef?: string,
    context?: RoleContext,
  ): Promise<string> {
    const known = context ?? (await this.roleContext(credentials, entityRef));
    const owner = (known.entity?.spec as { owner?: unknown } | undefined)
      ?.owner;
    return describeRefusal({
      grant: cocktailPermissionGrant(permission),
      permission,
      entityRef,
      service: known.service,
      role: known.role,
      platformAdmins: this.options.directory.platformAdmins,
      clusterOwner: typeof owner === 'string' ? owner : undefined,
    });
  }
}
