/*
 * Migration progress of deprecated services: the number of services that still depend on each
 * deprecated (or retired) service, sampled at registry ingestions. A row is stored when the
 * count changed since the last row of that service, or when the last row is more than a day old,
 * so the table grows with changes and days, not with ingestions.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable(
    'service_registry_deprecation_history',
    table => {
      table.comment(
        'Consumers left of each deprecated service over time, per registry (burn-down)',
      );
      table.string('registry_id', 63).notNullable();
      table.string('service_id', 63).notNullable();
      table
        .string('recorded_at', 32)
        .notNullable()
        .comment('ISO time of the ingestion the count comes from');
      table
        .integer('consumers')
        .notNullable()
        .comment('Services that require it');
      table
        .integer('optional_consumers')
        .notNullable()
        .comment('Services that only use it optionally');
      table
        .string('status', 16)
        .notNullable()
        .comment('on-track, at-risk, overdue, no-sunset or done');
      table.primary(['registry_id', 'service_id', 'recorded_at']);
    },
  );
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('service_registry_deprecation_history');
};
