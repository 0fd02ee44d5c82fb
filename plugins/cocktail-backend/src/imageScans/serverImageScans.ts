import {
  ImageScanRollup,
  ImageScanSummary,
  PodStatus,
  ServerImageScans,
} from '@cocktailcloud/plugin-cocktail-common';
import { digestOfImageID, lookupKeysOf } from './imageKeys';
import { addCounts, zeroCounts } from './scanRows';
import { ScanStore } from './types';

interface RunningImage {
  container: string;
  image: string;
  digest?: string;
  pods: number;
}

/** The images a server's pods run, one entry per container, image and digest. */
export function runningImages(pods: PodStatus[]): RunningImage[] {
  const byKey = new Map<string, RunningImage>();
  for (const pod of pods) {
    for (const container of pod.containers) {
      if (!container.image) {
        continue;
      }
      const digest = digestOfImageID(container.imageID);
      const key = `${container.name}\u0000${container.image}\u0000${
        digest ?? ''
      }`;
      const entry = byKey.get(key) ?? {
        container: container.name,
        image: container.image,
        ...(digest ? { digest } : {}),
        pods: 0,
      };
      entry.pods += 1;
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].sort(
    (a, b) =>
      a.container.localeCompare(b.container) || a.image.localeCompare(b.image),
  );
}

/**
 * Finds the latest scan of each running image (by digest, then by normalised reference) with
 * one query, and sums the counts of the distinct scans found.
 */
export async function scansOfServer(
  store: ScanStore,
  entityRef: string,
  pods: PodStatus[],
): Promise<ServerImageScans> {
  const images = runningImages(pods).map(image => ({
    image,
    keys: lookupKeysOf(image.image, image.digest),
  }));
  const latest = await store.latestByImageKeys(
    images.flatMap(({ keys }) =>
      [keys.digest, keys.reference].filter((k): k is string => !!k),
    ),
  );
  const counted = new Map<string, ImageScanSummary>();
  const entries = images.map(({ image, keys }) => {
    const scan =
      (keys.digest ? latest.get(keys.digest) : undefined) ??
      (keys.reference ? latest.get(keys.reference) : undefined);
    if (scan) {
      counted.set(scan.id, scan);
    }
    return { ...image, ...(scan ? { scan } : {}) };
  });
  const counts = zeroCounts();
  const fixable = zeroCounts();
  for (const scan of counted.values()) {
    addCounts(counts, scan.counts);
    addCounts(fixable, scan.fixable);
  }
  return {
    entityRef,
    images: entries,
    counts,
    fixable,
    unscanned: entries.filter(e => !e.scan).length,
  };
}

/** A ServiceMap's or a Service's roll-up of its servers' answers. */
export function rollUp(
  entityRef: string,
  servers: ServerImageScans[],
): ImageScanRollup {
  const counts = zeroCounts();
  const fixable = zeroCounts();
  let unscanned = 0;
  for (const server of servers) {
    addCounts(counts, server.counts);
    addCounts(fixable, server.fixable);
    unscanned += server.unscanned;
  }
  return { entityRef, servers, counts, fixable, unscanned };
}
