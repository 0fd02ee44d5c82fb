import { Entity } from '@backstage/catalog-model';
import { formatFieldPath } from '../validation/fieldPath';
import {
  isServiceEntity,
  serviceEntityV1alpha1Validator,
  serviceKind,
} from './ServiceEntityV1alpha1';

function service(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'Service',
    metadata: { name: 'payments', namespace: 'finance' },
    spec: {
      owner: 'group:payments-team',
      members: [
        { ref: 'user:alice', role: 'admin' },
        { ref: 'group:payments-devs', role: 'developer' },
      ],
      clusters: ['resource:prod-seoul', 'dev-kind'],
      quota: { cpu: '64', memory: '256Gi', gpu: 4, storage: '2Ti', pods: 500 },
      registries: [{ name: 'harbor', url: 'harbor.example.com/payments' }],
      ...spec,
    },
  };
}

function issues(entity: Entity): Array<[string, string]> {
  return serviceKind
    .findIssues(entity)
    .map(i => [formatFieldPath(i.path), i.message]);
}

describe('Service', () => {
  it('accepts a complete Service', async () => {
    expect(issues(service())).toEqual([]);
    await expect(serviceEntityV1alpha1Validator.check(service())).resolves.toBe(
      true,
    );
    expect(isServiceEntity(service())).toBe(true);
  });

  it('requires an owner', () => {
    const entity = service();
    delete (entity.spec as any).owner;
    expect(issues(entity)).toEqual([['spec.owner', 'is required but missing']]);
  });

  it('takes member roles from admin, developer and viewer', () => {
    expect(
      issues(service({ members: [{ ref: 'user:alice', role: 'owner' }] })),
    ).toEqual([
      [
        'spec.members[0].role',
        'must be one of admin, developer, viewer, got "owner"',
      ],
    ]);
  });

  it('takes members that are users or groups, once each', () => {
    expect(
      issues(
        service({
          members: [
            { ref: 'resource:db', role: 'viewer' },
            { ref: 'alice', role: 'admin' },
            { ref: 'alice', role: 'viewer' },
          ],
        }),
      ),
    ).toEqual([
      [
        'spec.members[0].ref',
        'must refer to a User or Group, got "resource:db" (kind resource)',
      ],
      [
        'spec.members[2].ref',
        'duplicates the member ref "alice" already used at spec.members[1]; each member ref must be unique',
      ],
    ]);
  });

  it('takes clusters that are Resources', () => {
    expect(issues(service({ clusters: ['component:prod'] }))).toEqual([
      [
        'spec.clusters[0]',
        'must refer to a Resource, got "component:prod" (kind component)',
      ],
    ]);
  });

  it('checks every quota as a quantity and pods as a count', () => {
    expect(
      issues(service({ quota: { cpu: 'lots', pods: 1.5, disk: '1Ti' } })),
    ).toEqual([
      [
        'spec.quota.disk',
        'is not a known field; expected one of cpu, memory, gpu, storage, pods',
      ],
      [
        'spec.quota.cpu',
        'expected a Kubernetes quantity such as 250m, 1.5, 10Gi or 500M, got "lots"',
      ],
      ['spec.quota.pods', 'must be a whole number, got 1.5'],
    ]);
  });

  it('checks registries', () => {
    expect(
      issues(
        service({
          registries: [
            { name: 'harbor', url: 'https://harbor.example.com' },
            { name: 'harbor', url: 'ghcr.io/acme' },
          ],
        }),
      ).map(([path]) => path),
    ).toEqual(['spec.registries[0].url', 'spec.registries[1].name']);
  });
});
