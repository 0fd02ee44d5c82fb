import { Entity } from '@backstage/catalog-model';
import {
  cocktailOwnershipOf,
  CocktailServiceScope,
  IS_IN_COCKTAIL_SERVICE,
  isEntityInCocktailScope,
  isInCocktailService,
  normalizeRef,
} from './serviceScope';

const API_VERSION = 'cocktailcloud.io/v1alpha1';

function entity(
  kind: string,
  name: string,
  spec: Entity['spec'] = {},
  namespace?: string,
): Entity {
  return {
    apiVersion: API_VERSION,
    kind,
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec,
  };
}

const payments: CocktailServiceScope = {
  services: ['service:default/payments'],
  serviceMaps: ['servicemap:default/payments-prod'],
};

describe('isEntityInCocktailScope', () => {
  it.each([
    'payments-prod',
    'servicemap:payments-prod',
    'ServiceMap:default/Payments-Prod',
    'default/payments-prod',
  ])('matches a server by the ServiceMap it names as %s', serviceMap => {
    expect(
      isEntityInCocktailScope(
        entity('CocktailServer', 'payments-api', { serviceMap }),
        payments,
      ),
    ).toBe(true);
  });

  it("reads a server's ServiceMap ref in the server's own namespace", () => {
    expect(
      isEntityInCocktailScope(
        entity(
          'CocktailServer',
          'api',
          { serviceMap: 'payments-prod' },
          'other',
        ),
        payments,
      ),
    ).toBe(false);
    expect(
      isEntityInCocktailScope(
        entity(
          'CocktailServer',
          'api',
          { serviceMap: 'payments-prod' },
          'other',
        ),
        { services: [], serviceMaps: ['servicemap:other/payments-prod'] },
      ),
    ).toBe(true);
  });

  it('does not match a server of another ServiceMap, nor one whose Service alone is in scope', () => {
    expect(
      isEntityInCocktailScope(
        entity('CocktailServer', 'cart', { serviceMap: 'shop-prod' }),
        payments,
      ),
    ).toBe(false);
    expect(
      isEntityInCocktailScope(
        entity('CocktailServer', 'cart', { serviceMap: 'payments-prod' }),
        { services: ['service:default/payments'], serviceMaps: [] },
      ),
    ).toBe(false);
  });

  it.each(['payments', 'service:default/payments', 'Service:default/Payments'])(
    'matches a ServiceMap by its spec.service %s',
    service => {
      expect(
        isEntityInCocktailScope(
          entity('ServiceMap', 'payments-staging', { service }),
          payments,
        ),
      ).toBe(true);
    },
  );

  it('does not match a ServiceMap of another Service, even one listed among the ServiceMaps', () => {
    expect(
      isEntityInCocktailScope(
        entity('ServiceMap', 'payments-prod', { service: 'shop' }),
        payments,
      ),
    ).toBe(false);
  });

  it('matches a Service by itself, whatever the spelling of its kind', () => {
    expect(
      isEntityInCocktailScope(entity('Service', 'payments'), payments),
    ).toBe(true);
    expect(
      isEntityInCocktailScope(entity('service', 'Payments'), payments),
    ).toBe(true);
    expect(isEntityInCocktailScope(entity('Service', 'shop'), payments)).toBe(
      false,
    );
    expect(
      isEntityInCocktailScope(
        entity('Service', 'payments', {}, 'finance'),
        payments,
      ),
    ).toBe(false);
  });

  it.each([
    ['Component', { owner: 'group:payments-team', service: 'payments' }],
    ['Resource', { serviceMap: 'payments-prod' }],
    ['Group', {}],
    ['System', { service: 'payments', serviceMap: 'payments-prod' }],
  ])('never matches a %s, whatever its spec says', (kind, spec) => {
    expect(
      isEntityInCocktailScope(entity(kind, 'payments', spec), payments),
    ).toBe(false);
  });

  it.each([':x', 'x:', 'default/', 42, undefined])(
    'matches nothing whose ref is malformed or missing (%s)',
    ref => {
      const everything: CocktailServiceScope = {
        services: ['service:default/payments'],
        serviceMaps: ['servicemap:default/payments-prod'],
      };
      expect(
        isEntityInCocktailScope(
          entity('CocktailServer', 'api', { serviceMap: ref }),
          everything,
        ),
      ).toBe(false);
      expect(
        isEntityInCocktailScope(
          entity('ServiceMap', 'payments-prod', { service: ref }),
          everything,
        ),
      ).toBe(false);
    },
  );
});

describe('cocktailOwnershipOf', () => {
  it('names the Service of a Service and of a ServiceMap, and only the ServiceMap of a server', () => {
    expect(cocktailOwnershipOf(entity('Service', 'Payments'))).toEqual({
      service: 'service:default/payments',
    });
    expect(
      cocktailOwnershipOf(
        entity(
          'ServiceMap',
          'payments-prod',
          { service: 'payments' },
          'finance',
        ),
      ),
    ).toEqual({
      service: 'service:finance/payments',
      serviceMap: 'servicemap:finance/payments-prod',
    });
    expect(
      cocktailOwnershipOf(
        entity('CocktailServer', 'api', { serviceMap: 'payments-prod' }),
      ),
    ).toEqual({ serviceMap: 'servicemap:default/payments-prod' });
    expect(cocktailOwnershipOf(entity('Component', 'api'))).toEqual({});
  });
});

describe('normalizeRef', () => {
  it('spells a ref in lower case with its kind and namespace', () => {
    expect(normalizeRef('Group:Default/Payments-Team')).toBe(
      'group:default/payments-team',
    );
    expect(normalizeRef('payments', { defaultKind: 'Service' })).toBe(
      'service:default/payments',
    );
    expect(
      normalizeRef('payments', {
        defaultKind: 'Service',
        defaultNamespace: 'finance',
      }),
    ).toBe('service:finance/payments');
  });

  it('throws on a ref without a kind when none is given by default', () => {
    expect(() => normalizeRef('payments')).toThrow(/missing or empty kind/);
  });
});

describe('isInCocktailService', () => {
  it('builds the catalog condition naming the scope', () => {
    expect(isInCocktailService(payments)).toEqual({
      rule: IS_IN_COCKTAIL_SERVICE,
      resourceType: 'catalog-entity',
      params: payments,
    });
  });
});
