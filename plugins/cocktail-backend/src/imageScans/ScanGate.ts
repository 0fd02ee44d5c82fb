import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ConflictError } from '@backstage/errors';
import {
  cocktailImageScanOverridePermission,
  DeployResult,
  SCAN_SEVERITIES,
  ScanSeverity,
} from '@cocktailcloud/plugin-cocktail-common';
import { renderServerManifests } from '@cocktailcloud/plugin-cocktail-node';
import { podImagesOf } from '../lifecycle/podImagesOf';
import { ServerLifecycle } from '../lifecycle/ServerLifecycle';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { Authorize } from '../service/authorize';
import { ScanGateOverride } from '../service/requestBodies';
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

/** What the gate says about the images an operation would run; a dry run returns it as `gate`. */
export interface GateReport {
  threshold: GateThreshold;
  /** Whether images never scanned block (`cocktail.imageScans.requireScan`). */
  requireScan: boolean;
  blocked: boolean;
  /** The images whose latest scan has findings at or above the threshold. */
  images: Array<{ image: string; scanId: string; atOrAbove: number }>;
  /** The images without any scan; they block only with `requireScan`. */
  unscanned: string[];
  /** Up to 10 of those findings, most severe first. */
  findings: Array<GateFinding & { image: string }>;
}

/** The gate's fields of an operation's body: a dry run, or the override with its reason. */
export type GatedBody = ScanGateOverride & { dryRun?: boolean };

/**
 * Every way of running images on a server passes here: a deploy, a rolling update and a
 * rollback are refused while an image they would run has its latest scan's findings at or above
 * `cocktail.imageScans.blockDeployAtOrAbove`, or (with `cocktail.imageScans.requireScan`) no
 * scan at all. A dry run reports the gate's answer; a blocked operation goes ahead only with
 * `overrideScanGate`, a reason and the override permission on the server.
 */
export class ScanGate {
  constructor(
    private readonly options: {
      store: ScanStore;
      threshold: GateThreshold;
      /** Refuse images never scanned; false when not given. */
      requireScan?: boolean;
      authorize: Authorize;
    },
  ) {}

  /** What the gate says about a deploy of the server as the catalog has it. */
  evaluate(target: ServerTarget): Promise<GateReport> {
    return this.evaluateImages(
      podImagesOf(
        renderServerManifests({
          server: target.server,
          serviceMap: target.serviceMap,
        }),
      ),
    );
  }

  /** What the gate says about running these images. */
  async evaluateImages(images: string[]): Promise<GateReport> {
    const { threshold, store } = this.options;
    const requireScan = this.options.requireScan ?? false;
    const report: GateReport = {
      threshold,
      requireScan,
      blocked: false,
      images: [],
      unscanned: [],
      findings: [],
    };
    if (threshold === 'none' && !requireScan) {
      return report;
    }
    const keyed = [...new Set(images)].sort().map(image => {
      const keys = lookupKeysOf(image);
      return { image, key: keys.digest ?? keys.reference ?? '' };
    });
    const latest = await store.latestByImageKeys(keyed.map(({ key }) => key));
    const severities =
      threshold === 'none'
        ? []
        : SCAN_SEVERITIES.slice(
            0,
            SCAN_SEVERITIES.indexOf(threshold.toUpperCase() as ScanSeverity) +
              1,
          );
    for (const { image, key } of keyed) {
      const scan = latest.get(key);
      if (!scan) {
        report.unscanned.push(image);
        continue;
      }
      const atOrAbove = severities.reduce((sum, s) => sum + scan.counts[s], 0);
      if (atOrAbove > 0) {
        report.images.push({ image, scanId: scan.id, atOrAbove });
      }
    }
    report.blocked =
      report.images.length > 0 || (requireScan && report.unscanned.length > 0);
    if (report.images.length) {
      const imageOf = new Map(report.images.map(i => [i.scanId, i.image]));
      report.findings = (
        await store.findingsAtOrAbove(
          [...imageOf.keys()],
          severities[severities.length - 1],
          SHOWN_FINDINGS,
        )
      ).map(f => ({ ...f, image: imageOf.get(f.scanId)! }));
    }
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
    body: GatedBody,
  ): Promise<DeployResult & { gate?: GateReport }> {
    if (body.dryRun) {
      const [result, gate] = await Promise.all([
        lifecycle.deploy({ dryRun: true }),
        this.evaluate(target),
      ]);
      return { ...result, gate };
    }
    await this.pass(
      `deploying ${target.entityRef}`,
      await this.evaluate(target),
      target,
      credentials,
      body,
    );
    return lifecycle.deploy({ dryRun: false });
  }

  /** A rolling update through the gate, which checks the new images. */
  async rollingUpdate(
    lifecycle: ServerLifecycle,
    target: ServerTarget,
    credentials: BackstageCredentials,
    body: GatedBody & { images: Record<string, string> },
  ) {
    const gate = await this.evaluateImages(Object.values(body.images));
    if (body.dryRun) {
      return { dryRun: true, images: body.images, gate };
    }
    await this.pass(
      `the rolling update of ${target.entityRef}`,
      gate,
      target,
      credentials,
      body,
    );
    return lifecycle.rollingUpdate(body.images);
  }

  /** A rollback through the gate, which checks the images of the revision it returns to. */
  async rollback(
    lifecycle: ServerLifecycle,
    target: ServerTarget,
    credentials: BackstageCredentials,
    body: GatedBody & { revision: string },
  ) {
    const images = await lifecycle.rollbackImages(body.revision);
    const gate = await this.evaluateImages(images);
    if (body.dryRun) {
      return { dryRun: true, revision: body.revision, images, gate };
    }
    await this.pass(
      `rolling ${target.entityRef} back to revision ${body.revision}`,
      gate,
      target,
      credentials,
      body,
    );
    return lifecycle.rollback(body.revision);
  }

  /** Throws unless the gate lets the operation through or it is overridden by someone allowed. */
  private async pass(
    operation: string,
    gate: GateReport,
    target: ServerTarget,
    credentials: BackstageCredentials,
    body: GatedBody,
  ): Promise<void> {
    if (!gate.blocked) {
      return;
    }
    if (!body.overrideScanGate) {
      throw new ConflictError(blockedMessage(operation, gate));
    }
    await this.options.authorize(
      credentials,
      cocktailImageScanOverridePermission,
      target.entityRef,
    );
  }
}

function blockedMessage(operation: string, gate: GateReport): string {
  const reasons = [];
  if (gate.images.length) {
    reasons.push(
      gate.images
        .map(i => `${i.image} (${i.atOrAbove} at or above ${gate.threshold})`)
        .join(', '),
    );
  }
  if (gate.requireScan && gate.unscanned.length) {
    reasons.push(
      `never scanned: ${gate.unscanned.join(
        ', ',
      )} (cocktail.imageScans.requireScan)`,
    );
  }
  const findings = gate.findings.length
    ? ` Findings: ${gate.findings
        .map(f => `${f.id} in ${f.packageName} (${f.severity}, ${f.image})`)
        .join('; ')}.`
    : '';
  return (
    `the image scan gate blocks ${operation}: ${reasons.join(
      '; ',
    )}.${findings} ` +
    `Fix the images and scan them, or send {"overrideScanGate": true, "overrideReason": "…"}, ` +
    `which needs the ${cocktailImageScanOverridePermission.name} permission and is audited.`
  );
}
