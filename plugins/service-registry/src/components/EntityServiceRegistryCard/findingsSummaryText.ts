import { ServiceSummaryResponse } from '../../api/types';

const plural = (count: number, word: string) =>
  `${count} ${word}${count === 1 ? '' : 's'}`;

/** `2 errors, 1 warning in the registry's validation`, or `No findings`. */
export function findingsSummaryText(
  findings: ServiceSummaryResponse['findings'],
): string {
  const parts = [
    findings.errors > 0 ? plural(findings.errors, 'error') : undefined,
    findings.warnings > 0 ? plural(findings.warnings, 'warning') : undefined,
    findings.infos > 0 ? `${findings.infos} info` : undefined,
  ].filter(Boolean);
  return parts.length === 0
    ? 'No findings'
    : `${parts.join(', ')} in the registry's validation`;
}
