import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  ServiceDirectoryCatalog,
  ServiceRoleDirectory,
} from './ServiceRoleDirectory';

const API_VERSION = 'cocktailcloud.io/v1alpha1';

function service(name: string, spec: Entity['spec'], title?: string): Entity {
  return {
    apiVersion: API_VERSION,
    kind: 'Service',
    metadata: { name, namespace: 'default', ...(title ? { title } : {}) },
    spec,
  };
}

function serviceMap(name: string, spec: Entity['spec']): Entity {
  return {
    apiVersion: API_VERSION,
    kind: 'ServiceMap',
    metadata: { name, namespace: 'default' },
    spec: { environment: 'production', ...spec },
  };
}

const payments = service(
  'payments',
  {
    owner: 'group:payments-team',
    members: [
      { ref: 'alice', role: 'admin' },
      { ref: 'user:default/bob', role: 'developer' },
      { ref: 'group:payments-support', role: 'viewer' },
    ],
  },
  'Payments',
);
const shop = service('shop', {
  owner: 'shop-team',
  members: [{ ref: 'user:bob', role: 'viewer' }],
});
const paymentsProd = serviceMap('payments-prod', {
  service: 'payments',
  cluster: 'resource:prod',
  namespace: 'payments',
});
const paymentsStaging = serviceMap('payments-staging', {
  service: 'service:default/payments',
  cluster: 'staging',
  namespace: 'payments-staging',
});
const shopProd = serviceMap('shop-prod', {
  service: 'shop',
  cluster: 'resource:default/prod',
  namespace: 'shop',
});

/** A catalog of Services and ServiceMaps that counts how often it is read. */
function fakeCatalog(initial: Entity[]) {
  let entities = initial;
  const getEntities = jest.fn<
    ReturnType<ServiceDirectoryCatalog['getEntities']>,
    Parameters<ServiceDirectoryCatalog['getEntities']>
  >(async request => ({
    items: entities.filter(
      e =>
        e.kind.toLocaleLowerCase('en-US') ===
        String(request.filter?.kind).toLocaleLowerCase('en-US'),
    ),
  }));
  return {
    catalog: { getEntities } as ServiceDirectoryCatalog,
    getEntities,
    replace(next: Entity[]) {
      entities = next;
    },
  };
}

function directoryOver(
  entities: Entity[],
  options: { platformAdmins?: string[]; refreshMs?: number } = {},
) {
  const fake = fakeCatalog(entities);
  const directory = new ServiceRoleDirectory({
    catalog: fake.catalog,
    credentials: async () => mockCredentials.service('plugin:cocktail'),
    platformAdmins: options.platformAdmins ?? ['group:default/platform-team'],
    refreshMs: options.refreshMs ?? 10_000,
  });
  return { directory, ...fake };
}

const everything = [payments, shop, paymentsProd, paymentsStaging, shopProd];

describe('ServiceRoleDirectory', () => {
  afterEach(() => jest.useRealTimers());

  it("makes the Service's owner an admin", async () => {
    const { directory } = directoryOver(everything);
    expect(await directory.rolesOf(['group:default/payments-team'])).toEqual(
      new Map([['service:default/payments', 'admin']]),
    );
    // An owner without a kind is a Group.
    expect(await directory.rolesOf(['group:default/shop-team'])).toEqual(
      new Map([['service:default/shop', 'admin']]),
    );
  });

  it('gives members their role by user ref and by group ref', async () => {
    const { directory } = directoryOver(everything);
    // A member without a kind is a User.
    expect(await directory.rolesOf(['user:default/alice'])).toEqual(
      new Map([['service:default/payments', 'admin']]),
    );
    expect(
      await directory.rolesOf([
        'user:default/carol',
        'group:default/payments-support',
      ]),
    ).toEqual(new Map([['service:default/payments', 'viewer']]));
    expect(await directory.rolesOf(['user:default/bob'])).toEqual(
      new Map([
        ['service:default/payments', 'developer'],
        ['service:default/shop', 'viewer'],
      ]),
    );
  });

  it('gives someone the highest role any of their refs has on a Service', async () => {
    const { directory } = directoryOver([
      service('payments', {
        owner: 'group:payments-team',
        members: [
          { ref: 'group:payments-support', role: 'viewer' },
          { ref: 'user:bob', role: 'developer' },
          { ref: 'user:dave', role: 'viewer' },
          { ref: 'user:dave', role: 'admin' },
        ],
      }),
    ]);
    expect(
      await directory.rolesOf([
        'group:default/payments-support',
        'user:default/bob',
      ]),
    ).toEqual(new Map([['service:default/payments', 'developer']]));
    expect(
      await directory.rolesOf([
        'user:default/bob',
        'group:default/payments-team',
      ]),
    ).toEqual(new Map([['service:default/payments', 'admin']]));
    expect(await directory.rolesOf(['user:default/dave'])).toEqual(
      new Map([['service:default/payments', 'admin']]),
    );
  });

  it('matches ownership refs whatever their case', async () => {
    const { directory } = directoryOver(everything);
    expect(await directory.rolesOf(['User:default/Alice'])).toEqual(
      new Map([['service:default/payments', 'admin']]),
    );
  });

  it('gives no role to someone the Services do not name', async () => {
    const { directory } = directoryOver(everything);
    expect(await directory.rolesOf(['user:default/mallory'])).toEqual(
      new Map(),
    );
    expect(await directory.rolesOf([])).toEqual(new Map());
  });

  it('gives no role through a malformed ref or an unknown role, and still reads the rest', async () => {
    const { directory } = directoryOver([
      service('payments', {
        owner: ':nobody',
        members: [
          { ref: 'default/', role: 'admin' },
          { ref: 42, role: 'admin' },
          { ref: 'user:eve', role: 'superuser' },
          { role: 'admin' },
          null,
          { ref: 'user:bob', role: 'developer' },
        ],
      }),
      service('broken', { owner: 7, members: 'everyone' }),
    ]);
    expect(await directory.rolesOf(['user:default/eve'])).toEqual(new Map());
    expect(await directory.rolesOf(['user:default/bob'])).toEqual(
      new Map([['service:default/payments', 'developer']]),
    );
    expect((await directory.service('payments'))!.roles).toEqual(
      new Map([['user:default/bob', 'developer']]),
    );
    expect((await directory.service('broken'))!.roles).toEqual(new Map());
  });

  it('tells platform admins from config, whatever the case of their refs', () => {
    const { directory } = directoryOver(everything);
    expect(
      directory.isPlatformAdmin([
        'user:default/root',
        'Group:default/Platform-Team',
      ]),
    ).toBe(true);
    expect(directory.isPlatformAdmin(['group:default/payments-team'])).toBe(
      false,
    );
    expect(directory.isPlatformAdmin([])).toBe(false);
    expect(directory.platformAdmins).toEqual(['group:default/platform-team']);
  });

  it('gives platform admins no Service role of their own: their reach comes from the policy', async () => {
    const { directory } = directoryOver(everything);
    expect(await directory.rolesOf(['group:default/platform-team'])).toEqual(
      new Map(),
    );
  });

  it('scopes a role to the Services where the person has at least it, with their ServiceMaps', async () => {
    const { directory } = directoryOver(everything);
    expect(await directory.scopeAt(['user:default/bob'], 'viewer')).toEqual({
      services: ['service:default/payments', 'service:default/shop'],
      serviceMaps: [
        'servicemap:default/payments-prod',
        'servicemap:default/payments-staging',
        'servicemap:default/shop-prod',
      ],
    });
    expect(await directory.scopeAt(['user:default/bob'], 'developer')).toEqual({
      services: ['service:default/payments'],
      serviceMaps: [
        'servicemap:default/payments-prod',
        'servicemap:default/payments-staging',
      ],
    });
    expect(await directory.scopeAt(['user:default/bob'], 'admin')).toEqual({
      services: [],
      serviceMaps: [],
    });
  });

  it('describes a Service: its title, roles and who to ask for a role', async () => {
    const { directory } = directoryOver(everything);
    expect(await directory.service('Service:default/Payments')).toEqual({
      ref: 'service:default/payments',
      title: 'Payments',
      roles: new Map([
        ['group:default/payments-team', 'admin'],
        ['user:default/alice', 'admin'],
        ['user:default/bob', 'developer'],
        ['group:default/payments-support', 'viewer'],
      ]),
      admins: ['group:default/payments-team', 'user:default/alice'],
    });
    expect(await directory.service('payments')).toMatchObject({
      ref: 'service:default/payments',
    });
    expect(await directory.service('service:default/nope')).toBeUndefined();
  });

  it('lists the ServiceMaps with their Service, cluster name and namespace', async () => {
    const { directory } = directoryOver([
      ...everything,
      serviceMap('no-cluster', { service: 'payments', namespace: 'x' }),
      serviceMap('no-service', { cluster: 'prod', namespace: 'y' }),
    ]);
    expect(
      (await directory.serviceMaps()).sort((a, b) =>
        a.ref.localeCompare(b.ref),
      ),
    ).toEqual([
      {
        ref: 'servicemap:default/payments-prod',
        service: 'service:default/payments',
        cluster: 'prod',
        namespace: 'payments',
      },
      {
        ref: 'servicemap:default/payments-staging',
        service: 'service:default/payments',
        cluster: 'staging',
        namespace: 'payments-staging',
      },
      {
        ref: 'servicemap:default/shop-prod',
        service: 'service:default/shop',
        cluster: 'prod',
        namespace: 'shop',
      },
    ]);
  });

  it('finds the Service of a Service, a ServiceMap and a server, and none for other entities', async () => {
    const { directory } = directoryOver(everything);
    expect(await directory.serviceOf(payments)).toBe(
      'service:default/payments',
    );
    expect(await directory.serviceOf(paymentsStaging)).toBe(
      'service:default/payments',
    );
    const server = (map: string): Entity => ({
      apiVersion: API_VERSION,
      kind: 'CocktailServer',
      metadata: { name: 'api', namespace: 'default' },
      spec: { serviceMap: map },
    });
    expect(await directory.serviceOf(server('shop-prod'))).toBe(
      'service:default/shop',
    );
    expect(await directory.serviceOf(server('unknown-map'))).toBeUndefined();
    expect(
      await directory.serviceOf({
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Component',
        metadata: { name: 'payments' },
        spec: { service: 'payments' },
      }),
    ).toBeUndefined();
    expect(await directory.serviceOfServiceMap('payments-prod')).toBe(
      'service:default/payments',
    );
    expect(
      await directory.serviceOfServiceMap('servicemap:default/nope'),
    ).toBeUndefined();
  });

  it('reads the catalog with its own credentials, once for concurrent questions', async () => {
    const { directory, getEntities } = directoryOver(everything);
    await Promise.all([
      directory.rolesOf(['user:default/bob']),
      directory.scopeAt(['user:default/bob'], 'viewer'),
      directory.serviceMaps(),
    ]);
    // One read is one query per kind.
    expect(getEntities).toHaveBeenCalledTimes(2);
    expect(getEntities.mock.calls.map(([request]) => request.filter)).toEqual([
      { kind: 'Service' },
      { kind: 'ServiceMap' },
    ]);
    for (const [, options] of getEntities.mock.calls) {
      expect(options.credentials.principal).toEqual(
        mockCredentials.service('plugin:cocktail').principal,
      );
    }
  });

  it('keeps what it read for refreshMs, then reads the catalog again', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-01T00:00:00Z') });
    const { directory, getEntities, replace } = directoryOver(everything, {
      refreshMs: 10_000,
    });
    expect(await directory.rolesOf(['user:default/frank'])).toEqual(new Map());
    replace([
      service('payments', {
        owner: 'group:payments-team',
        members: [{ ref: 'user:frank', role: 'developer' }],
      }),
    ]);
    jest.setSystemTime(new Date('2026-12-01T00:00:09.999Z'));
    expect(await directory.rolesOf(['user:default/frank'])).toEqual(new Map());
    expect(getEntities).toHaveBeenCalledTimes(2);
    jest.setSystemTime(new Date('2026-12-01T00:00:10Z'));
    expect(await directory.rolesOf(['user:default/frank'])).toEqual(
      new Map([['service:default/payments', 'developer']]),
    );
    expect(getEntities).toHaveBeenCalledTimes(4);
  });

  it('reads the catalog again on the next question after invalidate', async () => {
    const { directory, getEntities, replace } = directoryOver(everything);
    expect(await directory.rolesOf(['user:default/frank'])).toEqual(new Map());
    replace([
      service('shop', { members: [{ ref: 'user:frank', role: 'viewer' }] }),
    ]);
    directory.invalidate();
    expect(await directory.rolesOf(['user:default/frank'])).toEqual(
      new Map([['service:default/shop', 'viewer']]),
    );
    expect(getEntities).toHaveBeenCalledTimes(4);
  });
});
