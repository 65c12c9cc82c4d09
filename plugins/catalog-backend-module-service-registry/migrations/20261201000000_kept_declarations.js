/*
 * Which declaration of each duplicated service id the last applied run kept (service id to file
 * path, as a JSON object), with the run's status instead of among the registry's files: the
 * previous version kept it in a pseudo-file row, whose record moves here.
 */

const STATUS = 'service_registry_provider_status';
const FILES = 'service_registry_provider_files';
/** Where the previous version kept the record, among the last good files. */
const PREVIOUS_PATH = '.service-registry/kept-declarations.json';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(STATUS, table => {
    table
      .text('kept_declarations')
      .nullable()
      .comment(
        'Declaration kept for each duplicated service id by the last applied run (JSON: service id to file path)',
      );
  });
  const records = await knex(FILES)
    .where('path', PREVIOUS_PATH)
    .select('provider_id', 'content');
  for (const record of records) {
    await knex(STATUS)
      .where('provider_id', record.provider_id)
      .update({ kept_declarations: record.content });
  }
  await knex(FILES).where('path', PREVIOUS_PATH).delete();
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const records = await knex(STATUS)
    .whereNotNull('kept_declarations')
    .select('provider_id', 'kept_declarations');
  for (const record of records) {
    await knex(FILES).insert({
      provider_id: record.provider_id,
      path: PREVIOUS_PATH,
      content: record.kept_declarations,
    });
  }
  await knex.schema.alterTable(STATUS, table => {
    table.dropColumn('kept_declarations');
  });
};
