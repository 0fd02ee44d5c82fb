import {
  compareKubernetesVersions,
  KubernetesVersion,
  minorVersionDistance,
  parseKubernetesVersion,
} from './kubernetesVersion';

function version(text: string): KubernetesVersion {
  const parsed = parseKubernetesVersion(text, { patch: 'optional' });
  if (!parsed) {
    throw new Error(`test version ${text} does not parse`);
  }
  return parsed;
}

describe('parseKubernetesVersion', () => {
  it.each([
    ['v1.33.1', { major: 1, minor: 33, patch: 1, semver: '1.33.1' }],
    ['1.31.12', { major: 1, minor: 31, patch: 12, semver: '1.31.12' }],
    ['v1.32.5+rke2r1', { major: 1, minor: 32, patch: 5, semver: '1.32.5' }],
    ['v1.35.0-rc.1', { major: 1, minor: 35, patch: 0, semver: '1.35.0-rc.1' }],
  ])('reads %s', (text, parsed) => {
    expect(parseKubernetesVersion(text)).toEqual(parsed);
  });

  it('reads a version without a patch only when the patch is optional', () => {
    expect(parseKubernetesVersion('v1.34')).toBeUndefined();
    expect(parseKubernetesVersion('v1.34', { patch: 'optional' })).toEqual({
      major: 1,
      minor: 34,
      patch: 0,
      semver: '1.34.0',
    });
  });

  it.each(['latest', 'v1', '', 'v1.x.0', ' v1.33.1', 'v1.33.1 ', 'v1.33.1.4'])(
    'refuses %j',
    text => {
      expect(
        parseKubernetesVersion(text, { patch: 'optional' }),
      ).toBeUndefined();
    },
  );
});

describe('compareKubernetesVersions', () => {
  it('orders by minor, then patch, then a release candidate before its release', () => {
    const ordered = ['v1.32.9', 'v1.33.0-rc.1', 'v1.33.0', 'v1.33.2', 'v1.34'];
    for (let i = 1; i < ordered.length; i++) {
      const older = version(ordered[i - 1]);
      const newer = version(ordered[i]);
      expect(compareKubernetesVersions(older, newer)).toBeLessThan(0);
      expect(compareKubernetesVersions(newer, older)).toBeGreaterThan(0);
    }
  });

  it('takes a distribution build of a version for the same release', () => {
    expect(
      compareKubernetesVersions(version('v1.33.1+rke2r1'), version('v1.33.1')),
    ).toBe(0);
  });
});

describe('minorVersionDistance', () => {
  it('counts minor versions forwards and backwards', () => {
    expect(minorVersionDistance(version('v1.31.2'), version('v1.33.0'))).toBe(
      2,
    );
    expect(minorVersionDistance(version('v1.33.5'), version('v1.32.0'))).toBe(
      -1,
    );
  });
});
