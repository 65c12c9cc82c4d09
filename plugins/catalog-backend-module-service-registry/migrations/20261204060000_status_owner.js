/*
 * The owner of the provider's status Resource as the last applied run emitted it: an entity
 * transformer may rename the default owner's Group, and a run that applies nothing (or another
 * backend's, which has applied none) shows its state on the status Resource with that owner,
 * not with the Group's name before the transformer.
 */

const STATUS = 'service_registry_provider_status';

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(STATUS, table => {
    table
      .text('status_owner')
      .nullable()
      .comment(
        'Owner ref of the status Resource as the last applied run emitted it (after the entity transformers); null before any run recorded one',
      );
  });
};

/**
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  await knex.schema.alterTable(STATUS, table => {
    table.dropColumn('status_owner');
  });
};
