// Benchmark: audit log insert overhead per mutation, and filtered page queries
// on a table of AUDIT_ROWS rows (default 1,000,000), on SQLite (a file in a
// temp dir) and, when BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING is
// set, PostgreSQL. Prints one line per database; progress goes to stderr.
// Run with: node test/bench/audit.bench.mjs   (AUDIT_ROWS=20000 for a quick run)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
require('@backstage/cli/config/nodeTransform.cjs');
const auditDir = '../../plugins/cocktail-backend/src/audit';
const { DatabaseAuditStore } = require(`${auditDir}/DatabaseAuditStore.ts`);
const { computeAuditHash } = require(`${auditDir}/auditHash.ts`);
const {
  AUDIT_LOG_TABLE,
  dbRowToAuditRow,
  entryToDbColumns,
} = require(`${auditDir}/auditDbRow.ts`);
const knexFactory = require('knex');

const AUDIT_ROWS = Number(process.env.AUDIT_ROWS ?? 1_000_000);
const RECORD_CALLS = 2_000;
const PAGE_QUERIES = 200;
const ENTITIES = 1_000;
const ACTORS = 50;
const DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;
const FILL_CHUNK = 10_000;

const ACTIONS = [
  'server.deploy',
  'server.rollingUpdate',
  'server.restart',
  'server.scale',
  'server.autoscale',
  'server.rollback',
  'server.suspend',
  'server.resume',
  'server.delete',
];
const CLUSTERS = ['prod-kr', 'prod-us', 'stage', 'dev', 'edge'];

// Deterministic, so runs on different databases see the same data.
function mulberry32(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick(random, list) {
  return list[Math.floor(random() * list.length)];
}

const entityRef = n => `cocktailserver:default/server-${n}`;
const actorRef = n => `user:default/user-${n}`;

function randomEntry(random) {
  const entity = Math.floor(random() * ENTITIES);
  const roll = random();
  let outcome = 'succeeded';
  if (roll > 0.97) {
    outcome = 'denied';
  } else if (roll > 0.9) {
    outcome = 'failed';
  }
  return {
    actor: actorRef(Math.floor(random() * ACTORS)),
    action: pick(random, ACTIONS),
    entityRef: entityRef(entity),
    cluster: CLUSTERS[entity % CLUSTERS.length],
    namespace: `team-${entity % 40}`,
    outcome,
    error: outcome === 'failed' ? 'deployment did not become ready' : undefined,
    details: { replicas: Math.floor(random() * 10), image: `app:${entity}` },
  };
}

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

const mean = values => values.reduce((a, b) => a + b, 0) / values.length;
const ms = value => value.toFixed(2);
const log = message => process.stderr.write(`${message}\n`);

async function measureRecord(store, random) {
  const times = [];
  for (let i = 0; i < RECORD_CALLS; i++) {
    const entry = randomEntry(random);
    const start = performance.now();
    await store.record(entry);
    times.push(performance.now() - start);
  }
  return times;
}

/** Appends rows up to AUDIT_ROWS, computing the hash chain here. */
async function fill(knex, random) {
  const last = await knex(AUDIT_LOG_TABLE)
    .select('id', 'hash')
    .orderBy('id', 'desc')
    .first();
  let id = Number(last.id);
  let previousHash = last.hash;
  const total = AUDIT_ROWS - id;
  // knex inserts several rows into SQLite as a compound SELECT, which SQLite
  // limits to 500 terms.
  const insertBatch = knex.client.dialect === 'postgresql' ? 1_000 : 500;
  const startMs = Date.now() - DAYS * DAY_MS;
  const stepMs = (DAYS * DAY_MS) / Math.max(total, 1);
  const started = performance.now();

  for (let done = 0; done < total; ) {
    const rows = [];
    for (let i = 0; i < FILL_CHUNK && done < total; i++, done++) {
      id += 1;
      const columns = {
        ...entryToDbColumns(randomEntry(random)),
        id,
        created_at: new Date(Math.floor(startMs + done * stepMs)),
        previous_hash: previousHash,
      };
      const row = dbRowToAuditRow({ ...columns, hash: '' });
      const hash = await computeAuditHash(previousHash, row);
      rows.push({ ...columns, hash });
      previousHash = hash;
    }
    await knex.batchInsert(AUDIT_LOG_TABLE, rows, insertBatch);
    if (done % 100_000 < FILL_CHUNK) {
      log(`  filled ${done}/${total} rows`);
    }
  }
  if (knex.client.dialect === 'postgresql') {
    await knex.raw(
      `SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ??))`,
      [AUDIT_LOG_TABLE, AUDIT_LOG_TABLE],
    );
  }
  log(`  fill took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

function randomQuery(random, kind) {
  if (kind === 'entity') {
    const from = Date.now() - Math.floor(random() * DAYS) * DAY_MS;
    return {
      entityRefs: [entityRef(Math.floor(random() * ENTITIES))],
      from: new Date(from - 7 * DAY_MS),
      to: new Date(from),
    };
  }
  if (kind === 'actor') {
    return { actor: actorRef(Math.floor(random() * ACTORS)) };
  }
  return { outcome: pick(random, ['succeeded', 'failed', 'denied']) };
}

/** Half the measured queries are first pages, half the page after. */
async function measurePages(store, random) {
  const kinds = ['entity', 'actor', 'outcome'];
  const times = { entity: [], actor: [], outcome: [] };
  for (let i = 0; i < 10; i++) {
    await store.query(randomQuery(random, kinds[i % 3]));
  }
  for (let i = 0; i < PAGE_QUERIES / 2; i++) {
    const kind = kinds[i % kinds.length];
    const query = randomQuery(random, kind);
    let start = performance.now();
    const first = await store.query(query);
    times[kind].push(performance.now() - start);
    start = performance.now();
    await store.query({ ...query, cursor: first.nextCursor });
    times[kind].push(performance.now() - start);
  }
  return times;
}

async function run(name, knex) {
  const random = mulberry32(42);
  try {
    const store = await DatabaseAuditStore.create({
      database: { getClient: async () => knex },
    });
    log(`${name}: ${RECORD_CALLS} record() calls`);
    const insertTimes = await measureRecord(store, random);
    log(`${name}: filling to ${AUDIT_ROWS} rows`);
    await fill(knex, random);
    if (knex.client.dialect === 'postgresql') {
      await knex.raw('ANALYZE ??', [AUDIT_LOG_TABLE]);
    }
    const pageTimes = await measurePages(store, random);
    const allPages = Object.values(pageTimes).flat();
    for (const [kind, values] of Object.entries(pageTimes)) {
      log(
        `  ${kind}: page_p50_ms=${ms(percentile(values, 0.5))} page_p95_ms=${ms(
          percentile(values, 0.95),
        )}`,
      );
    }
    const [{ count }] = await knex(AUDIT_LOG_TABLE).count({ count: '*' });
    console.log(
      `audit db=${name} rows=${count} insert_mean_ms=${ms(
        mean(insertTimes),
      )} insert_p95_ms=${ms(percentile(insertTimes, 0.95))} page_p50_ms=${ms(
        percentile(allPages, 0.5),
      )} page_p95_ms=${ms(percentile(allPages, 0.95))}`,
    );
  } finally {
    await knex.destroy();
  }
}

async function runSqlite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-bench-'));
  try {
    await run(
      'sqlite',
      knexFactory({
        client: 'better-sqlite3',
        connection: { filename: path.join(dir, 'audit.sqlite') },
        useNullAsDefault: true,
      }),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runPostgres(connectionString) {
  const database = `cocktail_audit_bench_${process.pid}`;
  const admin = knexFactory({ client: 'pg', connection: connectionString });
  await admin.raw('CREATE DATABASE ??', [database]);
  try {
    const url = new URL(connectionString);
    url.pathname = `/${database}`;
    await run('postgres', knexFactory({ client: 'pg', connection: url.href }));
  } finally {
    await admin.raw('DROP DATABASE IF EXISTS ??', [database]);
    await admin.destroy();
  }
}

await runSqlite();
const postgres =
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING;
if (postgres) {
  await runPostgres(postgres);
}
