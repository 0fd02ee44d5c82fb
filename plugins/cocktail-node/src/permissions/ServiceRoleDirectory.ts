import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Entity, stringifyEntityRef } from '@backstage/catalog-model';
import {
  CocktailRole,
  CocktailServiceScope,
  cocktailOwnershipOf,
  higherRole,
  normalizeRef,
  roleIncludes,
} from '@cocktailcloud/plugin-cocktail-common';

/**
 * The part of Backstage's catalog service the directory reads.
 *
 * @public
 */
export interface ServiceDirectoryCatalog {
  getEntities(
    request: { filter?: Record<string, string | string[]>; fields?: string[] },
    options: { credentials: BackstageCredentials },
  ): Promise<{ items: Entity[] }>;
}

/**
 * A Service as the directory keeps it; refs are lower case `kind:namespace/name`.
 *
 * @public
 */
export interface ServiceRecord {
  ref: string;
  title?: string;
  /** Role by member ref; the owner is an admin. */
  roles: Map<string, CocktailRole>;
  /** The owner and admin members: who to ask for a role. */
  admins: string[];
}

/**
 * A ServiceMap as the directory keeps it.
 *
 * @public
 */
export interface ServiceMapRecord {
  ref: string;
  service: string;
  cluster: string;
  namespace: string;
}

interface Snapshot {
  services: Map<string, ServiceRecord>;
  serviceMaps: Map<string, ServiceMapRecord>;
  at: number;
}

function readService(entity: Entity): ServiceRecord | undefined {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as {
    owner?: unknown;
    members?: Array<{ ref?: unknown; role?: unknown }>;
  };
  const roles = new Map<string, CocktailRole>();
  const give = (ref: unknown, role: unknown, defaultKind: string) => {
    if (typeof ref !== 'string') return;
    if (role !== 'viewer' && role !== 'developer' && role !== 'admin') return;
    try {
      const key = normalizeRef(ref, {
        defaultKind,
        defaultNamespace: namespace,
      });
      roles.set(key, higherRole(roles.get(key), role)!);
    } catch {
      // The catalog processor reports malformed refs; they give nobody a role.
    }
  };
  give(spec.owner, 'admin', 'Group');
  for (const member of Array.isArray(spec.members) ? spec.members : []) {
    give(member?.ref, member?.role, 'User');
  }
  return {
    ref: normalizeRef(stringifyEntityRef(entity)),
    title: entity.metadata.title,
    roles,
    admins: [...roles].filter(([, r]) => r === 'admin').map(([ref]) => ref),
  };
}

function readServiceMap(entity: Entity): ServiceMapRecord | undefined {
  const { service, serviceMap } = cocktailOwnershipOf(entity);
  const spec = (entity.spec ?? {}) as {
    cluster?: unknown;
    namespace?: unknown;
  };
  if (!service || !serviceMap || typeof spec.cluster !== 'string') {
    return undefined;
  }
  let cluster: string;
  try {
    cluster = normalizeRef(spec.cluster, {
      defaultKind: 'Resource',
      defaultNamespace: entity.metadata.namespace ?? 'default',
    }).replace(/^.*\//, '');
  } catch {
    return undefined;
  }
  return {
    ref: serviceMap,
    service,
    cluster,
    namespace: typeof spec.namespace === 'string' ? spec.namespace : '',
  };
}

/**
 * Who has which role on which Service, read from the catalog's Service and ServiceMap entities
 * and kept for `refreshMs`. A person's role on a Service is the highest their ownership refs
 * (their user ref and groups, as Backstage's sign-in resolver puts them in the token) are given
 * there. Platform admins come from config.
 *
 * @public
 */
export class ServiceRoleDirectory {
  private snapshot?: Snapshot;
  private loading?: Promise<Snapshot>;

  constructor(
    private readonly options: {
      catalog: ServiceDirectoryCatalog;
      credentials: () => Promise<BackstageCredentials>;
      platformAdmins: string[];
      refreshMs: number;
    },
  ) {}

  /** Whether any of these ownership refs is a configured platform admin. */
  isPlatformAdmin(ownershipRefs: string[]): boolean {
    const refs = ownershipRefs.map(r => r.toLocaleLowerCase('en-US'));
    return this.options.platformAdmins.some(admin => refs.includes(admin));
  }

  get platformAdmins(): string[] {
    return [...this.options.platformAdmins];
  }

  /** The person's role on each Service where they have one. */
  async rolesOf(ownershipRefs: string[]): Promise<Map<string, CocktailRole>> {
    const refs = new Set(ownershipRefs.map(r => r.toLocaleLowerCase('en-US')));
    const roles = new Map<string, CocktailRole>();
    for (const service of (await this.load()).services.values()) {
      let role: CocktailRole | undefined;
      for (const [member, memberRole] of service.roles) {
        if (refs.has(member)) role = higherRole(role, memberRole);
      }
      if (role) roles.set(service.ref, role);
    }
    return roles;
  }

  /** The Services where the person has at least `role`, and their ServiceMaps. */
  async scopeAt(
    ownershipRefs: string[],
    role: CocktailRole,
  ): Promise<CocktailServiceScope> {
    const roles = await this.rolesOf(ownershipRefs);
    const services = [...roles]
      .filter(([, r]) => roleIncludes(r, role))
      .map(([ref]) => ref)
      .sort();
    const serviceMaps = [...(await this.load()).serviceMaps.values()]
      .filter(map => services.includes(map.service))
      .map(map => map.ref)
      .sort();
    return { services, serviceMaps };
  }

  async service(ref: string): Promise<ServiceRecord | undefined> {
    return (await this.load()).services.get(
      normalizeRef(ref, { defaultKind: 'Service' }),
    );
  }

  async serviceMaps(): Promise<ServiceMapRecord[]> {
    return [...(await this.load()).serviceMaps.values()];
  }

  /** The Service an entity belongs to: itself, its `spec.service`, or its ServiceMap's. */
  async serviceOf(entity: Entity): Promise<string | undefined> {
    const { service, serviceMap } = cocktailOwnershipOf(entity);
    if (service) return service;
    return serviceMap
      ? (await this.load()).serviceMaps.get(serviceMap)?.service
      : undefined;
  }

  /** The Service a ServiceMap (by ref) belongs to. */
  async serviceOfServiceMap(
    serviceMapRef: string,
  ): Promise<string | undefined> {
    return (await this.load()).serviceMaps.get(
      normalizeRef(serviceMapRef, { defaultKind: 'ServiceMap' }),
    )?.service;
  }

  /** Reads the catalog again on the next question. */
  invalidate() {
    this.snapshot = undefined;
  }

  private async load(): Promise<Snapshot> {
    if (
      this.snapshot &&
      Date.now() - this.snapshot.at < this.options.refreshMs
    ) {
      return this.snapshot;
    }
    this.loading ??= this.read().finally(() => {
      this.loading = undefined;
    });
    this.snapshot = await this.loading;
    return this.snapshot;
  }

  private async read(): Promise<Snapshot> {
    const credentials = await this.options.credentials();
    const fields = [
      'kind',
      'metadata.name',
      'metadata.namespace',
      'metadata.title',
      'spec',
    ];
    const [services, serviceMaps] = await Promise.all([
      this.options.catalog.getEntities(
        { filter: { kind: 'Service' }, fields },
        { credentials },
      ),
      this.options.catalog.getEntities(
        { filter: { kind: 'ServiceMap' }, fields },
        { credentials },
      ),
    ]);
    const snapshot: Snapshot = {
      services: new Map(),
      serviceMaps: new Map(),
      at: Date.now(),
    };
    for (const entity of services.items) {
      const record = readService(entity);
      if (record) snapshot.services.set(record.ref, record);
    }
    for (const entity of serviceMaps.items) {
      const record = readServiceMap(entity);
      if (record) snapshot.serviceMaps.set(record.ref, record);
    }
    return snapshot;
  }
}
