import { FieldChange } from '../diff/types';

/** The longest a value is shown in {@link describeFieldValueChange}, in characters. */
const MAX_VALUE_LENGTH = 60;

/** A value as people read it: text as written, other values as JSON, long ones cut. */
function valueText(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH
    ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…`
    : text;
}

/**
 * A changed field with its values, for people: `sla.critical.availability (99.99% → 99%)`,
 * `security.block_on (["critical"] → [])`, `tier (none → high)`; a value longer than 60
 * characters is cut with `…`. Values are those of the diff: secret-looking ones already read
 * `(hidden)`.
 *
 * @param change - a change of `diff.policyChanges`, of a `diff.projectChanges` entry, or of a
 *   `diff.changed` entry
 * @param format - how the path and the values are written (default: as they are; the markdown
 *   report uses inline code)
 * @public
 */
export function describeFieldValueChange(
  change: FieldChange,
  format: (text: string) => string = text => text,
): string {
  const side = (value: unknown) =>
    value === undefined ? 'none' : format(valueText(value));
  return `${format(change.path)} (${side(change.before)} → ${side(
    change.after,
  )})`;
}
