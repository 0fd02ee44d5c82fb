import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ConflictError } from '@backstage/errors';
import {
  cocktailImageScanOverridePermission,
  DeployResult,
  SCAN_SEVERITIES,
  ScanSeverity,
} from '@cocktailcloud/plugin-cocktail-common';
import { renderServerManifests } from '@cocktailcloud/plugin-cocktail-node';
import { ServerLifecycle } from '../lifecycle/ServerLifecycle';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { Authorize } from '../service/authorize';
import { DeployBody } from '../service/requestBodies';
import { lookupKeysOf } from './imageKeys';
import { GateFinding, ScanStore } from './types';

export const GATE_THRESHOLDS = [
  'critical',
  'high',
  'medium',
  'low',
  'none',
] as const;
export type GateThreshold = (typeof GATE_THRESHOLDS)[number];

const SHOWN_FINDINGS = 10;

/** What the gate says about a deploy; a dry run returns it as `gate`. */
export interface GateReport {
  threshold: GateThreshold;
  blocked: boolean;
  /** The images whose latest scan has findings at or above the threshold. */
  images: Array<{ image: string; scanId: string; atOrAbove: number }>;
  /** Up to 10 of those findings, most severe first. */
  findings: Array<GateFinding & { image: string }>;
}

export function readGateThreshold(config: Config): GateThreshold {
  const value =
    config.getOptionalString('cocktail.imageScans.blockDeployAtOrAbove') ??
    'none';
  if (!(GATE_THRESHOLDS as readonly string[]).includes(value)) {
    throw new Error(
      `cocktail.imageScans.blockDeployAtOrAbove: expected one of ${GATE_THRESHOLDS.join(
        ', ',
      )}, got ${JSON.stringify(value)}`,
    );
  }
  return value as GateThreshold;
}

/** Every container image of the manifests a deploy would apply. */
export function imagesOf(manifests: any[]): string[] {
  const images = new Set<string>();
  for (const manifest of manifests) {
    const pod =
      manifest?.spec?.template?.spec ??
      manifest?.spec?.jobTemplate?.spec?.template?.spec;
    for (const c of [
      ...(pod?.initContainers ?? []),
      ...(pod?.containers ?? []),
    ]) {
      if (typeof c?.image === 'string') {
        images.add(c.image);
      }
    }
  }
  return [...images].sort();
}

/**
 * Refuses a deploy whose images' latest scans have findings at or above
 * `cocktail.imageScans.blockDeployAtOrAbove`. Images never scanned pass.
 */
export class ScanGate {
  constructor(
    private readonly options: {
      store: ScanStore;
      threshold: GateThreshold;
      authorize: Authorize;
    },
  ) {}

  async evaluate(target: ServerTarget): Promise<GateReport> {
    const { threshold, store } = this.options;
    const report: GateReport = {
      threshold,
      blocked: false,
      images: [],
      findings: [],
    };
    if (threshold === 'none') {
      return report;
    }
    const severity = threshold.toUpperCase() as ScanSeverity;
    const severities = SCAN_SEVERITIES.slice(
      0,
      SCAN_SEVERITIES.indexOf(severity) + 1,
    );
    const images = imagesOf(
      renderServerManifests({
        server: target.server,
        serviceMap: target.serviceMap,
      }),
    ).map(image => ({ image, keys: lookupKeysOf(image) }));
    const latest = await store.latestByImageKeys(
      images.map(({ keys }) => keys.digest ?? keys.reference ?? ''),
    );
    for (const { image, keys } of images) {
      const scan = latest.get(keys.digest ?? keys.reference ?? '');
      const atOrAbove = scan
        ? severities.reduce((sum, s) => sum + scan.counts[s], 0)
        : 0;
      if (scan && atOrAbove > 0) {
        report.images.push({ image, scanId: scan.id, atOrAbove });
      }
    }
    if (!report.images.length) {
      return report;
    }
    report.blocked = true;
    const imageOf = new Map(report.images.map(i => [i.scanId, i.image]));
    report.findings = (
      await store.findingsAtOrAbove(
        [...imageOf.keys()],
        severity,
        SHOWN_FINDINGS,
      )
    ).map(f => ({ ...f, image: imageOf.get(f.scanId)! }));
    return report;
  }

  /**
   * Deploys through the gate. A dry run reports the gate's answer; a real deploy that the gate
   * blocks needs `overrideScanGate` and the override permission on the server.
   */
  async deploy(
    lifecycle: ServerLifecycle,
    target: ServerTarget,
    credentials: BackstageCredentials,
    body: DeployBody,
  ): Promise<DeployResult & { gate?: GateReport }> {
    if (body.dryRun) {
      const [result, gate] = await Promise.all([
        lifecycle.deploy({ dryRun: true }),
        this.evaluate(target),
      ]);
      return { ...result, gate };
    }
    const gate = await this.evaluate(target);
    if (gate.blocked) {
      if (!body.overrideScanGate) {
        throw new ConflictError(blockedMessage(target, gate));
      }
      await this.options.authorize(
        credentials,
        cocktailImageScanOverridePermission,
        target.entityRef,
      );
    }
    return lifecycle.deploy({ dryRun: false });
  }
}

function blockedMessage(target: ServerTarget, gate: GateReport): string {
  const images = gate.images
    .map(i => `${i.image} (${i.atOrAbove} at or above ${gate.threshold})`)
    .join(', ');
  const findings = gate.findings
    .map(f => `${f.id} in ${f.packageName} (${f.severity}, ${f.image})`)
    .join('; ');
  return (
    `the image scan gate blocks deploying ${target.entityRef}: ${images}. ` +
    `Findings: ${findings}. Fix the images and scan them again, or deploy with ` +
    `{"overrideScanGate": true, "overrideReason": "…"}, which needs the ` +
    `${cocktailImageScanOverridePermission.name} permission and is audited.`
  );
}
