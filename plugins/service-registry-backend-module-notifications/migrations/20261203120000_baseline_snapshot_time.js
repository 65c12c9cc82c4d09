/*
 * The time of the registry snapshot a baseline was taken from (the ingestion's): a snapshot older
 * than it (another backend instance behind this one) is not compared with it.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable('service_registry_notice_baselines', table => {
    table
      .string('snapshot_at', 32)
      .nullable()
      .comment(
        'ISO time of the registry snapshot (ingestion) the files come from; null before it was kept',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable('service_registry_notice_baselines', table => {
    table.dropColumn('snapshot_at');
  });
};
