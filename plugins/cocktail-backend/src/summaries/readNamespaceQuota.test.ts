import { mergeResourceQuotas } from './readNamespaceQuota';

describe('mergeResourceQuotas', () => {
  it('takes the smallest hard limit and the largest use of a resource several quotas limit', () => {
    expect(
      mergeResourceQuotas([
        {
          spec: { hard: { 'requests.cpu': '8', pods: '50' } },
          status: {
            hard: { 'requests.cpu': '8', pods: '50' },
            used: { 'requests.cpu': '1500m', pods: '3' },
          },
        },
        {
          spec: { hard: { 'requests.cpu': '4000m', 'requests.memory': '8Gi' } },
          status: {
            hard: { 'requests.cpu': '4000m', 'requests.memory': '8Gi' },
            used: { 'requests.cpu': '1500m', 'requests.memory': '1Gi' },
          },
        },
      ]),
    ).toEqual({
      hard: { 'requests.cpu': '4000m', pods: '50', 'requests.memory': '8Gi' },
      used: { 'requests.cpu': '1500m', pods: '3', 'requests.memory': '1Gi' },
    });
  });

  it('falls back to spec.hard for a quota whose status is not written yet', () => {
    expect(mergeResourceQuotas([{ spec: { hard: { pods: '10' } } }])).toEqual({
      hard: { pods: '10' },
      used: {},
    });
  });
});
