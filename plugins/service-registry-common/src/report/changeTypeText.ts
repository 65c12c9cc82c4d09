import {
  ChangeClassification,
  ChangeType,
  ChangeTypeReason,
} from '../diff/changeType';
import { describeChangeSubject } from './changeSubject';

const LABELS: Record<ChangeType, string> = {
  none: 'no change',
  documentation: 'documentation',
  bugfix: 'bugfix',
  configuration: 'configuration',
  feature: 'feature',
  deprecation: 'deprecation',
  breaking: 'breaking change',
};

/** One reason in words: `auth deprecated`, `auth metadata.replicas`, `2 breaking changes`. */
function describeReason(
  reason: ChangeTypeReason,
  format: (id: string) => string,
): string {
  return [
    reason.subject && describeChangeSubject(reason.subject, format),
    reason.what,
    reason.field !== undefined ? format(reason.field) : undefined,
  ]
    .filter(part => part !== undefined)
    .join(' ');
}

/**
 * A change's type and risk in words, with what decided them (the first five), such as
 * "breaking change, high risk (2 breaking changes)" or "documentation, no risk (auth
 * description)".
 *
 * @param classification - what `classifyChange` says of the change
 * @param format - how ids and field paths are written (default: as they are; the markdown report
 *   uses inline code)
 * @public
 */
export function describeChangeType(
  classification: ChangeClassification,
  format: (id: string) => string = id => id,
): string {
  const { type, risk } = classification;
  const reasons = classification.reasons.map(r => describeReason(r, format));
  const shown = reasons.slice(0, 5);
  const more =
    reasons.length > shown.length
      ? ` and ${reasons.length - shown.length} more`
      : '';
  const why = shown.length ? ` (${shown.join(', ')}${more})` : '';
  return `${LABELS[type]}, ${risk === 'none' ? 'no' : risk} risk${why}`;
}
