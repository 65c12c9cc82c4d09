/*
 * On MySQL, the texts a registry of any size gives are kept in LONGTEXT columns: a TEXT column
 * there holds 64 KiB, and a registry file (up to `maxFileBytes`, 16 MiB by default) or the
 * findings of a large registry easily exceed it, which made every commit or status of the
 * registry fail. PostgreSQL's and SQLite's text has no such limit: nothing changes there.
 */

const FILES = 'service_registry_provider_files';
const STATUS = 'service_registry_provider_status';
const KEPT_DECLARATIONS_COMMENT =
  'Declaration kept for each duplicated service id by the last applied run (JSON: service id to file path)';

/**
 * Sets the long texts to the given MySQL type (`longtext` up, `text` down).
 *
 * @param {import('knex').Knex} knex
 * @param {'longtext' | 'text'} type
 */
async function setTextType(knex, type) {
  // MySQL redefines each column as a whole: nullability and comment are given again
  await knex.schema.alterTable(FILES, table => {
    table.text('content', type).notNullable().alter();
  });
  await knex.schema.alterTable(STATUS, table => {
    table.text('summary', type).notNullable().alter();
    table.text('findings', type).notNullable().alter();
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
 * version cannot keep (clear the provider's rows first; it writes them again at its next run).
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  if (knex.client.dialect !== 'mysql') return;
  await setTextType(knex, 'text');
};
