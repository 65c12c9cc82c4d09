import { RegistryFinding } from '@service-registry/plugin-service-registry-common';

/**
 * A finding for the formats' tests: a warning at line 3, column 7 of `services/catalog.toml`,
 * with what `overrides` says instead.
 */
export function aFinding(overrides: Partial<RegistryFinding>): RegistryFinding {
  return {
    severity: 'warning',
    code: 'lifecycle/sunset-passed',
    message: 'old-api: its sunset date passed.',
    file: 'services/catalog.toml',
    line: 3,
    column: 7,
    ...overrides,
  };
}
