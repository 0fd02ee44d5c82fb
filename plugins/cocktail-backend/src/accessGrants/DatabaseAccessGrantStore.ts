import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';
import { AccessGrantStore, StoredAccessGrant } from './types';

const migrationsDir = resolvePackagePath(
  '@cocktailcloud/plugin-cocktail-backend',
  'migrations',
);

const TABLE = 'cocktail_access_grants';

interface GrantRow {
  id: string;
  service_map_ref: string;
  service_ref: string;
  cluster: string;
  namespace: string;
  user_ref: string;
  role: string;
  reason: string;
  service_account: string;
  token_fingerprint: string;
  created_at: Date | string;
  expires_at: Date | string;
  ended_at: Date | string | null;
  ended_by: string | null;
  end_reason: string | null;
  scope: string;
}

function isoOf(value: Date | string): string {
  return new Date(value).toISOString();
}

function toRow(grant: StoredAccessGrant): GrantRow {
  return {
    id: grant.id,
    scope: grant.scope,
    service_map_ref: grant.entityRef,
    service_ref: grant.serviceRef ?? '',
    cluster: grant.cluster,
    namespace: grant.namespace,
    user_ref: grant.userRef,
    role: grant.role,
    reason: grant.reason,
    service_account: grant.serviceAccount,
    token_fingerprint: grant.tokenFingerprint,
    created_at: new Date(grant.createdAt),
    expires_at: new Date(grant.expiresAt),
    ended_at: grant.endedAt ? new Date(grant.endedAt) : null,
    ended_by: grant.endedBy ?? null,
    end_reason: grant.endReason ?? null,
  };
}

function fromRow(row: GrantRow): StoredAccessGrant {
  return {
    id: row.id,
    scope: row.scope === 'cluster' ? 'cluster' : 'namespace',
    entityRef: row.service_map_ref,
    ...(row.service_ref && { serviceRef: row.service_ref }),
    cluster: row.cluster,
    namespace: row.namespace,
    userRef: row.user_ref,
    role: row.role as StoredAccessGrant['role'],
    reason: row.reason,
    serviceAccount: row.service_account,
    tokenFingerprint: row.token_fingerprint,
    createdAt: isoOf(row.created_at),
    expiresAt: isoOf(row.expires_at),
    ...(row.ended_at && { endedAt: isoOf(row.ended_at) }),
    ...(row.ended_by && { endedBy: row.ended_by }),
    ...(row.end_reason && {
      endReason: row.end_reason as StoredAccessGrant['endReason'],
    }),
  };
}

/** Access grants in the plugin's database (SQLite or PostgreSQL). */
export class DatabaseAccessGrantStore implements AccessGrantStore {
  private constructor(private readonly db: Knex) {}

  static async create({
    database,
    skipMigrations,
  }: {
    database: DatabaseService;
    skipMigrations?: boolean;
  }): Promise<DatabaseAccessGrantStore> {
    const client = await database.getClient();
    if (!database.migrations?.skip && !skipMigrations) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAccessGrantStore(client);
  }

  async insert(grant: StoredAccessGrant): Promise<void> {
    await this.db(TABLE).insert(toRow(grant));
  }

  async get(id: string): Promise<StoredAccessGrant | undefined> {
    const row = await this.db<GrantRow>(TABLE).where({ id }).first();
    return row && fromRow(row);
  }

  async listActive(entityRef: string): Promise<StoredAccessGrant[]> {
    const rows = await this.db<GrantRow>(TABLE)
      .where({ service_map_ref: entityRef })
      .whereNull('ended_at')
      .orderBy('created_at', 'desc');
    return rows.map(fromRow);
  }

  async listExpired(now: Date): Promise<StoredAccessGrant[]> {
    const rows = await this.db<GrantRow>(TABLE)
      .whereNull('ended_at')
      .where('expires_at', '<=', now)
      .orderBy('expires_at', 'asc');
    return rows.map(fromRow);
  }

  async end(
    id: string,
    ending: {
      endedAt: Date;
      endedBy: string;
      endReason: 'revoked' | 'expired';
    },
  ): Promise<boolean> {
    const changed = await this.db(TABLE)
      .where({ id })
      .whereNull('ended_at')
      .update({
        ended_at: ending.endedAt,
        ended_by: ending.endedBy,
        end_reason: ending.endReason,
      });
    return changed === 1;
  }
}
