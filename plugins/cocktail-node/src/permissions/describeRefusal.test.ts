import { cocktailPermissionGrant } from '@cocktailcloud/plugin-cocktail-common';
import { describeRefusal } from './describeRefusal';

const platformAdmins = ['group:default/platform-team'];
const payments = {
  ref: 'service:default/payments',
  title: 'Payments',
  admins: ['group:default/payments-team', 'user:default/alice'],
};

function refusal(
  permission: string,
  rest: Omit<Parameters<typeof describeRefusal>[0], 'permission' | 'grant'> = {
    platformAdmins,
  },
) {
  return describeRefusal({
    grant: cocktailPermissionGrant(permission),
    permission,
    ...rest,
  });
}

describe('describeRefusal', () => {
  it("names the role needed, the person's role and the Service's admins", () => {
    expect(
      refusal('cocktail.server.scale', {
        entityRef: 'cocktailserver:default/payments-api',
        service: payments,
        role: 'viewer',
        platformAdmins,
      }),
    ).toBe(
      'Scaling needs the developer role on Payments; you are a viewer. Ask an admin of Payments (group:default/payments-team, user:default/alice).',
    );
  });

  it('says "an" before admin and names a Service without a title by its ref', () => {
    expect(
      refusal('cocktail.server.delete', {
        service: { ...payments, title: undefined },
        role: 'admin',
        platformAdmins,
      }),
    ).toBe(
      'Deleting a server needs the admin role on service:default/payments; you are an admin. Ask an admin of service:default/payments (group:default/payments-team, user:default/alice).',
    );
  });

  it('says when the person has no role on the Service', () => {
    expect(
      refusal('cocktail.audit.read', {
        service: payments,
        platformAdmins,
      }),
    ).toBe(
      'Reading the audit log needs the viewer role on Payments; you have no role there. Ask an admin of Payments (group:default/payments-team, user:default/alice).',
    );
  });

  it('sends the person to the platform admins when the Service has no admins', () => {
    expect(
      refusal('cocktail.server.deploy', {
        service: { ...payments, admins: [] },
        role: 'viewer',
        platformAdmins,
      }),
    ).toBe(
      'Deploying needs the developer role on Payments; you are a viewer. Ask a platform admin (group:default/platform-team).',
    );
  });

  it('asks nobody when there are neither Service admins nor platform admins', () => {
    expect(
      refusal('cocktail.server.deploy', {
        service: { ...payments, admins: [] },
        role: 'viewer',
        platformAdmins: [],
      }),
    ).toBe('Deploying needs the developer role on Payments; you are a viewer.');
  });

  it('says when the entity belongs to no Service', () => {
    expect(
      refusal('cocktail.server.read', {
        entityRef: 'cocktailserver:default/orphan',
        platformAdmins,
      }),
    ).toBe(
      "Reading status and monitoring needs the viewer role on the entity's Service, and cocktailserver:default/orphan belongs to no Service in the catalog. Ask a platform admin (group:default/platform-team).",
    );
  });

  it('asks for the role on any Service for a permission that names no entity', () => {
    expect(refusal('cocktail.imagescan.create')).toBe(
      'Uploading scans needs the developer role on at least one Service; you have none that high. Ask a platform admin (group:default/platform-team).',
    );
  });

  it("names the cluster's owner for cluster updates, and only platform admins for the rest", () => {
    expect(
      refusal('cocktail.cluster.update', {
        entityRef: 'resource:default/prod',
        clusterOwner: 'group:default/infra',
        platformAdmins,
      }),
    ).toBe(
      "Changing a cluster needs a platform admin or the cluster's owner (group:default/infra); you are neither. Ask a platform admin (group:default/platform-team).",
    );
    expect(refusal('cocktail.cluster.create')).toBe(
      'Creating clusters needs a platform admin; you are not one. Ask a platform admin (group:default/platform-team).',
    );
    expect(
      refusal('cocktail.cluster.create', {
        clusterOwner: 'group:default/infra',
        platformAdmins,
      }),
    ).toBe(
      'Creating clusters needs a platform admin; you are not one. Ask a platform admin (group:default/platform-team).',
    );
  });

  it("blames the portal's policy for a permission the table does not name, or one it gives everyone", () => {
    expect(
      refusal('catalog.entity.delete', {
        entityRef: 'component:default/x',
        platformAdmins,
      }),
    ).toBe(
      "The portal's permission policy does not allow catalog.entity.delete on component:default/x.",
    );
    expect(refusal('cocktail.cluster.read')).toBe(
      "The portal's permission policy does not allow cocktail.cluster.read.",
    );
  });
});
