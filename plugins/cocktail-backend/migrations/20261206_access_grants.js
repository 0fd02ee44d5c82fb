// @ts-check

/**
 * Time-limited cluster access: one row per grant. The token is never stored, only the first 16
 * hex digits of its SHA-256, so a grant's token can be recognised but not recovered.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cocktail_access_grants', table => {
    table.string('id', 36).primary();
    table.string('service_map_ref', 255).notNullable();
    table.string('service_ref', 255).notNullable();
    table.string('cluster', 255).notNullable();
    table.string('namespace', 63).notNullable();
    table.string('user_ref', 255).notNullable();
    table.string('role', 16).notNullable();
    table.string('reason', 500).notNullable();
    table.string('service_account', 253).notNullable();
    table.string('token_fingerprint', 16).notNullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('expires_at', { useTz: true, precision: 3 }).notNullable();
    table.timestamp('ended_at', { useTz: true, precision: 3 }).nullable();
    table.string('ended_by', 255).nullable();
    table.string('end_reason', 16).nullable();
    // The active grants of a ServiceMap, and the sweep's expired ones.
    table.index(
      ['service_map_ref', 'ended_at'],
      'cocktail_access_grants_map_idx',
    );
    table.index(['ended_at', 'expires_at'], 'cocktail_access_grants_sweep_idx');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cocktail_access_grants');
};
