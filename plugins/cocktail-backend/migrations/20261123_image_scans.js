// @ts-check

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('cocktail_image_scans', table => {
    table.bigIncrements('id');
    // The digest, or the normalised reference when the scan names no digest.
    table.string('image_key', 512).notNullable();
    // The normalised reference (registry/repository[:tag]), for the fallback lookup.
    table.string('reference', 512).notNullable();
    table.string('registry', 255).notNullable();
    table.string('repository', 255).notNullable();
    table.string('tag', 255).nullable();
    table.string('digest', 128).nullable();
    table.string('format', 32).notNullable();
    table.string('scanner_name', 64).notNullable();
    table.string('scanner_version', 64).nullable();
    table.timestamp('scanned_at', { useTz: true, precision: 3 }).notNullable();
    table.string('source', 16).notNullable();
    table.text('counts').notNullable();
    table.text('fixable').notNullable();
    table.bigInteger('previous_scan_id').nullable();
    table.integer('new_findings').nullable();
    table.integer('fixed_findings').nullable();
    table
      .timestamp('previous_scanned_at', { useTz: true, precision: 3 })
      .nullable();
    table.timestamp('created_at', { useTz: true, precision: 3 }).notNullable();

    // The latest scan of an image is the first row of a short index range, by digest or by
    // reference: what a server's image lookup and the deploy gate ask.
    table.index(
      ['image_key', 'scanned_at', 'id'],
      'cocktail_image_scans_key_idx',
    );
    table.index(
      ['reference', 'scanned_at', 'id'],
      'cocktail_image_scans_reference_idx',
    );
  });

  await knex.schema.createTable('cocktail_image_scan_findings', table => {
    table
      .bigInteger('scan_id')
      .notNullable()
      .references('id')
      .inTable('cocktail_image_scans')
      .onDelete('CASCADE');
    table.string('vulnerability_id', 255).notNullable();
    table.string('package', 512).notNullable();
    table.string('installed', 255).nullable();
    table.string('fixed', 512).nullable();
    table.string('severity', 16).notNullable();
    // 0 for CRITICAL … 4 for UNKNOWN: "at or above" is a range on it.
    table.smallint('severity_rank').notNullable();
    table.float('cvss_score').nullable();
    table.string('cvss_vector', 255).nullable();
    table.text('title').nullable();
    table.text('url').nullable();

    table.index(
      ['scan_id', 'severity_rank'],
      'cocktail_image_scan_findings_scan_idx',
    );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('cocktail_image_scan_findings');
  await knex.schema.dropTable('cocktail_image_scans');
};
