import { redactSecrets } from './detectSecret';

/**
 * An id (of a service, a project) as findings and reports may show it: `(hidden)` when it holds a
 * credential of a well-known form (someone pasted a token as a service id; see `redactSecrets`).
 * Hidden whole, not in part like free text: the rest of such an id names nothing.
 *
 * @param id - the id as declared
 */
export function shownId(id: string): string {
  return redactSecrets(id) === id ? id : '(hidden)';
}
