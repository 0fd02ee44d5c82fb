import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import {
  ImageScanSummary,
  NormalizedScan,
  ScanSeverity,
} from '@cocktailcloud/plugin-cocktail-common';
import { Knex } from 'knex';
import { imageKeyOf, referenceKey } from './imageKeys';
import {
  countFindings,
  FINDINGS_TABLE,
  findingKey,
  FindingRow,
  findingToRow,
  rowToFinding,
  rowToSummary,
  ScanRow,
  SCANS_TABLE,
  severityRank,
} from './scanRows';
import {
  FindingFilter,
  FindingsPage,
  FindingsPageRequest,
  GateFinding,
  ScanSource,
  ScanStore,
} from './types';

const migrationsDir = resolvePackagePath(
  '@cocktailcloud/plugin-cocktail-backend',
  'migrations',
);

// Rows a multi-row insert: knex writes SQLite's as a compound SELECT, which SQLite caps at
// 500 terms; PostgreSQL's limit is 65,535 bound values (11 a row).
const INSERT_BATCH_SIZE = { sqlite: 400, postgres: 2000 };
/** Scans removed per transaction by the retention; each takes its findings along. */
const PRUNE_BATCH_SIZE = 100;
/** Past this many advisories on a page, the previous scan's keys are read whole. */
const PAGE_KEYS_LIMIT = 500;

function likePattern(text: string): string {
  return `%${text
    .toLocaleLowerCase('en-US')
    .replace(/[\\%_]/g, c => `\\${c}`)}%`;
}

/** Image scans and their findings in the plugin's database. */
export class DatabaseScanStore implements ScanStore {
  private readonly batchSize: number;

  private constructor(private readonly db: Knex) {
    this.batchSize =
      db.client.dialect === 'postgresql'
        ? INSERT_BATCH_SIZE.postgres
        : INSERT_BATCH_SIZE.sqlite;
  }

  static async create({
    database,
    skipMigrations,
  }: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseScanStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip && !skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseScanStore(client);
  }

  async record(
    scan: NormalizedScan,
    source: ScanSource,
  ): Promise<ImageScanSummary> {
    const imageKey = imageKeyOf(scan.image);
    const scannedAt = new Date(scan.scannedAt);
    const { counts, fixable } = countFindings(scan.findings);
    const row = await this.db.transaction(async tx => {
      // The previous scan is the latest one of the same image taken before this one, so a
      // report uploaded late does not count as the newest.
      const previous: ScanRow | undefined = await tx(SCANS_TABLE)
        .where('image_key', imageKey)
        .where('scanned_at', '<=', scannedAt)
        .orderBy([
          { column: 'scanned_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .first();
      let change: Partial<ScanRow> = {};
      if (previous) {
        const before = await this.keysOf(tx, previous.id);
        const now = new Set(
          scan.findings.map(f => findingKey(findingToRow(0, f))),
        );
        change = {
          previous_scan_id: previous.id,
          new_findings: [...now].filter(k => !before.has(k)).length,
          fixed_findings: [...before].filter(k => !now.has(k)).length,
          previous_scanned_at: new Date(previous.scanned_at),
        };
      }
      const columns: Omit<ScanRow, 'id'> = {
        image_key: imageKey,
        reference: referenceKey(scan.image),
        registry: scan.image.registry,
        repository: scan.image.repository,
        tag: scan.image.tag ?? null,
        digest: scan.image.digest ?? null,
        format: scan.format,
        scanner_name: scan.scanner.name,
        scanner_version: scan.scanner.version ?? null,
        scanned_at: scannedAt,
        source,
        counts: JSON.stringify(counts),
        fixable: JSON.stringify(fixable),
        previous_scan_id: null,
        new_findings: null,
        fixed_findings: null,
        previous_scanned_at: null,
        created_at: new Date(),
        ...change,
      };
      const [inserted] = await tx(SCANS_TABLE).insert(columns, ['id']);
      const id = Number(typeof inserted === 'object' ? inserted.id : inserted);
      for (let i = 0; i < scan.findings.length; i += this.batchSize) {
        await tx(FINDINGS_TABLE).insert(
          scan.findings
            .slice(i, i + this.batchSize)
            .map(f => findingToRow(id, f)),
        );
      }
      return { ...columns, id } as ScanRow;
    });
    return rowToSummary(row);
  }

  async latestByImageKeys(
    keys: string[],
  ): Promise<Map<string, ImageScanSummary>> {
    const unique = [...new Set(keys)];
    const latest = new Map<string, ImageScanSummary>();
    if (!unique.length) {
      return latest;
    }
    const db = this.db;
    // Each key may be a digest (image_key) or a reference; both columns are indexed.
    const matches = db
      .select('id', db.raw('image_key as match_key'))
      .from(SCANS_TABLE)
      .whereIn('image_key', unique)
      .unionAll(q =>
        q
          .select('id', db.raw('reference as match_key'))
          .from(SCANS_TABLE)
          .whereIn('reference', unique),
      );
    const ranked = db
      .select(
        's.*',
        'm.match_key',
        db.raw(
          'row_number() over (partition by m.match_key order by s.scanned_at desc, s.id desc) as rn',
        ),
      )
      .from(matches.as('m'))
      .join(`${SCANS_TABLE} as s`, 's.id', 'm.id');
    const rows: Array<ScanRow & { match_key: string }> = await db
      .select('*')
      .from(ranked.as('r'))
      .where('rn', 1);
    for (const row of rows) {
      latest.set(row.match_key, rowToSummary(row));
    }
    return latest;
  }

  async imageOf(
    scanId: string,
  ): Promise<{ imageKey: string; reference?: string } | undefined> {
    const row: Pick<ScanRow, 'image_key' | 'reference'> | undefined =
      await this.db(SCANS_TABLE)
        .select('image_key', 'reference')
        .where('id', scanId)
        .first();
    return row
      ? { imageKey: row.image_key, reference: row.reference ?? undefined }
      : undefined;
  }

  async findings(
    scanId: string,
    filter: FindingFilter = {},
    page?: FindingsPageRequest,
  ): Promise<FindingsPage | undefined> {
    const scan: ScanRow | undefined = await this.db(SCANS_TABLE)
      .where('id', scanId)
      .first();
    if (!scan) {
      return undefined;
    }
    const [{ count }] = await this.matching(scanId, filter).count({
      count: '*',
    });
    const query = this.ordered(this.matching(scanId, filter));
    if (page) {
      query.offset(page.offset).limit(page.limit);
    }
    const rows: FindingRow[] = await query;
    const before =
      scan.previous_scan_id !== null
        ? await this.keysAmong(scan.previous_scan_id, rows)
        : undefined;
    return {
      total: Number(count),
      items: rows.map(row => ({
        ...rowToFinding(row),
        isNew: before ? !before.has(findingKey(row)) : false,
      })),
    };
  }

  async findingsAtOrAbove(
    scanIds: string[],
    severity: ScanSeverity,
    limit: number,
  ): Promise<GateFinding[]> {
    if (!scanIds.length) {
      return [];
    }
    const rows: FindingRow[] = await this.ordered(
      this.db<FindingRow>(FINDINGS_TABLE)
        .whereIn('scan_id', scanIds)
        .where('severity_rank', '<=', severityRank(severity)),
    ).limit(limit);
    return rows.map(row => ({
      scanId: String(row.scan_id),
      id: row.vulnerability_id,
      packageName: row.package,
      severity: row.severity,
    }));
  }

  async deleteOlderThan(cutoff: Date): Promise<number> {
    let deleted = 0;
    for (;;) {
      const removed = await this.db.transaction(async tx => {
        // Old scans with a later scan of the same image: the latest of each image stays.
        const ids: Array<number | string> = await tx(`${SCANS_TABLE} as s`)
          .where('s.scanned_at', '<', cutoff)
          .whereExists(later =>
            later
              .select(tx.raw('1'))
              .from(`${SCANS_TABLE} as n`)
              .whereRaw('n.image_key = s.image_key')
              .andWhere(q =>
                q
                  .whereRaw('n.scanned_at > s.scanned_at')
                  .orWhereRaw('n.scanned_at = s.scanned_at and n.id > s.id'),
              ),
          )
          .orderBy('s.id')
          .limit(PRUNE_BATCH_SIZE)
          .pluck('s.id');
        if (!ids.length) {
          return 0;
        }
        await tx(FINDINGS_TABLE).whereIn('scan_id', ids).delete();
        // Their successors keep their counts of new and fixed findings, not the comparison.
        await tx(SCANS_TABLE)
          .whereIn('previous_scan_id', ids)
          .update({ previous_scan_id: null });
        await tx(SCANS_TABLE).whereIn('id', ids).delete();
        return ids.length;
      });
      deleted += removed;
      if (removed < PRUNE_BATCH_SIZE) {
        return deleted;
      }
    }
  }

  /** A scan's findings that pass the filter. */
  private matching(scanId: string, filter: FindingFilter): Knex.QueryBuilder {
    const query = this.db<FindingRow>(FINDINGS_TABLE).where('scan_id', scanId);
    if (filter.severity?.length) {
      query.whereIn('severity', filter.severity);
    }
    if (filter.fixable !== undefined) {
      query.where(q =>
        filter.fixable
          ? q.whereNotNull('fixed').andWhereNot('fixed', '')
          : q.whereNull('fixed').orWhere('fixed', ''),
      );
    }
    if (filter.package) {
      query.where('package', filter.package);
    }
    if (filter.q) {
      const pattern = likePattern(filter.q);
      query.where(q =>
        q
          .whereRaw("lower(vulnerability_id) like ? escape '\\'", [pattern])
          .orWhereRaw("lower(package) like ? escape '\\'", [pattern])
          .orWhereRaw("lower(coalesce(title, '')) like ? escape '\\'", [
            pattern,
          ]),
      );
    }
    return query;
  }

  /**
   * Most severe first, then highest score; the same order on every database, and a total one
   * (a scan holds each advisory, package and installed version once), so pages never overlap.
   */
  private ordered(query: Knex.QueryBuilder) {
    return query
      .select('*')
      .orderBy('severity_rank', 'asc')
      .orderByRaw('coalesce(cvss_score, -1) desc')
      .orderBy('vulnerability_id', 'asc')
      .orderBy('package', 'asc')
      .orderByRaw("coalesce(installed, '') asc");
  }

  private async keysOf(db: Knex, scanId: number | string) {
    const rows = await db(FINDINGS_TABLE)
      .select('vulnerability_id', 'package', 'installed')
      .where('scan_id', scanId);
    return new Set(rows.map(findingKey));
  }

  /** The keys of another scan's findings among those of `rows`: one page's worth, not all. */
  private async keysAmong(scanId: number | string, rows: FindingRow[]) {
    const ids = [...new Set(rows.map(row => row.vulnerability_id))];
    if (ids.length > PAGE_KEYS_LIMIT) {
      return this.keysOf(this.db, scanId);
    }
    const found = ids.length
      ? await this.db(FINDINGS_TABLE)
          .select('vulnerability_id', 'package', 'installed')
          .where('scan_id', scanId)
          .whereIn('vulnerability_id', ids)
      : [];
    return new Set(found.map(findingKey));
  }
}
