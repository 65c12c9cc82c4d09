import { RegistryFinding } from '@service-registry/plugin-service-registry-common';

/** Counts of findings by severity. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Counts findings by severity. */
export function countFindings(findings: RegistryFinding[]): FindingCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `2 errors, 1 warning` */
export function describeCounts(counts: FindingCounts): string {
  const parts = [
    plural(counts.errors, 'error'),
    plural(counts.warnings, 'warning'),
  ];
  if (counts.infos) parts.push(plural(counts.infos, 'info'));
  return parts.join(', ');
}
