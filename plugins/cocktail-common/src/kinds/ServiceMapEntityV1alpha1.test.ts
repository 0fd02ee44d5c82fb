import { Entity } from '@backstage/catalog-model';
import { formatFieldPath } from '../validation/fieldPath';
import {
  isServiceMapEntity,
  serviceMapEntityV1alpha1Validator,
  serviceMapKind,
} from './ServiceMapEntityV1alpha1';

function serviceMap(spec: Record<string, unknown> = {}): Entity {
  return {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'ServiceMap',
    metadata: { name: 'payments-prod' },
    spec: {
      service: 'payments',
      environment: 'production',
      cluster: 'resource:prod-seoul',
      namespace: 'payments-prod',
      quota: { cpu: '32', memory: '128Gi', gpu: '2' },
      ...spec,
    },
  };
}

function issues(entity: Entity): Array<[string, string]> {
  return serviceMapKind
    .findIssues(entity)
    .map(i => [formatFieldPath(i.path), i.message]);
}

describe('ServiceMap', () => {
  it('accepts a complete ServiceMap', async () => {
    expect(issues(serviceMap())).toEqual([]);
    await expect(
      serviceMapEntityV1alpha1Validator.check(serviceMap()),
    ).resolves.toBe(true);
    expect(isServiceMapEntity(serviceMap())).toBe(true);
  });

  it('requires the service, environment, cluster and namespace', () => {
    expect(issues({ ...serviceMap(), spec: {} })).toEqual([
      ['spec.service', 'is required but missing'],
      ['spec.environment', 'is required but missing'],
      ['spec.cluster', 'is required but missing'],
      ['spec.namespace', 'is required but missing'],
    ]);
  });

  it('takes a DNS-1123 label as the namespace', () => {
    expect(issues(serviceMap({ namespace: 'Payments.Prod' }))).toEqual([
      [
        'spec.namespace',
        'expected a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit, got "Payments.Prod"',
      ],
    ]);
  });

  it('refers to a Service and a Resource', () => {
    expect(
      issues(serviceMap({ service: 'group:payments', cluster: 'system:prod' })),
    ).toEqual([
      [
        'spec.service',
        'must refer to a Service, got "group:payments" (kind group)',
      ],
      [
        'spec.cluster',
        'must refer to a Resource, got "system:prod" (kind system)',
      ],
    ]);
  });

  it('checks its quota', () => {
    expect(issues(serviceMap({ quota: { memory: 128 } }))).toEqual([
      ['spec.quota.memory', 'must be a string, got 128'],
    ]);
  });
});
