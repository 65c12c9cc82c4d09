/*
 * On MySQL, the JSON texts of any size are kept in LONGTEXT columns: a TEXT column there holds
 * 64 KiB, and a notice still owed (its description names every consumer told) or the kept
 * declarations of a registry with many duplicated ids can exceed it, which made the notifier's
 * run fail. PostgreSQL's and SQLite's text has no such limit: nothing changes there.
 */

const PENDING = 'service_registry_notices_pending';
const BASELINES = 'service_registry_notice_baselines';
const NOTICE_COMMENT =
  'JSON: the notice as planned (kind, service, owner, title, description, severity, link)';
const KEPT_DECLARATIONS_COMMENT =
  'JSON object: service id to the file whose declaration the registry kept, for ids two projects declare';

/**
 * Sets the long texts to the given MySQL type (`longtext` up, `text` down).
 *
 * @param {import('knex').Knex} knex
 * @param {'longtext' | 'text'} type
 */
async function setTextType(knex, type) {
  // MySQL redefines each column as a whole: nullability and comment are given again
  await knex.schema.alterTable(PENDING, table => {
    table.text('notice', type).notNullable().comment(NOTICE_COMMENT).alter();
  });
  await knex.schema.alterTable(BASELINES, table => {
    table
      .text('kept_declarations', type)
      .nullable()
      .comment(KEPT_DECLARATIONS_COMMENT)
      .alter();
  });
}

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  if (knex.client.dialect !== 'mysql') return;
  await setTextType(knex, 'longtext');
};

/**
 * Back to TEXT on MySQL: fails there while a row holds more than 64 KiB, which the previous
 * version cannot keep.
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.dialect !== 'mysql') return;
  await setTextType(knex, 'text');
};
