// @ts-check

/**
 * What the Alertmanager webhook receiver last told people about each alert (by fingerprint), so
 * that Alertmanager's repeats notify nobody again and a resolution updates what was sent.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cocktail_alert_notifications', table => {
    table.string('fingerprint', 64).primary();
    table.string('status', 16).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.timestamp('starts_at', { useTz: true }).notNullable();
    table.timestamp('updated_at', { useTz: true }).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cocktail_alert_notifications');
};
