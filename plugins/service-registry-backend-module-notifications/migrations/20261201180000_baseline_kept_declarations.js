/*
 * The declarations a baseline's registry kept of the service ids two projects declare: the
 * baseline is loaded again with them, so that its duplicated ids read as they did then.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('service_registry_notice_baselines', table => {
    table
      .text('kept_declarations')
      .nullable()
      .comment(
        'JSON object: service id to the file whose declaration the registry kept, for ids two projects declare',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('service_registry_notice_baselines', table => {
    table.dropColumn('kept_declarations');
  });
};
