import { parseVersionParts } from './kubernetesVersion';

describe('parseVersionParts', () => {
  it.each([
    ['v1.33.1', { major: 1, minor: 33, patch: 1 }],
    ['1.31.12', { major: 1, minor: 31, patch: 12 }],
    ['v1.34', { major: 1, minor: 34, patch: 0 }],
    ['v1.32.5+rke2r1', { major: 1, minor: 32, patch: 5 }],
    ['v1.35.0-rc.1', { major: 1, minor: 35, patch: 0 }],
  ])('reads %s', (version, parts) => {
    expect(parseVersionParts(version)).toEqual(parts);
  });

  it.each(['latest', 'v1', '', 'v1.x.0', ' v1.33.1'])('refuses %j', version => {
    expect(() => parseVersionParts(version)).toThrow(
      'is not a Kubernetes version such as v1.33.1',
    );
  });
});
