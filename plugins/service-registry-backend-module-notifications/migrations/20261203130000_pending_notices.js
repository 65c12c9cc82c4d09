/*
 * Breaking-change notices still owed: planned at a registry change, but not delivered then (the
 * notifications backend failed, or the consumer's catalog entity had no owner yet). The baseline
 * moves on at the change, so they are kept here and told at a later run.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('service_registry_notices_pending', table => {
    table.comment(
      'Breaking-change notices planned but not told yet, per registry and consuming service',
    );
    table.string('registry_id', 63).notNullable();
    table.string('notice_key', 255).notNullable();
    table
      .string('consumer_id', 63)
      .notNullable()
      .comment('The consuming service whose owners are still to be told');
    table
      .text('notice')
      .notNullable()
      .comment(
        'JSON: the notice as planned (kind, service, owner, title, description, severity, link)',
      );
    table
      .string('planned_at', 32)
      .notNullable()
      .comment('ISO time it was first planned');
    table.primary(['registry_id', 'notice_key', 'consumer_id']);
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('service_registry_notices_pending');
};
