import { ConfigReader } from '@backstage/config';
import { readImageScanSettings } from './imageScanSettings';

const settingsOf = (imageScans: object) =>
  readImageScanSettings(new ConfigReader({ cocktail: { imageScans } }));

describe('readImageScanSettings', () => {
  it('has defaults for every setting', () => {
    expect(settingsOf({})).toEqual({
      blockDeployAtOrAbove: 'none',
      requireScan: false,
      maxUploadBytes: 200 * 2 ** 20,
      maxFindingsPerScan: 50_000,
      maxConcurrentUploads: 4,
      retentionDays: 90,
    });
  });

  it('reads what is set', () => {
    expect(
      settingsOf({
        blockDeployAtOrAbove: 'critical',
        requireScan: true,
        maxUploadMegabytes: 0.5,
        maxFindingsPerScan: 1000,
        maxConcurrentUploads: 2,
        retentionDays: 30,
      }),
    ).toEqual({
      blockDeployAtOrAbove: 'critical',
      requireScan: true,
      maxUploadBytes: 512 * 1024,
      maxFindingsPerScan: 1000,
      maxConcurrentUploads: 2,
      retentionDays: 30,
    });
  });

  it('names a bad value', () => {
    expect(() => settingsOf({ maxConcurrentUploads: 0 })).toThrow(
      'cocktail.imageScans.maxConcurrentUploads: expected a positive whole number, got 0',
    );
    expect(() => settingsOf({ maxFindingsPerScan: 2.5 })).toThrow(
      'cocktail.imageScans.maxFindingsPerScan: expected a positive whole number, got 2.5',
    );
    expect(() => settingsOf({ blockDeployAtOrAbove: 'severe' })).toThrow(
      'cocktail.imageScans.blockDeployAtOrAbove: expected one of critical, high, medium, low, none, got "severe"',
    );
  });
});
