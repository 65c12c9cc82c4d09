import { NotFoundError } from '@backstage/errors';
import {
  buildDependencyGraph,
  buildProjectSummary,
  LoadedRegistry,
  loadRegistry,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { ProjectSummaryResponse } from '../api/types';

/** The day the fixture's findings are computed on. */
export const PROJECT_FIXTURE_TODAY = '2026-11-22';

/**
 * The small registry the project card's tests answer from, by path.
 *
 * - Global services: `shared-auth` (critical, ga), `payments-v2` (deprecated, sunset 2026-12-10),
 *   `notifier` (overridden by project `shop`: its port and metadata).
 * - Project `shop` ("Web Shop", tier high, production): `shop-checkout` (inherits high; requires
 *   `shared-auth`, the deprecated `payments-v2` and `crm-api` of project `crm`, optionally
 *   `notifier`), `shop-web` (requires `shop-checkout`; tier low), `shop-legacy` (retired).
 * - Project `crm` ("CRM"): `crm-api` requires `shared-auth`; `crm-sync` requires `crm-api` and
 *   uses `shop-checkout` optionally.
 * - Policy: the high tier requires 99.9% availability.
 */
export const PROJECT_REGISTRY_FILES: Record<string, string> = {
  'services/catalog.toml': `
[service.shared-auth]
name = "Shared Auth"
owner = "platform-team"
version = "1.4.0"
status = "ga"
tier = "critical"

[service.payments-v2]
name = "Payments v2"
owner = "payments-team"
version = "2.7.3"
status = "deprecated"
deprecation_date = "2026-06-10"
sunset_date = "2026-12-10"
replacement_service = "shared-auth"

[service.notifier]
name = "Notifier"
owner = "platform-team"
version = "1.0.0"
status = "ga"
port = 8025
`,
  'projects/shop/services.toml': `
[project]
name = "Web Shop"
description = "Everything customers buy with."
owner = "shop-team"
tier = "high"
environment = "production"

[service.shop-checkout]
name = "Checkout"
owner = "shop-team"
version = "1.9.0"
status = "ga"
port = 8081
dependencies.requires = ["shared-auth@^1.2", "payments-v2@^2.5", "crm-api@^1"]
dependencies.optional = ["notifier"]
sla.availability = "99.95%"

[service.shop-web]
name = "Web Shop Front"
owner = "shop-team"
version = "4.0.0"
status = "ga"
tier = "low"
dependencies.requires = ["shop-checkout@^1"]

[service.shop-legacy]
name = "Legacy Shop"
owner = "shop-team"
version = "0.1.0"
status = "retired"
deprecation_date = "2025-01-01"
sunset_date = "2025-06-01"
replacement_service = "shop-web"

[service.notifier]
port = 9025
metadata.replicas = 2
`,
  'projects/crm/services.toml': `
[project]
name = "CRM"
owner = "crm-team"

[service.crm-api]
name = "CRM API"
owner = "crm-team"
version = "1.0.0"
status = "ga"
dependencies.requires = ["shared-auth@^1.0"]

[service.crm-sync]
name = "CRM Sync"
owner = "crm-team"
version = "0.1.0"
status = "development"
dependencies.requires = ["crm-api"]
dependencies.optional = ["shop-checkout"]
`,
  'policies/sla.toml': `
[sla.high]
availability = "99.9%"
`,
};

/**
 * Loads {@link PROJECT_REGISTRY_FILES} (or other files, by path) with the real loader of the
 * common package.
 */
export function projectRegistry(
  files: Record<string, string> = PROJECT_REGISTRY_FILES,
): LoadedRegistry {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({
      path,
      text,
    })),
  );
}

/**
 * The body of `GET /projects/:project/summary` for a project of {@link PROJECT_REGISTRY_FILES} (or
 * `GLOBAL_PROJECT_ID`), built like the backend builds it (with `buildProjectSummary` over the real
 * validation and dependency graph) and passed through JSON as the client receives it; throws the
 * backend's `NotFoundError` for a project the registry does not have.
 *
 * @param rootLocation - the registry root (`url:…` gives the project a link to its line)
 * @param files - the registry's files, by path (default {@link PROJECT_REGISTRY_FILES})
 */
export function projectSummaryResponse(
  projectId: string,
  rootLocation = 'file:/srv/registry',
  files: Record<string, string> = PROJECT_REGISTRY_FILES,
): ProjectSummaryResponse {
  const registry = projectRegistry(files);
  const summary = buildProjectSummary(
    {
      providerId: 'default',
      registry,
      findings: validateRegistry(registry, { today: PROJECT_FIXTURE_TODAY }),
      rootLocation,
    },
    buildDependencyGraph(registry),
    projectId,
  );
  if (!summary) {
    throw new NotFoundError(`no project "${projectId}" in registry "default"`);
  }
  return JSON.parse(JSON.stringify(summary)) as ProjectSummaryResponse;
}
