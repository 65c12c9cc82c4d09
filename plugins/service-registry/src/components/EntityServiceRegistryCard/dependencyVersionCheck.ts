import { ServiceSummaryDependency } from '../../api/types';

/**
 * How a dependency's range compares with its provider's version:
 *
 * - `satisfied`: the provider's version is within the range, or `compat_with` entries of the
 *   provider lie in it (the provider stays compatible with it, as validation reads it), or no
 *   range is asked for;
 * - `unsatisfied`: it is outside the range, or no such provider is declared;
 * - `unknown`: nothing to compare (the provider declares no version, or the range is not a valid
 *   semver range).
 */
export type DependencyVerdict = 'satisfied' | 'unsatisfied' | 'unknown';

/**
 * The verdict and its words, e.g. `2.0.0 — outside ^1.0` or `2.1.0 — through compat_with 1.x`.
 */
export interface DependencyVersionCheck {
  verdict: DependencyVerdict;
  /** What the reader is told, without the ✓/✗ mark. */
  text: string;
}

/** The ✓, ✗ or ? that comes before the words of a verdict. */
export const VERDICT_MARKS: Record<DependencyVerdict, string> = {
  satisfied: '✓',
  unsatisfied: '✗',
  unknown: '?',
};

/**
 * Whether the provider of a dependency, as the consumer's project sees it, is at a version the
 * dependency's range accepts (or stays compatible with it through its `compat_with`), in words.
 */
export function dependencyVersionCheck(
  dependency: ServiceSummaryDependency,
): DependencyVersionCheck {
  const { declared, version, range, satisfied, satisfiedByCompatWith } =
    dependency;
  if (!declared) {
    return { verdict: 'unsatisfied', text: 'no such service' };
  }
  if (version === undefined) {
    return { verdict: 'unknown', text: 'no version declared' };
  }
  if (range === undefined) {
    return { verdict: 'satisfied', text: `${version} — any version accepted` };
  }
  if (satisfied === true && satisfiedByCompatWith?.length) {
    // the version is outside the range: only the compat_with entries serve it
    return {
      verdict: 'satisfied',
      text: `${version} — through compat_with ${satisfiedByCompatWith.join(
        ', ',
      )}`,
    };
  }
  if (satisfied === true) {
    return { verdict: 'satisfied', text: `${version} — within ${range}` };
  }
  if (satisfied === false) {
    return { verdict: 'unsatisfied', text: `${version} — outside ${range}` };
  }
  return {
    verdict: 'unknown',
    text: `${version} — not checked (${range} is not a valid range)`,
  };
}
