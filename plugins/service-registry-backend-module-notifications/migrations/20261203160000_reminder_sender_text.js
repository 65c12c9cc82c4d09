/*
 * Who sent a reminder is kept in a text column: it is the user's entity ref as the sign-in
 * resolver issued it, which Backstage only checks to parse (no length limit), and a ref longer
 * than the 255 characters of the column made every reminder of that user fail on PostgreSQL and
 * MySQL.
 */

const REMINDERS = 'service_registry_reminders';
const SENT_BY_COMMENT = 'Entity ref of the user who sent it';
/** The length of `sent_by` before. */
const PREVIOUS_LENGTH = 255;

/**
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.alterTable(REMINDERS, table => {
    table.text('sent_by').notNullable().comment(SENT_BY_COMMENT).alter();
  });
};

/**
 * Back to 255 characters: a longer ref is cut there (the reminder of that day stays recorded, so
 * that no second one is sent that day).
 *
 * @param {import('knex').Knex} knex
 */
exports.down = async function down(knex) {
  const rows = await knex(REMINDERS).select(
    'registry_id',
    'service_id',
    'day',
    'sent_by',
  );
  for (const row of rows) {
    // the column counted characters (code points), not UTF-16 units
    const characters = Array.from(row.sent_by);
    if (characters.length > PREVIOUS_LENGTH) {
      await knex(REMINDERS)
        .where({
          registry_id: row.registry_id,
          service_id: row.service_id,
          day: row.day,
        })
        .update({ sent_by: characters.slice(0, PREVIOUS_LENGTH).join('') });
    }
  }
  await knex.schema.alterTable(REMINDERS, table => {
    table
      .string('sent_by', PREVIOUS_LENGTH)
      .notNullable()
      .comment(SENT_BY_COMMENT)
      .alter();
  });
};
