import { RegistryFinding } from '@service-registry/plugin-service-registry-common';
import { shownFindings } from './shownPaths';
import { countFindings } from './summary';

/**
 * Version of the JSON output's shape (see the package README for the schema). Bumped on any
 * incompatible change.
 */
export const JSON_SCHEMA_VERSION = 1;

/**
 * The JSON document printed by `validate --format json`: the findings with any credential in
 * their paths replaced by `(hidden)` (see `shownFindings`).
 */
export function findingsJson(findings: RegistryFinding[], registry: string) {
  const counts = countFindings(findings);
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    command: 'validate',
    registry,
    summary: counts,
    findings: shownFindings(findings),
  };
}
