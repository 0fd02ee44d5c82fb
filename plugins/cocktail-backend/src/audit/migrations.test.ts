import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { TestDatabases } from '@backstage/backend-test-utils';

const migrationsDir = resolvePackagePath(
  '@cocktailcloud/plugin-cocktail-backend',
  'migrations',
);

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('audit migrations (%s)', id => {
  it('creates the audit log and anchor tables with one anchor row', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory: migrationsDir });

    expect(await knex.schema.hasTable('cocktail_audit_log')).toBe(true);
    expect(await knex('cocktail_audit_anchor').select()).toEqual([
      {
        id: 1,
        last_removed_id: null,
        last_removed_hash: null,
        updated_at: null,
      },
    ]);
  });

  it('drops both tables when rolled back', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory: migrationsDir });
    await knex.migrate.rollback({ directory: migrationsDir }, true);

    expect(await knex.schema.hasTable('cocktail_audit_log')).toBe(false);
    expect(await knex.schema.hasTable('cocktail_audit_anchor')).toBe(false);
  });

  it('can be applied again after a rollback', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory: migrationsDir });
    await knex.migrate.rollback({ directory: migrationsDir }, true);
    await knex.migrate.latest({ directory: migrationsDir });

    expect(await knex.schema.hasTable('cocktail_audit_log')).toBe(true);
  });
});
