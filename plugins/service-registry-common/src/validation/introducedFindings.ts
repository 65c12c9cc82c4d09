import { RegistryFinding } from '../model/types';
import { findingIdentity } from './findingIdentity';

/**
 * The findings a change brings: those of head that base does not have, each as often as head has
 * it more than base. A finding is the same in base and head when its severity, code, file,
 * service, project and message are, whatever its line and whatever lines its message quotes (see
 * {@link messageWithoutPositions}), so that a finding an edit only moves is not brought. A change
 * that writes a problem the registry already had a second time brings that second one.
 * Swapping the arguments gives the findings a change fixes.
 *
 * @param base - the findings of the registry before the change
 * @param head - the findings after it, validated the same way
 * @returns head's findings base did not have, in head's order
 * @public
 */
export function introducedFindings(
  base: readonly RegistryFinding[],
  head: readonly RegistryFinding[],
): RegistryFinding[] {
  const left = new Map<string, number>();
  for (const finding of base) {
    const key = findingIdentity(finding);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  return head.filter(finding => {
    const key = findingIdentity(finding);
    const count = left.get(key) ?? 0;
    if (count === 0) return true;
    left.set(key, count - 1);
    return false;
  });
}
