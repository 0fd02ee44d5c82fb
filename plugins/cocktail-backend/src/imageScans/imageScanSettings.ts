import { Config } from '@backstage/config';
import { GATE_THRESHOLDS, GateThreshold } from './ScanGate';

/** `cocktail.imageScans.*`, with their defaults. */
export interface ImageScanSettings {
  /** Refuse running images whose latest scan has findings at or above this. */
  blockDeployAtOrAbove: GateThreshold;
  /** Refuse running images that were never scanned. */
  requireScan: boolean;
  /** The largest report accepted, after gunzip. */
  maxUploadBytes: number;
  /** The most distinct findings one scan may have. */
  maxFindingsPerScan: number;
  /** Uploads read at the same time by one backend instance; more are answered 429. */
  maxConcurrentUploads: number;
  /** Scans older than this are removed, except the latest of each image. */
  retentionDays: number;
}

const KEY = 'cocktail.imageScans';

function positiveNumber(
  config: Config,
  key: string,
  fallback: number,
  whole = true,
): number {
  const value = config.getOptionalNumber(`${KEY}.${key}`) ?? fallback;
  if (!(value > 0) || (whole && !Number.isInteger(value))) {
    throw new Error(
      `${KEY}.${key}: expected a positive ${
        whole ? 'whole ' : ''
      }number, got ${value}`,
    );
  }
  return value;
}

export function readGateThreshold(config: Config): GateThreshold {
  const value =
    config.getOptionalString(`${KEY}.blockDeployAtOrAbove`) ?? 'none';
  if (!(GATE_THRESHOLDS as readonly string[]).includes(value)) {
    throw new Error(
      `${KEY}.blockDeployAtOrAbove: expected one of ${GATE_THRESHOLDS.join(
        ', ',
      )}, got ${JSON.stringify(value)}`,
    );
  }
  return value as GateThreshold;
}

/** Reads and checks the image scan settings; a bad value stops the backend at start. */
export function readImageScanSettings(config: Config): ImageScanSettings {
  return {
    blockDeployAtOrAbove: readGateThreshold(config),
    requireScan: config.getOptionalBoolean(`${KEY}.requireScan`) ?? false,
    maxUploadBytes:
      positiveNumber(config, 'maxUploadMegabytes', 200, false) * 2 ** 20,
    maxFindingsPerScan: positiveNumber(config, 'maxFindingsPerScan', 50_000),
    maxConcurrentUploads: positiveNumber(config, 'maxConcurrentUploads', 4),
    retentionDays: positiveNumber(config, 'retentionDays', 90),
  };
}
