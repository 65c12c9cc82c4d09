import { RegistryFinding, SourcePosition } from '../model/types';
import { shownId } from '../validation/secrets/shownId';
import { serviceEntityRefOf, serviceIdOfEntityRef } from './serviceEntityQuery';

/**
 * The code of the catalog provider's finding of a service it holds back (see
 * {@link heldBackServiceFinding}).
 *
 * @public
 */
export const HELD_BACK_SERVICE_CODE = 'catalog/held-back-service';

/** The words around the reason in the finding's message, which {@link heldBackServiceReason} reads. */
const BEFORE_WHY = 'in a file the catalog cannot take as written (';
const AFTER_WHY = '), and no longer where it was: ';

/**
 * The warning of a service the catalog provider holds back (moved into a file that is not taken as
 * written, or into a misspelt table, so the catalog keeps its Component as last ingested): at its
 * new declaration, naming the service, so that the backend plugin, whose registry is the one the
 * run took (without the service), can say why the catalog still has it. An id that holds a
 * credential (one an earlier version emitted) reads `(hidden)`.
 *
 * @param ref - the held-back Component's ref
 * @param where - where the file not taken declares it now
 * @param why - why that file is not taken, as the run's summary says it (`it does not parse at …`)
 * @public
 */
export function heldBackServiceFinding(
  ref: string,
  where: SourcePosition,
  why: string,
): RegistryFinding {
  const id = serviceIdOfEntityRef(ref) ?? ref;
  const service = shownId(id);
  return {
    severity: 'warning',
    code: HELD_BACK_SERVICE_CODE,
    message: `Service "${service}" is declared here, ${BEFORE_WHY}${why}${AFTER_WHY}the catalog keeps ${serviceEntityRefOf(
      service,
    )} as last ingested, and the registry's pages lack the service until the file is fixed.`,
    file: where.file,
    line: where.line,
    column: where.column,
    service,
  };
}

/**
 * Why the file of a held-back service is not taken, as its {@link heldBackServiceFinding} says;
 * undefined for another finding.
 *
 * @param finding - a finding of the catalog provider
 * @public
 */
export function heldBackServiceReason(
  finding: RegistryFinding,
): string | undefined {
  if (finding.code !== HELD_BACK_SERVICE_CODE) return undefined;
  const start = finding.message.indexOf(BEFORE_WHY);
  const end = finding.message.lastIndexOf(AFTER_WHY);
  if (start < 0 || end < start + BEFORE_WHY.length) return undefined;
  return finding.message.slice(start + BEFORE_WHY.length, end);
}
