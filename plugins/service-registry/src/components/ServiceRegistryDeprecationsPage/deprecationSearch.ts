import { DeprecationRecord } from '../../api/types';
import { DEPRECATION_STATUS_LABELS } from '../DeprecationTimeline/deprecationFormat';
import { serviceProjectLabel } from '../../lib/serviceProjectLabel';

/**
 * The words of a search box's text, lowercased: what {@link matchesDeprecationSearch} looks for.
 *
 * @param text - the text as typed
 */
export function searchTerms(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/**
 * What the deprecations page's search finds a record by: the texts its row shows (service id and
 * name, owner, project, status, dates, replacement).
 */
function searchedText(record: DeprecationRecord): string {
  return [
    record.service,
    record.name,
    record.owner ?? '',
    serviceProjectLabel(record.project),
    DEPRECATION_STATUS_LABELS[record.status],
    record.lifecycle,
    record.deprecationDate ?? '',
    record.sunsetDate ?? '',
    record.replacement?.id ?? '',
  ]
    .join('\n')
    .toLowerCase();
}

/**
 * Whether a deprecation record has every word of the search (case-insensitive, each anywhere in
 * the texts its row shows: `search team` finds the owner `search-team`). No word: every record.
 *
 * @param record - the record
 * @param terms - the search's words (see {@link searchTerms})
 */
export function matchesDeprecationSearch(
  record: DeprecationRecord,
  terms: readonly string[],
): boolean {
  if (terms.length === 0) return true;
  const text = searchedText(record);
  return terms.every(term => text.includes(term));
}
