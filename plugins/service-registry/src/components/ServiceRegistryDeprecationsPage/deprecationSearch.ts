import { DeprecationRecord } from '../../api/types';
import { DEPRECATION_STATUS_LABELS } from '../DeprecationTimeline/deprecationFormat';
import { serviceProjectLabel } from '../../lib/serviceProjectLabel';
import { hasEveryTerm } from '../searchTerms';

/**
 * Whether a deprecation record has every word of the search in the texts its row shows: service
 * id and name, owner, project, status, dates, replacement and the live service to migrate to
 * (see `hasEveryTerm`).
 *
 * @param record - the record
 * @param terms - the search's words (see `searchTerms`)
 */
export function matchesDeprecationSearch(
  record: DeprecationRecord,
  terms: readonly string[],
): boolean {
  return hasEveryTerm(
    [
      record.service,
      record.name,
      record.owner,
      serviceProjectLabel(record.project),
      DEPRECATION_STATUS_LABELS[record.status],
      record.lifecycle,
      record.deprecationDate,
      record.sunsetDate,
      record.replacement?.id,
      record.replacement?.migrateTo,
    ],
    terms,
  );
}
