// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cocktail_audit_log', table => {
    table.bigIncrements('id');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.string('actor', 255).notNullable();
    table.string('action', 255).notNullable();
    table.string('entity_ref', 255).nullable();
    table.string('cluster', 255).nullable();
    table.string('namespace', 255).nullable();
    table.string('outcome', 16).notNullable();
    table.text('error').nullable();
    table.text('details').nullable();
    table.string('previous_hash', 64).notNullable();
    table.string('hash', 64).notNullable();

    // Pages are read newest first, keyset-paginated on (created_at, id); each
    // filter gets an index that ends in those columns so a page is a short
    // index range scan.
    table.index(['created_at', 'id'], 'cocktail_audit_log_created_idx');
    table.index(
      ['entity_ref', 'created_at', 'id'],
      'cocktail_audit_log_entity_ref_idx',
    );
    table.index(['actor', 'created_at', 'id'], 'cocktail_audit_log_actor_idx');
    table.index(
      ['action', 'created_at', 'id'],
      'cocktail_audit_log_action_idx',
    );
    table.index(
      ['outcome', 'created_at', 'id'],
      'cocktail_audit_log_outcome_idx',
    );
  });

  // Exactly one row: where the chain continues from after retention removed
  // its oldest rows. Null hash means nothing was removed yet.
  await knex.schema.createTable('cocktail_audit_anchor', table => {
    table.integer('id').primary();
    table.bigInteger('last_removed_id').nullable();
    table.string('last_removed_hash', 64).nullable();
    table.timestamp('updated_at', { useTz: true, precision: 3 }).nullable();
  });
  await knex('cocktail_audit_anchor').insert({ id: 1 });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cocktail_audit_anchor');
  await knex.schema.dropTable('cocktail_audit_log');
};
