import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import {
  AuditCursor,
  decodeAuditCursor,
  encodeAuditCursor,
} from './auditCursor';
import { readAuditAnchor, writeAuditAnchor } from './auditAnchor';
import { AUDIT_CSV_HEADER, auditRowToCsv } from './auditCsv';
import {
  AUDIT_DB_COLUMNS,
  AUDIT_LOG_TABLE,
  AuditDbRow,
  dbRowToAuditRow,
  entryToDbColumns,
} from './auditDbRow';
import { computeAuditHash } from './auditHash';
import { AuditChainKey, auditChainKey } from './chainKey';
import { prepareAuditEntry } from './prepareAuditEntry';
import { SerialQueue } from './SerialQueue';
import { takeAuditCheckpoint } from './takeAuditCheckpoint';
import { verifyAuditCheckpoints } from './verifyAuditCheckpoints';
import { verifyAuditRows } from './verifyAuditRows';
import {
  AuditChainVerification,
  AuditCheckpoint,
  AuditEntry,
  AuditExportFormat,
  AuditFilter,
  AuditPage,
  AuditQuery,
  AuditRow,
  AuditStore,
} from './types';

const migrationsDir = resolvePackagePath(
  '@cocktailcloud/plugin-cocktail-backend',
  'migrations',
);

const DEFAULT_PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 500;
const EXPORT_BATCH_SIZE = 1000;
const RETENTION_BATCH_SIZE = 5000;

// Key of the PostgreSQL advisory lock that serializes appends across backend
// replicas. Any constant works as long as every replica uses the same one.
const CHAIN_LOCK_KEY = 4_711_202_611;

/**
 * Audit log kept in the plugin's database as a hash chain, keyed with
 * `cocktail.audit.chainKey` when one is given, and anchored by checkpoints.
 */
export class DatabaseAuditStore implements AuditStore {
  private readonly db: Knex;
  private readonly key: AuditChainKey | undefined;
  private readonly isPostgres: boolean;
  private readonly chainWrites = new SerialQueue();

  private constructor(db: Knex, key: AuditChainKey | undefined) {
    this.db = db;
    this.key = key;
    this.isPostgres = db.client.dialect === 'postgresql';
  }

  static async create({
    database,
    skipMigrations,
    chainKey,
  }: {
    database: DatabaseService;
    skipMigrations?: boolean;
    /** The secret that keys the chain; rows are plain SHA-256 without it. */
    chainKey?: string;
  }): Promise<DatabaseAuditStore> {
    const key = chainKey === undefined ? undefined : auditChainKey(chainKey);
    const client = await database.getClient();

    if (!database.migrations?.skip && !skipMigrations) {
      await client.migrate.latest({
        directory: migrationsDir,
      });
    }

    return new DatabaseAuditStore(client, key);
  }

  /** Fingerprint of the chain key, as stored with each row; undefined when unkeyed. */
  get keyId(): string | undefined {
    return this.key?.id;
  }

  async record(entry: AuditEntry): Promise<AuditRow> {
    const prepared = prepareAuditEntry(entry);
    return this.chainWrites.run(() => this.append(prepared));
  }

  async query(query: AuditQuery): Promise<AuditPage> {
    const limit = pageSize(query.limit);
    const after = query.cursor ? decodeAuditCursor(query.cursor) : undefined;
    const rows = await this.selectPage(query, limit + 1, after);
    const items = rows.slice(0, limit).map(dbRowToAuditRow);
    if (rows.length <= limit) {
      return { items };
    }
    return { items, nextCursor: encodeAuditCursor(cursorOf(rows[limit - 1])) };
  }

  async *exportRows(
    filter: AuditFilter,
    format: AuditExportFormat,
  ): AsyncIterable<string> {
    if (format !== 'csv' && format !== 'json') {
      throw new InputError(
        `Audit log export format must be csv or json, got '${format}'`,
      );
    }
    yield format === 'csv' ? `${AUDIT_CSV_HEADER}\r\n` : '[';
    let after: AuditCursor | undefined;
    let first = true;
    for (;;) {
      const rows = await this.selectPage(filter, EXPORT_BATCH_SIZE, after);
      for (const dbRow of rows) {
        const row = dbRowToAuditRow(dbRow);
        if (format === 'csv') {
          yield auditRowToCsv(row);
        } else {
          yield `${first ? '' : ','}${JSON.stringify(row)}`;
        }
        first = false;
      }
      if (rows.length < EXPORT_BATCH_SIZE) {
        break;
      }
      after = cursorOf(rows[rows.length - 1]);
    }
    if (format === 'json') {
      yield ']';
    }
  }

  async verifyChain(): Promise<AuditChainVerification> {
    const rows = await verifyAuditRows(this.db, this.key);
    const checkpoints = await verifyAuditCheckpoints(this.db, this.key);
    const lastCheckpoint = checkpoints.last
      ? {
          lastCheckpoint: {
            id: checkpoints.last.id,
            createdAt: checkpoints.last.createdAt,
            rowCount: checkpoints.last.rowCount,
            headRowId: checkpoints.last.headRowId,
          },
        }
      : {};
    if (!rows.ok) {
      return { ...rows, ...lastCheckpoint };
    }
    if (checkpoints.break) {
      return {
        ok: false,
        checkedRows: rows.checkedRows,
        ...checkpoints.break,
        ...lastCheckpoint,
      };
    }
    return { ok: true, checkedRows: rows.checkedRows, ...lastCheckpoint };
  }

  async takeCheckpoint(): Promise<AuditCheckpoint | undefined> {
    return this.chainWrites.run(() =>
      this.db.transaction(async tx => {
        await this.lockChain(tx);
        return takeAuditCheckpoint(tx, this.key);
      }),
    );
  }

  async deleteOlderThan(date: Date): Promise<number> {
    let deleted = 0;
    // One transaction per batch, so appends are only held up briefly.
    for (;;) {
      const batch = await this.chainWrites.run(() =>
        this.deleteOldestBatch(date),
      );
      deleted += batch.deleted;
      if (batch.done) {
        return deleted;
      }
    }
  }

  private async append(entry: AuditEntry): Promise<AuditRow> {
    return this.db.transaction(async tx => {
      await this.lockChain(tx);
      const previousHash = await this.lastHash(tx);
      const createdAt = new Date();
      const columns = {
        ...entryToDbColumns(entry),
        created_at: createdAt,
        previous_hash: previousHash,
        key_id: this.key?.id ?? null,
      };
      // The hash covers the id, which the database assigns on insert.
      const [inserted] = await tx(AUDIT_LOG_TABLE)
        .insert({ ...columns, hash: '' })
        .returning('id');
      const id: string | number =
        typeof inserted === 'object' ? inserted.id : inserted;
      const row = dbRowToAuditRow({ ...columns, id, hash: '' });
      row.hash = await computeAuditHash(previousHash, row, this.key);
      await tx(AUDIT_LOG_TABLE).where('id', id).update({ hash: row.hash });
      return row;
    });
  }

  private async deleteOldestBatch(
    date: Date,
  ): Promise<{ deleted: number; done: boolean }> {
    return this.db.transaction(async tx => {
      await this.lockChain(tx);
      const oldest: Array<Pick<AuditDbRow, 'id' | 'created_at' | 'hash'>> =
        await tx(AUDIT_LOG_TABLE)
          .select('id', 'created_at', 'hash')
          .orderBy('id', 'asc')
          .limit(RETENTION_BATCH_SIZE);
      // Only a prefix of the chain may go. If a replica's clock ran ahead, a
      // row that is not old enough yet can precede old ones; stop there.
      const cutoff = oldest.findIndex(
        row => new Date(row.created_at).getTime() >= date.getTime(),
      );
      const removable = cutoff === -1 ? oldest : oldest.slice(0, cutoff);
      if (removable.length === 0) {
        return { deleted: 0, done: true };
      }
      const last = removable[removable.length - 1];
      await tx(AUDIT_LOG_TABLE).where('id', '<=', last.id).delete();
      await writeAuditAnchor(tx, String(last.id), last.hash);
      return {
        deleted: removable.length,
        done:
          removable.length < oldest.length ||
          oldest.length < RETENTION_BATCH_SIZE,
      };
    });
  }

  private async selectPage(
    filter: AuditFilter,
    limit: number,
    after: AuditCursor | undefined,
  ): Promise<AuditDbRow[]> {
    const query = this.db<AuditDbRow>(AUDIT_LOG_TABLE)
      .select(AUDIT_DB_COLUMNS)
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'id', order: 'desc' },
      ])
      .limit(limit);
    if (filter.entityRefs) {
      query.whereIn('entity_ref', filter.entityRefs);
    }
    if (filter.actor) {
      query.where('actor', filter.actor);
    }
    if (filter.action) {
      query.where('action', filter.action);
    }
    if (filter.outcome) {
      query.where('outcome', filter.outcome);
    }
    if (filter.from) {
      query.where('created_at', '>=', filter.from);
    }
    if (filter.to) {
      query.where('created_at', '<', filter.to);
    }
    if (!filter.includeIntents) {
      // An intent is shown only while it has no outcome: the evidence of a
      // change whose outcome was never recorded.
      query.where(q =>
        q.whereNot('outcome', 'requested').orWhereNotExists(
          this.db(`${AUDIT_LOG_TABLE} as outcome_row`)
            .select(this.db.raw('1'))
            .where(
              'outcome_row.intent_id',
              this.db.ref(`${AUDIT_LOG_TABLE}.id`),
            ),
        ),
      );
    }
    if (after) {
      // Same as (created_at, id) < (after.createdAt, after.id), written so
      // that the first condition is a plain range both databases can seek
      // to in any of the (…, created_at, id) indexes.
      query
        .where('created_at', '<=', after.createdAt)
        .where(q =>
          q
            .where('created_at', '<', after.createdAt)
            .orWhere('id', '<', after.id),
        );
    }
    return await query;
  }

  private async lockChain(tx: Knex.Transaction): Promise<void> {
    // SQLite needs no lock: it is only used by a single backend process,
    // where chainWrites already runs appends one at a time.
    if (this.isPostgres) {
      await tx.raw('SELECT pg_advisory_xact_lock(?)', [CHAIN_LOCK_KEY]);
    }
  }

  private async lastHash(tx: Knex.Transaction): Promise<string> {
    const last: Pick<AuditDbRow, 'hash'> | undefined = await tx(AUDIT_LOG_TABLE)
      .select('hash')
      .orderBy('id', 'desc')
      .first();
    return last?.hash ?? (await readAuditAnchor(tx)).hash;
  }
}

function pageSize(limit: number | undefined): number {
  if (limit === undefined) {
    return DEFAULT_PAGE_SIZE;
  }
  if (!Number.isInteger(limit) || limit < 1) {
    throw new InputError(
      `Audit log page limit must be a positive integer, got ${limit}`,
    );
  }
  return Math.min(limit, MAX_PAGE_SIZE);
}

function cursorOf(row: AuditDbRow): AuditCursor {
  return { createdAt: new Date(row.created_at), id: String(row.id) };
}
