/*
 * The last good files are keyed by a hash of their path instead of the path: a registry file's
 * path has no length limit (any depth of folders, each name up to the file system's), and a path
 * longer than the 512 characters of the column made PostgreSQL and MySQL refuse every commit of
 * the registry. The path itself moves to a text column, which MySQL cannot put in a primary key.
 */

const { createHash } = require('node:crypto');

const FILES = 'service_registry_provider_files';
/** The length of `path` before: a path longer than that cannot go back down. */
const PREVIOUS_PATH_LENGTH = 512;
const PATH_HASH_COMMENT =
  'SHA-256 of the path (UTF-8, hex): the key, since a path has no length limit';

/**
 * The key of a path: SHA-256 of its UTF-8 bytes, in hex (what the store computes too).
 *
 * @param {string} path
 */
function pathHash(path) {
  return createHash('sha256').update(path, 'utf8').digest('hex');
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(FILES, table => {
    table.string('path_hash', 64).nullable().comment(PATH_HASH_COMMENT);
  });
  // one update per file: a registry holds hundreds, a few thousand at most
  for (const row of await knex(FILES).select('provider_id', 'path')) {
    await knex(FILES)
      .where({ provider_id: row.provider_id, path: row.path })
      .update({ path_hash: pathHash(row.path) });
  }
  await knex.schema.alterTable(FILES, table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable(FILES, table => {
    table
      .text('path')
      .notNullable()
      .comment('Path of the file, relative to the registry root')
      .alter();
    // MySQL redefines the whole column: its comment is given again
    table
      .string('path_hash', 64)
      .notNullable()
      .comment(PATH_HASH_COMMENT)
      .alter();
  });
  await knex.schema.alterTable(FILES, table => {
    table.primary(['provider_id', 'path_hash']);
  });
};

/**
 * Back to the path as the key. The files whose path is longer than the column was are forgotten
 * (the previous version could not keep them): each is read afresh at the next run, without a last
 * good version to fall back on until it parses once.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const rows = await knex(FILES).select('provider_id', 'path_hash', 'path');
  // the column counted characters (code points), not UTF-16 units
  const tooLong = rows.filter(
    row => Array.from(row.path).length > PREVIOUS_PATH_LENGTH,
  );
  for (const row of tooLong) {
    await knex(FILES)
      .where({ provider_id: row.provider_id, path_hash: row.path_hash })
      .delete();
  }
  await knex.schema.alterTable(FILES, table => {
    table.dropPrimary();
  });
  await knex.schema.alterTable(FILES, table => {
    table.string('path', PREVIOUS_PATH_LENGTH).notNullable().alter();
  });
  await knex.schema.alterTable(FILES, table => {
    table.dropColumn('path_hash');
  });
  await knex.schema.alterTable(FILES, table => {
    table.primary(['provider_id', 'path']);
  });
};
