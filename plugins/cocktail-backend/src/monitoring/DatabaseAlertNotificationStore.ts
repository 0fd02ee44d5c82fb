import {
  DatabaseService,
  resolvePackagePath,
} from '@backstage/backend-plugin-api';
import { Knex } from 'knex';

const migrationsDir = resolvePackagePath(
  '@cocktailcloud/plugin-cocktail-backend',
  'migrations',
);

const TABLE = 'cocktail_alert_notifications';

/** An alert's last notified state. */
export interface NotifiedAlert {
  fingerprint: string;
  status: 'firing' | 'resolved';
  entityRef: string;
  startsAt: string;
}

/**
 * What people were last told about each alert. `record` answers whether this state is news:
 * the same fingerprint, status and start (Alertmanager's repeat) is not, so every replica of
 * the backend notifies once.
 */
export class DatabaseAlertNotificationStore {
  static async create(options: {
    database: DatabaseService;
  }): Promise<DatabaseAlertNotificationStore> {
    const client = await options.database.getClient();
    if (!options.database.migrations?.skip) {
      await client.migrate.latest({ directory: migrationsDir });
    }
    return new DatabaseAlertNotificationStore(client);
  }

  private constructor(private readonly db: Knex) {}

  /** Stores the alert's state; true when it differs from what was last stored (or is new). */
  async record(alert: NotifiedAlert): Promise<boolean> {
    const row = {
      fingerprint: alert.fingerprint,
      status: alert.status,
      entity_ref: alert.entityRef,
      starts_at: new Date(alert.startsAt),
      updated_at: new Date(),
    };
    return this.db.transaction(async tx => {
      const existing = await tx(TABLE)
        .where({ fingerprint: alert.fingerprint })
        .first();
      if (
        existing &&
        existing.status === alert.status &&
        new Date(existing.starts_at).getTime() === row.starts_at.getTime()
      ) {
        return false;
      }
      await tx(TABLE)
        .insert(row)
        .onConflict('fingerprint')
        .merge(['status', 'entity_ref', 'starts_at', 'updated_at']);
      return true;
    });
  }
}
