import { RegistryFinding } from '@service-registry/plugin-service-registry-common';

const SEVERITY_RANK: Record<RegistryFinding['severity'], number> = {
  error: 0,
  warning: 1,
  info: 2,
};

/** What makes two findings the same finding, in base and in head. */
function findingKey(f: RegistryFinding): string {
  return [f.code, f.file, f.service ?? '', f.project ?? '', f.message].join(
    '\0',
  );
}

/**
 * The annotations of a diff in the order GitHub should see them: GitHub shows only the first 10 of
 * each kind (error, warning, notice) of a step, so what the pull request brings comes first —
 * its breaking changes and SLA impacts (`changes`), then the findings base did not have — and the
 * findings base already had come last; by severity within each.
 *
 * @param findings - head's findings
 * @param baseFindings - base's findings, validated the same way
 * @param changes - the breaking changes and SLA impacts, as findings
 */
export function introducedFirst(
  findings: RegistryFinding[],
  baseFindings: RegistryFinding[],
  changes: RegistryFinding[],
): RegistryFinding[] {
  const before = new Set(baseFindings.map(findingKey));
  const bySeverity = (list: RegistryFinding[]) =>
    [...list].sort(
      (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
    );
  return [
    ...bySeverity([
      ...changes,
      ...findings.filter(f => !before.has(findingKey(f))),
    ]),
    ...bySeverity(findings.filter(f => before.has(findingKey(f)))),
  ];
}
