import {
  buildDependencyGraph,
  buildServiceSummary,
  computeDeprecation,
  computeDeprecations,
  countDeprecations,
  DeprecationDetailResponse,
  DeprecationsResponse,
  LoadedRegistry,
  loadRegistry,
  slaOverview,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { ServiceSummaryResponse, SlaOverviewResponse } from '../api/types';

/** The day the namesake fixtures are computed on. */
export const NAMESAKE_TODAY = '2026-11-22';

/**
 * A small registry with a real project named `global` beside the global services, by path:
 *
 * - Global services: `auth` (deprecated, sunset 2027-03-01, replaced by `auth-v2`; owner
 *   `platform-team`), `auth-v2`, and `cron` (owner `ops-team`), which requires `auth`.
 * - Project `global` (no display name, so it shows as `global`): `portal` (deprecated, sunset
 *   2027-03-01, replaced by `web`; owner `portal-team`), which requires `auth`.
 * - Project `shop` ("Web Shop"): `web`, which requires `auth` and `portal`.
 */
export const NAMESAKE_REGISTRY_FILES: Record<string, string> = {
  'services/catalog.toml': `
[service.auth]
name = "Auth"
owner = "platform-team"
status = "deprecated"
tier = "high"
deprecation_date = "2026-09-01"
sunset_date = "2027-03-01"
replacement_service = "auth-v2"

[service.auth-v2]
name = "Auth v2"
owner = "platform-team"
status = "ga"
tier = "high"

[service.cron]
name = "Cron"
owner = "ops-team"
status = "ga"
tier = "low"
dependencies.requires = ["auth"]
`,
  'projects/global/services.toml': `
[project]
owner = "portal-team"

[service.portal]
name = "Portal"
owner = "portal-team"
status = "deprecated"
tier = "high"
deprecation_date = "2026-09-01"
sunset_date = "2027-03-01"
replacement_service = "web"
dependencies.requires = ["auth"]
`,
  'projects/shop/services.toml': `
[project]
name = "Web Shop"
owner = "shop-team"

[service.web]
name = "Web"
owner = "shop-team"
status = "ga"
tier = "low"
dependencies.requires = ["auth", "portal"]
`,
};

/** Loads {@link NAMESAKE_REGISTRY_FILES} with the real loader of the common package. */
export function namesakeRegistry(): LoadedRegistry {
  return loadRegistry(
    Object.entries(NAMESAKE_REGISTRY_FILES).map(([path, text]) => ({
      path,
      text,
    })),
  );
}

/** What the client hands over: the body after a JSON round trip (undefined fields dropped). */
function overTheWire<T>(body: T): T {
  return JSON.parse(JSON.stringify(body)) as T;
}

/** `GET /deprecations` over {@link NAMESAKE_REGISTRY_FILES}, as the backend builds it. */
export function namesakeDeprecationsResponse(): DeprecationsResponse {
  const registry = namesakeRegistry();
  const items = computeDeprecations(
    registry,
    buildDependencyGraph(registry),
    NAMESAKE_TODAY,
  );
  return overTheWire({
    registry: 'default',
    today: NAMESAKE_TODAY,
    updatedAt: `${NAMESAKE_TODAY}T06:00:00.000Z`,
    counts: countDeprecations(items),
    items,
  });
}

/**
 * `GET /deprecations/:service` over {@link NAMESAKE_REGISTRY_FILES}, without history.
 *
 * @throws Error when the service is neither deprecated nor retired
 */
export function namesakeDeprecationDetail(
  service: string,
): DeprecationDetailResponse {
  const registry = namesakeRegistry();
  const record = computeDeprecation(
    registry,
    buildDependencyGraph(registry),
    service,
    NAMESAKE_TODAY,
  );
  if (!record) {
    throw new Error(`"${service}" is not deprecated in the namesake fixture`);
  }
  return overTheWire({
    registry: 'default',
    today: NAMESAKE_TODAY,
    record,
    history: [],
  });
}

/** `GET /sla` over {@link NAMESAKE_REGISTRY_FILES}, as the backend builds it. */
export function namesakeSlaOverviewResponse(): SlaOverviewResponse {
  return overTheWire({
    registry: 'default',
    updatedAt: `${NAMESAKE_TODAY}T00:00:00.000Z`,
    ...slaOverview(namesakeRegistry()),
  });
}

/**
 * `GET /services/:service/summary` over {@link NAMESAKE_REGISTRY_FILES}, as the backend builds it.
 *
 * @throws Error when the registry does not declare the service
 */
export function namesakeServiceSummaryResponse(
  serviceId: string,
): ServiceSummaryResponse {
  const registry = namesakeRegistry();
  const summary = buildServiceSummary(
    {
      providerId: 'default',
      registry,
      findings: validateRegistry(registry, { today: NAMESAKE_TODAY }),
      rootLocation: 'file:/srv/registry',
    },
    buildDependencyGraph(registry),
    serviceId,
  );
  if (!summary) {
    throw new Error(`no service "${serviceId}" in the namesake fixture`);
  }
  return overTheWire(summary) as ServiceSummaryResponse;
}
