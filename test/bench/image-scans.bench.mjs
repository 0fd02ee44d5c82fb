// Benchmark: image scans on SQLite (a file in a temp dir).
//  (a) ingest of a Trivy report of INGEST_FINDINGS findings (default 20,000) streamed from a file
//      through the real parser into the store: time, and peak RSS and heap over the baseline;
//  (b) a server's image lookup (latestByImageKeys for its images' digests and references) with
//      STORED_SCANS scans stored (default 10,000): p50 and p95 over LOOKUPS queries.
// Prints `key=value` figures on one line; progress goes to stderr.
// Run with: yarn bench:image-scans
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateTrivyReport } from './support/generateTrivyReport.mjs';
import { percentile } from './support/stats.mjs';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const scansDir = '../../plugins/cocktail-backend/src/imageScans';
const { DatabaseScanStore } = require(`${scansDir}/DatabaseScanStore.ts`);
const { SCANS_TABLE } = require(`${scansDir}/scanRows.ts`);
const { parseScanReport } = require('@cocktailcloud/plugin-cocktail-node');
const knexFactory = require('knex');

const INGEST_FINDINGS = Number(process.env.INGEST_FINDINGS ?? 20_000);
const STORED_SCANS = Number(process.env.STORED_SCANS ?? 10_000);
const SCANS_PER_IMAGE = 5;
const LOOKUPS = 200;
const IMAGES_PER_SERVER = 3;
const FILL_CHUNK = 400;

const mb = bytes => (bytes / 2 ** 20).toFixed(1);
const ms = value => value.toFixed(2);

// Deterministic, so runs compare.
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const digestOf = n => `sha256:${n.toString(16).padStart(64, '0')}`;
const referenceOf = n =>
  `harbor.example.com/team-${n % 40}/app-${n}:1.${n % 9}`;

/** Samples memory every few milliseconds while `run` runs; the peak over the baseline. */
async function withPeakMemory(run) {
  global.gc?.();
  const base = process.memoryUsage();
  let rss = base.rss;
  let heap = base.heapUsed;
  const sample = () => {
    const usage = process.memoryUsage();
    rss = Math.max(rss, usage.rss);
    heap = Math.max(heap, usage.heapUsed);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await run();
    sample();
    return {
      result,
      peakRssMb: mb(rss),
      rssGrowthMb: mb(rss - base.rss),
      heapGrowthMb: mb(heap - base.heapUsed),
    };
  } finally {
    clearInterval(timer);
  }
}

async function ingest(store, dir) {
  const file = path.join(dir, 'report.json');
  fs.writeFileSync(file, generateTrivyReport(INGEST_FINDINGS));
  const bytes = fs.statSync(file).size;
  process.stderr.write(
    `ingest: ${INGEST_FINDINGS} findings, ${mb(bytes)} MB report\n`,
  );
  const started = performance.now();
  const measured = await withPeakMemory(async () =>
    store.record(
      await parseScanReport(fs.createReadStream(file), {
        image: `harbor.example.com/bench/api:1.0@${digestOf(999_999_999)}`,
      }),
      'upload',
    ),
  );
  const elapsed = performance.now() - started;
  const total = Object.values(measured.result.counts).reduce((a, b) => a + b);
  return {
    ingest_findings: total,
    ingest_report_mb: mb(bytes),
    ingest_ms: elapsed.toFixed(0),
    ingest_peak_rss_mb: measured.peakRssMb,
    ingest_rss_growth_mb: measured.rssGrowthMb,
    ingest_heap_growth_mb: measured.heapGrowthMb,
  };
}

/** Stored scans without findings: the lookup reads only the scans table. */
async function fill(knex) {
  const images = Math.ceil(STORED_SCANS / SCANS_PER_IMAGE);
  const zero = JSON.stringify({
    CRITICAL: 0,
    HIGH: 1,
    MEDIUM: 2,
    LOW: 3,
    UNKNOWN: 0,
  });
  const rows = [];
  for (let i = 0; i < STORED_SCANS; i++) {
    const image = i % images;
    const [registry, rest] = referenceOf(image).split(/\/(.*)/);
    const [repository, tag] = rest.split(':');
    rows.push({
      image_key: digestOf(image),
      reference: referenceOf(image),
      registry,
      repository,
      tag,
      digest: digestOf(image),
      format: 'trivy',
      scanner_name: 'Trivy',
      scanner_version: '0.58.1',
      scanned_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000),
      source: 'upload',
      counts: zero,
      fixable: zero,
      previous_scan_id: null,
      new_findings: null,
      fixed_findings: null,
      previous_scanned_at: null,
      created_at: new Date(),
    });
  }
  await knex.transaction(async tx => {
    for (let i = 0; i < rows.length; i += FILL_CHUNK) {
      await tx(SCANS_TABLE).insert(rows.slice(i, i + FILL_CHUNK));
    }
  });
  return images;
}

async function lookups(store, images) {
  const random = mulberry32(42);
  const times = [];
  let found = 0;
  for (let i = 0; i < LOOKUPS + 20; i++) {
    const keys = [];
    for (let c = 0; c < IMAGES_PER_SERVER; c++) {
      const image = Math.floor(random() * images);
      keys.push(digestOf(image), referenceOf(image));
    }
    const started = performance.now();
    const latest = await store.latestByImageKeys(keys);
    const elapsed = performance.now() - started;
    if (i >= 20) {
      times.push(elapsed);
      found += latest.size;
    }
  }
  return {
    lookup_stored_scans: STORED_SCANS,
    lookup_keys: IMAGES_PER_SERVER * 2,
    lookup_found_mean: (found / LOOKUPS).toFixed(1),
    lookup_p50_ms: ms(percentile(times, 0.5)),
    lookup_p95_ms: ms(percentile(times, 0.95)),
  };
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'image-scans-bench-'));
  const knex = knexFactory({
    client: 'better-sqlite3',
    connection: { filename: path.join(dir, 'scans.sqlite') },
    useNullAsDefault: true,
  });
  try {
    const store = await DatabaseScanStore.create({
      database: { getClient: async () => knex },
    });
    const figures = { db: 'sqlite', ...(await ingest(store, dir)) };
    process.stderr.write(`lookup: filling ${STORED_SCANS} scans\n`);
    const images = await fill(knex);
    Object.assign(figures, await lookups(store, images));
    console.log(
      `image-scans ${Object.entries(figures)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')}`,
    );
  } finally {
    await knex.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
