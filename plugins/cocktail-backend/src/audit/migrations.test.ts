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

  it('adds the intent and key columns and the checkpoints table', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory: migrationsDir });

    expect(await knex.schema.hasColumn('cocktail_audit_log', 'intent_id')).toBe(
      true,
    );
    expect(await knex.schema.hasColumn('cocktail_audit_log', 'key_id')).toBe(
      true,
    );
    expect(await knex.schema.hasTable('cocktail_audit_checkpoints')).toBe(true);
  });

  it('removes them again when the last migration is rolled back, keeping the rows', async () => {
    const knex = await databases.init(id);
    await knex.migrate.latest({ directory: migrationsDir });
    await knex('cocktail_audit_log').insert({
      created_at: new Date(),
      actor: 'user:default/alice',
      action: 'server.scale',
      outcome: 'succeeded',
      intent_id: null,
      key_id: null,
      previous_hash: '0'.repeat(64),
      hash: '1'.repeat(64),
    });

    await knex.migrate.down({
      directory: migrationsDir,
      name: '20261124_audit_intents_and_checkpoints.js',
    });

    expect(await knex.schema.hasColumn('cocktail_audit_log', 'intent_id')).toBe(
      false,
    );
    expect(await knex.schema.hasColumn('cocktail_audit_log', 'key_id')).toBe(
      false,
    );
    expect(await knex.schema.hasTable('cocktail_audit_checkpoints')).toBe(
      false,
    );
    const [{ n }] = await knex('cocktail_audit_log').count({ n: '*' });
    expect(Number(n)).toBe(1);
  });
});
