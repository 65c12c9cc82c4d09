/*
 * State of the service-registry entity provider, in the catalog's database: the last good content
 * of every registry file (a file that later fails to parse is replaced by it), the hash of every
 * entity last emitted (for delta mutations and the removal guard), and the outcome of the last run.
 */

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('service_registry_provider_files', table => {
    table.comment('Last good content of each registry file, per provider');
    table.string('provider_id', 63).notNullable();
    table.string('path', 512).notNullable();
    table.text('content').notNullable();
    table.primary(['provider_id', 'path']);
  });
  await knex.schema.createTable('service_registry_provider_entities', table => {
    table.comment(
      'Entities last emitted by each provider, with their content hash',
    );
    table.string('provider_id', 63).notNullable();
    table.string('entity_ref', 255).notNullable();
    table.string('hash', 64).notNullable();
    table.primary(['provider_id', 'entity_ref']);
  });
  await knex.schema.createTable('service_registry_provider_status', table => {
    table.comment('Outcome of the last refresh of each provider');
    table.string('provider_id', 63).primary();
    table.string('state', 16).notNullable();
    table.text('summary').notNullable();
    table.text('findings').notNullable();
    table.string('source_hash', 64).nullable();
    table.string('updated_at', 32).notNullable();
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.dropTable('service_registry_provider_status');
  await knex.schema.dropTable('service_registry_provider_entities');
  await knex.schema.dropTable('service_registry_provider_files');
};
