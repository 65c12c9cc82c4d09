import { RegistryFinding } from '@service-registry/plugin-service-registry-common';

const SEVERITY_RANK: Record<RegistryFinding['severity'], number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/**
 * The annotations of a diff in the order GitHub should see them: GitHub shows only the first 10 of
 * each kind (error, warning, notice) of a step, so what the pull request brings comes first —
 * its breaking changes and SLA impacts (`changes`), then the findings base did not have
 * (`introducedFindings`: the same finding moved by the change is not new) — and the findings base
 * already had come last; by severity within each.
 *
 * @param findings - head's findings
 * @param introduced - those of them base did not have (`introducedFindings`)
 * @param changes - the breaking changes and SLA impacts, as findings
 */
export function introducedFirst(
  findings: RegistryFinding[],
  introduced: readonly RegistryFinding[],
  changes: RegistryFinding[],
): RegistryFinding[] {
  const brought = new Set(introduced);
  const bySeverity = (list: RegistryFinding[]) =>
    [...list].sort(
      (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
    );
  return [
    ...bySeverity([...changes, ...findings.filter(f => brought.has(f))]),
    ...bySeverity(findings.filter(f => !brought.has(f))),
  ];
}
