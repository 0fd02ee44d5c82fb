import { InputError } from '@backstage/errors';
import { renderServiceMapProvisioning } from './renderServiceMapProvisioning';
import {
  service,
  serviceMap,
  validateCoreManifest,
} from './__testUtils__/entities';

const LABELS = {
  'app.kubernetes.io/managed-by': 'cocktail',
  'cocktailcloud.io/service': 'payments',
  'cocktailcloud.io/service-map': 'payments-prod',
};

const kindsAndNames = (manifests: Array<{ kind: string; metadata: any }>) =>
  manifests.map(m => `${m.kind}/${m.metadata.name}`);

describe('renderServiceMapProvisioning', () => {
  it('renders everything in apply order, each valid against the Kubernetes schema', () => {
    const manifests = renderServiceMapProvisioning({
      serviceMap: serviceMap({ quota: { cpu: '8', memory: '32Gi', gpu: 1 } }),
      service: service({
        members: [
          { ref: 'user:alice', role: 'developer' },
          { ref: 'group:auditors', role: 'viewer' },
        ],
      }),
      defaultDenyNetworkPolicy: true,
    });
    expect(kindsAndNames(manifests)).toEqual([
      'Namespace/payments-prod',
      'ResourceQuota/cocktail-quota',
      'LimitRange/cocktail-defaults',
      'RoleBinding/cocktail-admins',
      'RoleBinding/cocktail-developers',
      'RoleBinding/cocktail-viewers',
      'NetworkPolicy/default-deny',
      'NetworkPolicy/allow-dns',
      'NetworkPolicy/allow-same-namespace',
    ]);
    manifests.forEach(validateCoreManifest);
    for (const manifest of manifests.slice(1)) {
      expect(manifest.metadata.namespace).toBe('payments-prod');
      expect(manifest.metadata.labels).toEqual(LABELS);
    }
  });

  it('checks shapes for real: the schema refuses a RoleBinding without roleRef or a subject without a name', () => {
    const [, , , admins] = renderServiceMapProvisioning({
      serviceMap: serviceMap({ quota: { cpu: '8' } }),
      service: service(),
    });
    expect(admins.kind).toBe('RoleBinding');
    const { roleRef: _roleRef, ...withoutRoleRef } = admins;
    expect(() => validateCoreManifest(withoutRoleRef as any)).toThrow(
      /roleRef/,
    );
    expect(() =>
      validateCoreManifest({ ...admins, subjects: [{ kind: 'User' }] }),
    ).toThrow(/name/);
  });

  it('renders a cluster-scoped Namespace labelled with the service, map and environment', () => {
    const [namespace] = renderServiceMapProvisioning({
      serviceMap: serviceMap({ environment: 'staging' }),
      service: service(),
    });
    expect(namespace).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: 'payments-prod',
        labels: { ...LABELS, 'cocktailcloud.io/environment': 'staging' },
        annotations: {
          'cocktailcloud.io/entity-ref': 'servicemap:default/payments-prod',
        },
      },
    });
  });

  it('reuses the ServiceMap quota, with GPUs as requests.nvidia.com/gpu', () => {
    const quota = renderServiceMapProvisioning({
      serviceMap: serviceMap({ quota: { cpu: 4, gpu: 2 } }),
      service: service(),
    }).find(m => m.kind === 'ResourceQuota');
    expect(quota?.spec).toEqual({
      hard: { 'requests.cpu': '4', 'requests.nvidia.com/gpu': '2' },
    });
  });

  it('renders no quota and no LimitRange for a map without a quota', () => {
    expect(
      kindsAndNames(
        renderServiceMapProvisioning({
          serviceMap: serviceMap(),
          service: service(),
        }),
      ),
    ).toEqual(['Namespace/payments-prod', 'RoleBinding/cocktail-admins']);
  });

  it('renders the LimitRange only when the quota limits CPU or memory requests', () => {
    const kinds = (quota: object) =>
      renderServiceMapProvisioning({
        serviceMap: serviceMap({ quota }),
        service: service(),
      }).map(m => m.kind);
    expect(kinds({ memory: '1Gi' })).toContain('LimitRange');
    expect(kinds({ cpu: '1' })).toContain('LimitRange');
    expect(kinds({ pods: 10, storage: '100Gi', gpu: 1 })).not.toContain(
      'LimitRange',
    );
  });

  it('passes LimitRange overrides through', () => {
    const limitRange = renderServiceMapProvisioning({
      serviceMap: serviceMap({ quota: { cpu: '8' } }),
      service: service(),
      limitRange: {
        defaultRequest: { memory: '256Mi' },
        default: { cpu: '1' },
      },
    }).find(m => m.kind === 'LimitRange');
    expect(limitRange?.spec).toEqual({
      limits: [
        {
          type: 'Container',
          defaultRequest: { cpu: '100m', memory: '256Mi' },
          default: { cpu: '1', memory: '512Mi' },
        },
      ],
    });
  });

  it('renders no NetworkPolicies unless default deny is asked for', () => {
    const kinds = renderServiceMapProvisioning({
      serviceMap: serviceMap(),
      service: service(),
      defaultDenyNetworkPolicy: false,
    }).map(m => m.kind);
    expect(kinds).not.toContain('NetworkPolicy');
  });

  it('refuses a Service that is not the one the ServiceMap belongs to', () => {
    expect(() =>
      renderServiceMapProvisioning({
        serviceMap: serviceMap({ service: 'orders' }),
        service: service(),
      }),
    ).toThrow(
      new InputError(
        'ServiceMap payments-prod belongs to orders, not to service:default/payments',
      ),
    );
  });

  it('accepts a short service reference relative to the ServiceMap namespace', () => {
    expect(() =>
      renderServiceMapProvisioning({
        serviceMap: serviceMap({ service: 'payments' }),
        service: service(),
      }),
    ).not.toThrow();
  });
});
