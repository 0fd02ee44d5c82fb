// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cocktail_audit_log', table => {
    // On an outcome row, its `requested` row. Pages look up whether an intent
    // has an outcome, hence the index.
    table.bigInteger('intent_id').nullable();
    // Fingerprint of the chain key the row's hash was made with; null for a
    // plain SHA-256 row.
    table.string('key_id', 16).nullable();
    table.index(['intent_id'], 'cocktail_audit_log_intent_idx');
  });

  // The chain's head as it was at moments, so that removing the newest rows
  // or recomputing the whole chain shows. Each is MAC'd and chained to the
  // one before, and also sent to the auditor service and the log.
  await knex.schema.createTable('cocktail_audit_checkpoints', table => {
    table.bigIncrements('id');
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.bigInteger('row_count').notNullable();
    table.bigInteger('head_row_id').notNullable();
    table.string('head_hash', 64).notNullable();
    table.string('key_id', 16).nullable();
    table.string('previous_hash', 64).notNullable();
    table.string('hash', 64).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cocktail_audit_checkpoints');
  await knex.schema.alterTable('cocktail_audit_log', table => {
    table.dropIndex(['intent_id'], 'cocktail_audit_log_intent_idx');
    table.dropColumn('intent_id');
    table.dropColumn('key_id');
  });
};
