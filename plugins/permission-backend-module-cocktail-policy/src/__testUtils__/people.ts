import { mockCredentials } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { PolicyQueryUser } from '@backstage/plugin-permission-node';

const API_VERSION = 'cocktailcloud.io/v1alpha1';

function service(name: string, spec: Entity['spec']): Entity {
  return {
    apiVersion: API_VERSION,
    kind: 'Service',
    metadata: { name, namespace: 'default' },
    spec,
  };
}

function serviceMap(name: string, serviceName: string): Entity {
  return {
    apiVersion: API_VERSION,
    kind: 'ServiceMap',
    metadata: { name, namespace: 'default' },
    spec: {
      service: serviceName,
      environment: 'production',
      cluster: 'resource:prod',
      namespace: name,
    },
  };
}

/**
 * Payments: owned by payments-team, alice is an admin, bob a developer and the payments-support
 * group (carol) viewers. Shop: dave is a developer, bob a viewer.
 */
export const catalogEntities: Entity[] = [
  service('payments', {
    owner: 'group:payments-team',
    members: [
      { ref: 'user:alice', role: 'admin' },
      { ref: 'user:bob', role: 'developer' },
      { ref: 'group:payments-support', role: 'viewer' },
    ],
  }),
  service('shop', {
    owner: 'group:shop-team',
    members: [
      { ref: 'user:dave', role: 'developer' },
      { ref: 'user:bob', role: 'viewer' },
    ],
  }),
  serviceMap('payments-prod', 'payments'),
  serviceMap('payments-dev', 'payments'),
  serviceMap('shop-prod', 'shop'),
];

export const PAYMENTS_SCOPE = {
  services: ['service:default/payments'],
  serviceMaps: [
    'servicemap:default/payments-dev',
    'servicemap:default/payments-prod',
  ],
};

export const SHOP_SCOPE = {
  services: ['service:default/shop'],
  serviceMaps: ['servicemap:default/shop-prod'],
};

/** A signed-in person as the permission backend hands them to a policy. */
export function person(
  userEntityRef: string,
  groups: string[] = [],
): PolicyQueryUser {
  return {
    credentials: mockCredentials.user(userEntityRef),
    info: {
      userEntityRef,
      ownershipEntityRefs: [userEntityRef, ...groups],
    },
  };
}

export const people = {
  root: person('user:default/root', ['group:default/platform-team']),
  alice: person('user:default/alice'),
  bob: person('user:default/bob', ['group:default/devs']),
  carol: person('user:default/carol', ['group:default/payments-support']),
  dave: person('user:default/dave'),
  owner: person('user:default/olga', ['group:default/payments-team']),
  mallory: person('user:default/mallory'),
};
