import { diffRegistries } from '../diff/diffRegistries';
import { LoadedRegistry } from '../model/types';
import { validateRegistry } from '../validation/validateRegistry';
import { PendingChangeSummary } from './pendingChangesResponse';

/**
 * What a pending change does to the registry (see {@link PendingChangeSummary}): the diff from
 * the registry it starts from to its own (ids that look like credentials are hidden, as the diff
 * hides them) and how its registry validates on `today`.
 *
 * @param base - the registry where the change leaves the default branch
 * @param head - the change's registry
 * @param options - the day lifecycle dates are counted to (`YYYY-MM-DD`)
 * @public
 */
export function summarizePendingChange(
  base: LoadedRegistry,
  head: LoadedRegistry,
  options: { today: string },
): PendingChangeSummary {
  const diff = diffRegistries(base, head, { today: options.today });
  const findings = validateRegistry(head, { today: options.today });
  return {
    added: diff.added,
    removed: diff.removed,
    changed: [...new Set(diff.changed.map(c => c.service))].sort(),
    breakingChanges: diff.breakingChanges.map(change => ({
      kind: change.kind,
      service: change.service,
      ...(change.project !== undefined ? { project: change.project } : {}),
      ...(change.override ? { override: true } : {}),
      message: change.message,
      affectedProjects: change.affectedProjects,
      affectedServices: change.impact.counts.services,
      consumers: [
        ...new Set([
          ...change.impact.services.filter(s => s.depth === 1).map(s => s.id),
          ...change.optionalConsumers.map(c => c.id),
        ]),
      ].sort(),
    })),
    findings: {
      errors: findings.filter(f => f.severity === 'error').length,
      warnings: findings.filter(f => f.severity === 'warning').length,
    },
  };
}
