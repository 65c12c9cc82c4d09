/*
 * The notices told and still owed are keyed by a hash of their notice key instead of the key: a
 * key holds service ids, and the loader keeps an id longer than an entity name (with a
 * `schema/invalid-id` error), so a key has no length limit. A key longer than the 255 characters
 * of the column could not be recorded, and the consumers of such a deprecated service were never
 * told. The key itself moves to a text column, which MySQL cannot put in a primary key.
 */

const { createHash } = require('node:crypto');

const TABLES = [
  'service_registry_notices_sent',
  'service_registry_notices_pending',
];
/** The length of `notice_key` before: a longer key cannot go back down. */
const PREVIOUS_KEY_LENGTH = 255;
const KEY_HASH_COMMENT =
  'SHA-256 of the notice key (UTF-8, hex): the key, since a notice key has no length limit';
const KEY_COMMENT = 'Identity of the fact told (same facts, same key)';

/**
 * The hash of a notice key: SHA-256 of its UTF-8 bytes, in hex (what the store computes too).
 *
 * @param {string} key
 */
function keyHash(key) {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  for (const table of TABLES) {
    await knex.schema.alterTable(table, t => {
      t.string('key_hash', 64).nullable().comment(KEY_HASH_COMMENT);
    });
    const keys = await knex(table).distinct('notice_key');
    for (const { notice_key: key } of keys) {
      await knex(table)
        .where('notice_key', key)
        .update({ key_hash: keyHash(key) });
    }
    await knex.schema.alterTable(table, t => {
      t.dropPrimary();
    });
    await knex.schema.alterTable(table, t => {
      t.text('notice_key').notNullable().comment(KEY_COMMENT).alter();
      // MySQL redefines the whole column: its comment is given again
      t.string('key_hash', 64).notNullable().comment(KEY_HASH_COMMENT).alter();
    });
    await knex.schema.alterTable(table, t => {
      t.primary(['registry_id', 'key_hash', 'consumer_id']);
    });
  }
};

/**
 * Back to the notice key as the key. The rows of keys longer than the column was are forgotten:
 * the previous version could not record them (it told nothing of them).
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  for (const table of TABLES) {
    const keys = await knex(table).distinct('key_hash', 'notice_key');
    for (const { key_hash: hash, notice_key: key } of keys) {
      // the column counted characters (code points), not UTF-16 units
      if (Array.from(key).length > PREVIOUS_KEY_LENGTH) {
        await knex(table).where('key_hash', hash).delete();
      }
    }
    await knex.schema.alterTable(table, t => {
      t.dropPrimary();
    });
    await knex.schema.alterTable(table, t => {
      t.string('notice_key', PREVIOUS_KEY_LENGTH).notNullable().alter();
    });
    await knex.schema.alterTable(table, t => {
      t.dropColumn('key_hash');
    });
    await knex.schema.alterTable(table, t => {
      t.primary(['registry_id', 'notice_key', 'consumer_id']);
    });
  }
};
