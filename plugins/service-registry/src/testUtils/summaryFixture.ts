import { NotFoundError } from '@backstage/errors';
import {
  buildDependencyGraph,
  buildServiceSummary,
  LoadedRegistry,
  loadRegistry,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { ServiceSummaryResponse } from '../api/types';

/** The day the fixture's findings are computed on. */
export const SUMMARY_FIXTURE_TODAY = '2026-11-22';

/**
 * The small registry the registry card's tests answer from, by path.
 *
 * - Global services: `shared-auth` (critical, required by services of both projects, overridden
 *   by project `crm`), `payments-v2` (deprecated, sunset 2026-12-10, replaced by `payments-v3`),
 *   `payments-v3`, `search` (at 2.0.0), `legacy-queue` (retired; its replacement `queue-next` is declared nowhere), `notifier` (no version).
 * - Project `shop` ("Web Shop", tier high): `shop-checkout` declares no tier (it inherits high) and
 *   requires `shared-auth@^1.2` (satisfied), `payments-v2@^2.5` (deprecated), `search@^1.0`
 *   (2.0.0 is outside), `ghost-svc@^1` (declared nowhere), optionally `legacy-queue` (retired)
 *   and `notifier` (no version to check); `shop-web` requires it, `shop-admin` uses it
 *   optionally.
 * - Project `crm` ("CRM"): `crm-api` and `crm-sync` require `shared-auth`.
 */
export const SUMMARY_REGISTRY_FILES: Record<string, string> = {
  'services/catalog.toml': `
[service.shared-auth]
name = "Shared Auth"
type = "api"
owner = "platform-team"
version = "1.4.0"
status = "ga"
tier = "critical"
port = 8443
compat_version_min = "1.2.0"

[service.payments-v2]
name = "Payments v2"
owner = "payments-team"
version = "2.7.3"
status = "deprecated"
deprecation_date = "2026-09-01"
sunset_date = "2026-12-10"
replacement_service = "payments-v3"

[service.payments-v3]
name = "Payments v3"
owner = "payments-team"
version = "3.1.0"
status = "ga"

[service.search]
name = "Search"
owner = "search-team"
version = "2.0.0"
status = "ga"

[service.legacy-queue]
name = "Legacy Queue"
owner = "platform-team"
version = "0.9.0"
status = "retired"
deprecation_date = "2025-10-01"
sunset_date = "2026-06-01"
replacement_service = "queue-next"

[service.notifier]
name = "Notifier"
owner = "platform-team"
status = "ga"
dependencies.requires = ["shared-auth@^1"]
`,
  'projects/shop/services.toml': `
[project]
name = "Web Shop"
tier = "high"
owner = "shop-team"

[service.shop-checkout]
name = "Checkout"
type = "microservice"
owner = "shop-team"
version = "1.9.0"
status = "ga"
port = 8081
dependencies.requires = ["shared-auth@^1.2", "payments-v2@^2.5", "search@^1.0", "ghost-svc@^1"]
dependencies.optional = ["legacy-queue", "notifier"]

[service.shop-web]
name = "Web Shop Front"
owner = "shop-team"
version = "4.0.0"
status = "ga"
dependencies.requires = ["shop-checkout@^1", "shared-auth"]

[service.shop-admin]
name = "Shop Admin"
owner = "shop-team"
version = "0.3.0"
status = "beta"
dependencies.optional = ["shop-checkout"]
`,
  'projects/crm/services.toml': `
[project]
name = "CRM"
owner = "crm-team"

[service.shared-auth]
port = 9443

[service.crm-api]
name = "CRM API"
owner = "crm-team"
version = "1.0.0"
status = "ga"
tier = "medium"
dependencies.requires = ["shared-auth@^1.0"]

[service.crm-sync]
name = "CRM Sync"
owner = "crm-team"
version = "0.1.0"
status = "development"
dependencies.requires = ["shared-auth"]
`,
};

/**
 * Loads {@link SUMMARY_REGISTRY_FILES} (or other files, by path) with the real loader of the
 * common package.
 */
export function summaryRegistry(
  files: Record<string, string> = SUMMARY_REGISTRY_FILES,
): LoadedRegistry {
  return loadRegistry(
    Object.entries(files).map(([path, text]) => ({
      path,
      text,
    })),
  );
}

/**
 * The body of `GET /services/:service/summary` for a service of {@link SUMMARY_REGISTRY_FILES},
 * built like the backend builds it (with `buildServiceSummary` over the real validation and
 * dependency graph) and passed through JSON as the client receives it; throws the backend's
 * `NotFoundError` for a service the registry does not declare.
 *
 * @param rootLocation - the registry root (`url:…` gives each service a link to its line)
 * @param files - the registry's files, by path (default {@link SUMMARY_REGISTRY_FILES})
 */
export function serviceSummaryResponse(
  serviceId: string,
  rootLocation = 'file:/srv/registry',
  files: Record<string, string> = SUMMARY_REGISTRY_FILES,
): ServiceSummaryResponse {
  const registry = summaryRegistry(files);
  const summary = buildServiceSummary(
    {
      providerId: 'default',
      registry,
      findings: validateRegistry(registry, { today: SUMMARY_FIXTURE_TODAY }),
      rootLocation,
    },
    buildDependencyGraph(registry),
    serviceId,
  );
  if (!summary) {
    throw new NotFoundError(`no service "${serviceId}" in registry "default"`);
  }
  return JSON.parse(JSON.stringify(summary)) as ServiceSummaryResponse;
}
