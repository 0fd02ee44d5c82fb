// @ts-check

/**
 * Cluster-wide read grants beside namespace grants: `scope` says which. A cluster grant's
 * `service_map_ref` holds the cluster's Resource and its `service_ref` is empty.
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('cocktail_access_grants', table => {
    table.string('scope', 16).notNullable().defaultTo('namespace');
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('cocktail_access_grants', table => {
    table.dropColumn('scope');
  });
};
