import {
  PendingChange,
  PendingChangeOfService,
} from './pendingChangesResponse';

/**
 * The pending changes that concern a service, in their order: those that add, change or remove
 * it, those with breaking changes of it, and those that break a service it depends on directly
 * (it is among their consumers).
 *
 * @param changes - the pending changes (`PendingChangesResponse.changes`)
 * @param service - the service id
 * @public
 */
export function pendingChangesOfService(
  changes: readonly PendingChange[],
  service: string,
): PendingChangeOfService[] {
  const found: PendingChangeOfService[] = [];
  for (const change of changes) {
    let own: PendingChangeOfService['own'];
    if (change.added.includes(service)) own = 'added';
    else if (change.removed.includes(service)) own = 'removed';
    else if (change.changed.includes(service)) own = 'changed';
    const breaks = [
      ...new Set(
        change.breakingChanges
          .filter(b => b.service === service)
          .map(b => b.kind),
      ),
    ];
    const breaksDependencies = [
      ...new Set(
        change.breakingChanges
          .filter(b => b.service !== service && b.consumers.includes(service))
          .map(b => b.service),
      ),
    ].sort();
    if (own || breaks.length > 0 || breaksDependencies.length > 0) {
      found.push({
        change,
        ...(own ? { own } : {}),
        breaks,
        breaksDependencies,
      });
    }
  }
  return found;
}
