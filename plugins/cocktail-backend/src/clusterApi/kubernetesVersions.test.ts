import { checkUpgradeStep } from './kubernetesVersions';

describe('checkUpgradeStep', () => {
  it('allows the next minor version and patch releases', () => {
    expect(() => checkUpgradeStep('v1.32.4', 'v1.33.1')).not.toThrow();
    expect(() => checkUpgradeStep('v1.33.0', 'v1.33.2')).not.toThrow();
  });

  it('refuses to skip a minor version and says where to go first', () => {
    expect(() => checkUpgradeStep('v1.31.2', 'v1.33.1')).toThrow(
      'version: v1.33.1 skips 1 minor version(s) from v1.31.2; upgrade to v1.32.x first',
    );
  });

  it('refuses downgrades, no-ops and malformed versions', () => {
    expect(() => checkUpgradeStep('v1.33.1', 'v1.32.9')).toThrow(
      /Kubernetes cannot be downgraded/,
    );
    expect(() => checkUpgradeStep('v1.33.1', 'v1.33.1')).toThrow(
      'version: the cluster already runs v1.33.1',
    );
    expect(() => checkUpgradeStep('v1.33.1', '1.34')).toThrow(
      'version: expected a Kubernetes version such as v1.33.1, got "1.34"',
    );
  });
});
