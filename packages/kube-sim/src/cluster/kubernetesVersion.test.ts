import { compareKubernetesVersions, majorAndMinor } from './kubernetesVersion';

describe('compareKubernetesVersions', () => {
  it('orders by major, minor and patch as numbers', () => {
    expect(
      ['v1.31.0', 'v1.9.5', 'v1.30.10', 'v1.30.2'].sort(
        compareKubernetesVersions,
      ),
    ).toEqual(['v1.9.5', 'v1.30.2', 'v1.30.10', 'v1.31.0']);
  });

  it('ignores the v, suffixes and build metadata', () => {
    expect(compareKubernetesVersions('v1.33.0-kube-sim', '1.33.0')).toBe(0);
    expect(compareKubernetesVersions('v1.31.2+rke2r1', 'v1.31.2')).toBe(0);
  });

  it('reads a missing patch as 0', () => {
    expect(compareKubernetesVersions('v1.31', 'v1.31.0')).toBe(0);
  });
});

describe('majorAndMinor', () => {
  it('reports the major and minor of a version as /version does', () => {
    expect(majorAndMinor('v1.31.2')).toEqual({ major: '1', minor: '31' });
    expect(majorAndMinor('v1.33.0-kube-sim')).toEqual({
      major: '1',
      minor: '33',
    });
  });
});
