/*
 * Consumer notifications: what the owners of consuming services were told (so that each fact is
 * told once, whichever backend instance tells it), and the registry files they were last told
 * about (so that breaking changes are found against them after a restart too).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('service_registry_notices_sent', table => {
    table.comment(
      'Each notice told to the owners of each consuming service, per registry',
    );
    table.string('registry_id', 63).notNullable();
    table
      .string('notice_key', 255)
      .notNullable()
      .comment('Identity of the fact told (same facts, same key)');
    table
      .string('consumer_id', 63)
      .notNullable()
      .comment('The consuming service whose owners were told');
    table
      .string('notified_at', 32)
      .notNullable()
      .comment('ISO time it was told (or recorded as known, on a first run)');
    table.primary(['registry_id', 'notice_key', 'consumer_id']);
  });
  await knex.schema.createTable('service_registry_notice_baselines', table => {
    table.comment(
      'The registry files consumers were last told about, per registry',
    );
    table.string('registry_id', 63).notNullable().primary();
    table
      .string('fingerprint', 64)
      .notNullable()
      .comment('SHA-256 of the files, paths and texts');
    table
      .text('files', 'longtext')
      .notNullable()
      .comment('JSON array of { path, text }');
    table.string('updated_at', 32).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('service_registry_notice_baselines');
  await knex.schema.dropTable('service_registry_notices_sent');
};
