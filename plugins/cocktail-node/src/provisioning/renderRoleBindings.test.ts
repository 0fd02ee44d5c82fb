import { ServiceEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { renderRoleBindings } from './renderRoleBindings';
import {
  service,
  serviceMap,
  validateCoreManifest,
} from './__testUtils__/entities';

const LABELS = { 'app.kubernetes.io/managed-by': 'cocktail' };
const RBAC = 'rbac.authorization.k8s.io';
const user = (name: string) => ({ kind: 'User', apiGroup: RBAC, name });
const group = (name: string) => ({ kind: 'Group', apiGroup: RBAC, name });

function bindings(
  spec: Partial<ServiceEntityV1alpha1['spec']>,
  mapOwner?: string,
) {
  return renderRoleBindings(
    service(spec),
    serviceMap(mapOwner ? { owner: mapOwner } : {}),
    LABELS,
  );
}

describe('renderRoleBindings', () => {
  it('binds admins to admin, developers to edit and viewers to view, one RoleBinding per role', () => {
    const rendered = bindings({
      members: [
        { ref: 'user:default/alice', role: 'admin' },
        { ref: 'group:default/payments-devs', role: 'developer' },
        { ref: 'user:default/bob', role: 'developer' },
        { ref: 'group:default/auditors', role: 'viewer' },
      ],
    });
    rendered.forEach(validateCoreManifest);
    expect(rendered).toEqual([
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: {
          name: 'cocktail-admins',
          namespace: 'payments-prod',
          labels: LABELS,
        },
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'admin' },
        subjects: [group('payments-team'), user('alice')],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: {
          name: 'cocktail-developers',
          namespace: 'payments-prod',
          labels: LABELS,
        },
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'edit' },
        subjects: [group('payments-devs'), user('bob')],
      },
      {
        apiVersion: 'rbac.authorization.k8s.io/v1',
        kind: 'RoleBinding',
        metadata: {
          name: 'cocktail-viewers',
          namespace: 'payments-prod',
          labels: LABELS,
        },
        roleRef: { apiGroup: RBAC, kind: 'ClusterRole', name: 'view' },
        subjects: [group('auditors')],
      },
    ]);
  });

  it('reads short references, a bare member as a User and a bare owner as a Group', () => {
    const [admins, developers] = bindings({
      owner: 'payments-team',
      members: [
        { ref: 'alice', role: 'developer' },
        { ref: 'user:bob', role: 'developer' },
        { ref: 'group:payments-devs', role: 'developer' },
        { ref: 'User:other/carol', role: 'developer' },
      ],
    });
    expect(admins.subjects).toEqual([group('payments-team')]);
    expect(developers.subjects).toEqual([
      user('alice'),
      user('bob'),
      group('payments-devs'),
      user('carol'),
    ]);
  });

  it('makes a User owner an admin', () => {
    const [admins] = bindings({ owner: 'user:default/alice' });
    expect(admins.subjects).toEqual([user('alice')]);
  });

  it('adds the ServiceMap owner to the admins, once', () => {
    const [admins] = bindings(
      { members: [{ ref: 'group:prod-oncall', role: 'admin' }] },
      'group:default/prod-oncall',
    );
    expect(admins.subjects).toEqual([
      group('payments-team'),
      group('prod-oncall'),
    ]);
  });

  it('lists a subject once per role, even if two references name it', () => {
    const [admins] = bindings({
      members: [
        { ref: 'group:default/payments-team', role: 'admin' },
        { ref: 'user:default/alice', role: 'admin' },
        { ref: 'user:alice', role: 'admin' },
      ],
    });
    expect(admins.subjects).toEqual([group('payments-team'), user('alice')]);
  });

  it('skips roles without members', () => {
    expect(
      bindings({ members: [{ ref: 'user:dave', role: 'viewer' }] }).map(
        b => b.metadata.name,
      ),
    ).toEqual(['cocktail-admins', 'cocktail-viewers']);
  });

  it('refuses a member that is neither a User nor a Group', () => {
    expect(() =>
      bindings({
        members: [{ ref: 'component:payments-api', role: 'viewer' }],
      }),
    ).toThrow(
      'spec.members[0].ref: "component:payments-api" must refer to a User or a Group to be given access to the namespace',
    );
  });

  it('refuses a role it does not know rather than guess its permissions', () => {
    expect(() =>
      bindings({ members: [{ ref: 'user:eve', role: 'owner' as any }] }),
    ).toThrow(
      'spec.members[0].role: expected one of admin, developer, viewer, got "owner"',
    );
  });
});
