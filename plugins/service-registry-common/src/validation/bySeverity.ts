import { FindingSeverity } from '../model/types';

const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Compares two findings by severity, errors first, then warnings, then infos: for `sort`, which
 * keeps the order of findings of one severity.
 *
 * @param a - a finding
 * @param b - another
 */
export function bySeverity(
  a: { severity: FindingSeverity },
  b: { severity: FindingSeverity },
): number {
  return RANK[a.severity] - RANK[b.severity];
}
