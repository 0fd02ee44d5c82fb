import { KubeObject } from '../api/types';
import { computeQuotaUsage, formatQuantity } from './quotaUsage';

function pod(
  name: string,
  containers: Array<Record<string, unknown>>,
  extra: { phase?: string; initContainers?: unknown[] } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'shop' },
    spec: { containers, initContainers: extra.initContainers },
    status: { phase: extra.phase ?? 'Running' },
  };
}

function claim(name: string, storage: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name, namespace: 'shop' },
    spec: { resources: { requests: { storage } } },
  };
}

const subjects = (
  pods: KubeObject[],
  claims: KubeObject[] = [],
  counts: Record<string, number> = {},
) => ({ pods, claims, countObjects: (r: string) => counts[r] });

describe('computeQuotaUsage', () => {
  it('sums the requests and limits of the pods that are not finished', () => {
    const used = computeQuotaUsage(
      [
        'pods',
        'requests.cpu',
        'cpu',
        'requests.memory',
        'limits.cpu',
        'limits.memory',
      ],
      subjects([
        pod('a', [
          {
            name: 'main',
            resources: {
              requests: { cpu: '250m', memory: '256Mi' },
              limits: { cpu: '1', memory: '512Mi' },
            },
          },
          {
            name: 'sidecar',
            resources: { requests: { cpu: '250m', memory: '256Mi' } },
          },
        ]),
        pod('b', [
          { name: 'main', resources: { requests: { cpu: 1, memory: '1Gi' } } },
        ]),
        pod('done', [{ name: 'main', resources: { requests: { cpu: '8' } } }], {
          phase: 'Succeeded',
        }),
      ]),
    );
    expect(used).toEqual({
      pods: '2',
      'requests.cpu': '1500m',
      cpu: '1500m',
      'requests.memory': '1536Mi',
      'limits.cpu': '1',
      'limits.memory': '512Mi',
    });
  });

  it('counts a limit as the request when a container asks for no request', () => {
    const used = computeQuotaUsage(
      ['requests.cpu', 'requests.nvidia.com/gpu'],
      subjects([
        pod('gpu', [
          {
            name: 'train',
            resources: { limits: { cpu: '2', 'nvidia.com/gpu': 1 } },
          },
        ]),
      ]),
    );
    expect(used).toEqual({
      'requests.cpu': '2',
      'requests.nvidia.com/gpu': '1',
    });
  });

  it('counts init containers as the scheduler does: the larger of them and the sum of the rest', () => {
    const used = computeQuotaUsage(
      ['requests.memory'],
      subjects([
        pod(
          'migrate',
          [{ name: 'main', resources: { requests: { memory: '128Mi' } } }],
          {
            initContainers: [
              { name: 'init', resources: { requests: { memory: '1Gi' } } },
            ],
          },
        ),
      ]),
    );
    expect(used).toEqual({ 'requests.memory': '1Gi' });
  });

  it('sums claim requests, counts claims and other objects, and leaves out what it does not know', () => {
    const used = computeQuotaUsage(
      [
        'requests.storage',
        'persistentvolumeclaims',
        'count/deployments.apps',
        'services',
        'example.com/widgets',
      ],
      subjects([], [claim('a', '10Gi'), claim('b', '512Mi')], {
        'count/deployments.apps': 3,
        services: 2,
      }),
    );
    expect(used).toEqual({
      'requests.storage': '10752Mi',
      persistentvolumeclaims: '2',
      'count/deployments.apps': '3',
      services: '2',
    });
  });

  it('reports zero for an empty namespace', () => {
    expect(
      computeQuotaUsage(
        ['pods', 'requests.cpu', 'requests.memory'],
        subjects([]),
      ),
    ).toEqual({ pods: '0', 'requests.cpu': '0', 'requests.memory': '0' });
  });
});

describe('formatQuantity', () => {
  it('writes cpu in whole cores or millicores and bytes with the largest exact binary suffix', () => {
    expect(formatQuantity('cpu', 0.1)).toBe('100m');
    expect(formatQuantity('cpu', 3)).toBe('3');
    expect(formatQuantity('memory', 2 ** 31)).toBe('2Gi');
    expect(formatQuantity('storage', 2 ** 40)).toBe('1Ti');
    expect(formatQuantity('memory', 1000)).toBe('1000');
    expect(formatQuantity('nvidia.com/gpu', 2)).toBe('2');
  });
});
