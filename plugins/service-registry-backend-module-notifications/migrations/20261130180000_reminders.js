/*
 * Reminders: when the consumers of a deprecated service were last reminded by hand, and by whom
 * (at most one reminder per service and day).
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('service_registry_reminders', table => {
    table.comment(
      'Reminders sent by hand to the consumers of a deprecated service, per registry',
    );
    table.string('registry_id', 63).notNullable();
    table.string('service_id', 63).notNullable();
    table.string('day', 10).notNullable().comment('YYYY-MM-DD (UTC)');
    table.string('sent_at', 32).notNullable().comment('ISO time');
    table
      .string('sent_by', 255)
      .notNullable()
      .comment('Entity ref of the user who sent it');
    table.primary(['registry_id', 'service_id', 'day']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('service_registry_reminders');
};
