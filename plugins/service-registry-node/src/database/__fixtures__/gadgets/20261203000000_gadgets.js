/* Another package's migrations, for the tests of migrateUnderLock. */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('migrate_under_lock_gadgets', table => {
    table.string('name', 63).primary();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('migrate_under_lock_gadgets');
};
