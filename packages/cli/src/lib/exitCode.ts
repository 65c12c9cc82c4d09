import { RegistryFinding } from '@service-registry/plugin-service-registry-common';
import { countFindings } from '../format/summary';
import { EXIT } from './errors';
import { CliIO } from './io';

function plural(n: number, word: string) {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The exit code of `validate` and `diff`: 1 when there are errors, more warnings than
 * `maxWarnings`, or breaking changes with `failOnBreaking`; else 0. When the run fails without an
 * error, stderr says why (errors are in the report; a warning count or a breaking change failing
 * the job is not obvious from it), so that stdout stays the report in every format.
 *
 * @param options - `maxWarnings` (`--max-warnings`), and for a diff `breakingChanges` (their
 *   number) with `failOnBreaking` (`--fail-on-breaking`)
 */
export function exitCodeFor(
  findings: RegistryFinding[],
  options: {
    maxWarnings?: number;
    breakingChanges?: number;
    failOnBreaking?: boolean;
  },
  io: CliIO,
): number {
  const counts = countFindings(findings);
  if (counts.errors > 0) return EXIT.failed;
  const reasons: string[] = [];
  if (
    options.maxWarnings !== undefined &&
    counts.warnings > options.maxWarnings
  ) {
    reasons.push(
      `${plural(counts.warnings, 'warning')}, more than --max-warnings ${
        options.maxWarnings
      } allows`,
    );
  }
  if (options.failOnBreaking && (options.breakingChanges ?? 0) > 0) {
    reasons.push(
      `${plural(
        options.breakingChanges!,
        'breaking change',
      )} (--fail-on-breaking)`,
    );
  }
  if (reasons.length === 0) return EXIT.ok;
  io.stderr(`service-registry: failed: ${reasons.join('; ')}.\n`);
  return EXIT.failed;
}
