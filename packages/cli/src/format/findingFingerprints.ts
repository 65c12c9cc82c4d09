import { createHash } from 'node:crypto';
import { messageWithoutPositions } from '@service-registry/plugin-service-registry-common';

/**
 * Fingerprints that identify a finding from one CI run to the next, for the reports whose
 * platform compares runs (GitLab's Code Quality, GitHub's code scanning): made of its code, its
 * path and its message, not its line, which moves when lines are added above it; nor the lines
 * its message names (another key's place, `sla.availability in projects/a/services.toml:57`).
 * The same problem written twice in a file (same code, path and message) gets two fingerprints,
 * numbered in the order they are asked for, as platforms show issues with one fingerprint as one.
 *
 * @returns a function giving each finding's fingerprint (32 hexadecimal digits), in report order
 */
export function findingFingerprints(): (finding: {
  code: string;
  path: string;
  message: string;
}) => string {
  const seen = new Map<string, number>();
  return ({ code, path, message }) => {
    const key = JSON.stringify([code, path, messageWithoutPositions(message)]);
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    return createHash('sha256')
      .update(`${key}#${occurrence}`)
      .digest('hex')
      .slice(0, 32);
  };
}
