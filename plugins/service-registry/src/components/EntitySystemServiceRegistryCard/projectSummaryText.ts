import {
  ProjectSummaryFindingCounts,
  ProjectSummaryLink,
  SlaComplianceCounts,
} from '../../api/types';

const plural = (count: number, word: string, words = `${word}s`) =>
  `${count} ${count === 1 ? word : words}`;

/** `2 errors, 1 warning, 3 info`, or `none`: a service's findings in a table cell. */
export function findingsCountText(
  findings: ProjectSummaryFindingCounts,
): string {
  const parts = [
    findings.errors > 0 ? plural(findings.errors, 'error') : undefined,
    findings.warnings > 0 ? plural(findings.warnings, 'warning') : undefined,
    findings.infos > 0 ? `${findings.infos} info` : undefined,
  ].filter(Boolean);
  return parts.length === 0 ? 'none' : parts.join(', ');
}

/**
 * The SLA standing of a project's services in words, zero counts left out:
 * `3 services: 1 compliant, 1 not compliant, 1 without a policy`.
 */
export function slaSummaryText(sla: SlaComplianceCounts): string {
  if (sla.services === 0) {
    return 'No service to check (retired services are not counted)';
  }
  const parts = [
    sla.compliant > 0 ? `${sla.compliant} compliant` : undefined,
    sla.nonCompliant > 0 ? `${sla.nonCompliant} not compliant` : undefined,
    sla.incomplete > 0 ? `${sla.incomplete} incomplete` : undefined,
    sla.noPolicy > 0 ? `${sla.noPolicy} without a policy` : undefined,
  ].filter(Boolean);
  return `${plural(sla.services, 'service')}: ${parts.join(', ')}`;
}

/**
 * How many dependencies go between two projects, on how many services:
 * `3 dependencies on 2 services (2 required, 1 optional)`.
 */
export function linkCountText(link: ProjectSummaryLink): string {
  const kinds = [
    link.required > 0 ? `${link.required} required` : undefined,
    link.optional > 0 ? `${link.optional} optional` : undefined,
  ].filter(Boolean);
  return `${plural(link.edges, 'dependency', 'dependencies')} on ${plural(
    link.services.length,
    'service',
  )} (${kinds.join(', ')})`;
}
