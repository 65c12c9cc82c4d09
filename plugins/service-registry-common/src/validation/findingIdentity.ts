import { RegistryFinding } from '../model/types';

/**
 * A finding's message without the positions it quotes, which an edit above them shifts: a file's
 * `:line` and `:line:column` (`projects/a/services.toml:57`, `policies/sla.toml:4:3`) keep the file
 * and lose the numbers, and so do `line 12`, `column 5` and `lines 3 to 5`. A time of day
 * (`09:00-17:00`) or a percentage is kept: only what follows a file name or those words goes.
 *
 * @param message - a finding's message
 * @public
 */
export function messageWithoutPositions(message: string): string {
  return (
    message
      // from the extension on, so that a long dotted text costs one pass (a path before it, matched
      // too, would be tried again from each of its characters)
      .replace(/(\.[A-Za-z][A-Za-z0-9]*):\d+(?::\d+)?\b/g, '$1')
      .replace(/\b(lines?|columns?) \d+(?:\s*(?:-|to|and)\s*\d+)?\b/gi, '$1')
  );
}

/**
 * What makes two findings the same finding in two versions of a registry (a base and a head):
 * everything but where it is, so that a finding an edit moves (lines added above it, or above a
 * place its message quotes) is still the one the registry had. Its severity counts: a warning
 * that became an error is another finding.
 *
 * @param finding - a finding
 * @returns a key equal for the same finding
 */
export function findingIdentity(finding: RegistryFinding): string {
  return JSON.stringify([
    finding.severity,
    finding.code,
    finding.file,
    finding.service ?? null,
    finding.project ?? null,
    messageWithoutPositions(finding.message),
  ]);
}
