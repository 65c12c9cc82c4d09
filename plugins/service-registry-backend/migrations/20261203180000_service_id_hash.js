/*
 * The migration history is keyed by a hash of the service id instead of the id: the loader keeps
 * an id longer than an entity name (with a `schema/invalid-id` error), and the deprecations page
 * shows such a service's burn-down like any other's, but the 63 characters of the column could
 * not hold its samples (they were left out). The id itself moves to a text column, which MySQL
 * cannot put in a primary key.
 */

const { createHash } = require('node:crypto');

const TABLE = 'service_registry_deprecation_history';
/** The length of `service_id` before: a longer id cannot go back down. */
const PREVIOUS_ID_LENGTH = 63;
const SERVICE_HASH_COMMENT =
  'SHA-256 of the service id (UTF-8, hex): the key, since an id the loader keeps has no length limit';

/**
 * The hash of a service id: SHA-256 of its UTF-8 bytes, in hex (what the store computes too).
 *
 * @param {string} id
 */
function serviceHash(id) {
  return createHash('sha256').update(id, 'utf8').digest('hex');
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(TABLE, table => {
    table.string('service_hash', 64).nullable().comment(SERVICE_HASH_COMMENT);
  });
  for (const { service_id: id } of await knex(TABLE).distinct('service_id')) {
    await knex(TABLE)
      .where('service_id', id)
      .update({ service_hash: serviceHash(id) });
  }
  await knex.schema.alterTable(TABLE, table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable(TABLE, table => {
    table.text('service_id').notNullable().alter();
    // MySQL redefines the whole column: its comment is given again
    table
      .string('service_hash', 64)
      .notNullable()
      .comment(SERVICE_HASH_COMMENT)
      .alter();
  });
  await knex.schema.alterTable(TABLE, table => {
    table.primary(['registry_id', 'service_hash', 'recorded_at']);
  });
};

/**
 * Back to the service id as the key. The burn-downs of ids longer than the column was are
 * forgotten (the previous version left them out).
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const services = await knex(TABLE).distinct('service_hash', 'service_id');
  for (const { service_hash: hash, service_id: id } of services) {
    // the column counted characters (code points), not UTF-16 units
    if (Array.from(id).length > PREVIOUS_ID_LENGTH) {
      await knex(TABLE).where('service_hash', hash).delete();
    }
  }
  await knex.schema.alterTable(TABLE, table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable(TABLE, table => {
    table.string('service_id', PREVIOUS_ID_LENGTH).notNullable().alter();
  });
  await knex.schema.alterTable(TABLE, table => {
    table.dropColumn('service_hash');
  });
  await knex.schema.alterTable(TABLE, table => {
    table.primary(['registry_id', 'service_id', 'recorded_at']);
  });
};
