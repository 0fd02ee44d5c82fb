import {
  addQuotaTotals,
  emptyQuotaTotals,
  totalsOfQuota,
  totalsOfUsed,
} from './quotaTotals';

describe('quota totals', () => {
  it('reads a catalog quota in cores, bytes, GPUs and pods', () => {
    expect(
      totalsOfQuota({
        cpu: '500m',
        memory: '2Gi',
        gpu: 2,
        storage: '1Ti',
        pods: 30,
      }),
    ).toEqual({
      cpu: 0.5,
      memory: 2 * 2 ** 30,
      gpu: 2,
      storage: 2 ** 40,
      pods: 30,
    });
  });

  it('counts what a quota leaves out, or the lack of a quota, as zero', () => {
    expect(totalsOfQuota({ cpu: 4 })).toEqual({
      ...emptyQuotaTotals(),
      cpu: 4,
    });
    expect(totalsOfQuota(undefined)).toEqual(emptyQuotaTotals());
  });

  it('reads used values from requests.* names first and bare names second', () => {
    expect(
      totalsOfUsed({
        'requests.cpu': '1500m',
        cpu: '99',
        memory: '768Mi',
        'requests.nvidia.com/gpu': '1',
        'requests.storage': '20Gi',
        pods: '3',
        'limits.cpu': '8',
      }),
    ).toEqual({
      cpu: 1.5,
      memory: 768 * 2 ** 20,
      gpu: 1,
      storage: 20 * 2 ** 30,
      pods: 3,
    });
  });

  it('ignores a used value that is not a quantity', () => {
    expect(totalsOfUsed({ pods: 'many' }).pods).toBe(0);
  });

  it('adds totals field by field', () => {
    expect(
      addQuotaTotals(
        totalsOfQuota({ cpu: '8', memory: '32Gi', pods: 50 }),
        totalsOfQuota({ cpu: '16', memory: '64Gi', pods: 100 }),
        totalsOfQuota({ cpu: '32', gpu: '2', storage: '1Ti', pods: 300 }),
      ),
    ).toEqual({
      cpu: 56,
      memory: 96 * 2 ** 30,
      gpu: 2,
      storage: 2 ** 40,
      pods: 450,
    });
    expect(addQuotaTotals()).toEqual(emptyQuotaTotals());
  });
});
