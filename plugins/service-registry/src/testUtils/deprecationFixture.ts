import { NotFoundError } from '@backstage/errors';
import {
  buildDependencyGraph,
  computeDeprecation,
  computeDeprecations,
  countDeprecations,
  deprecatedDependenciesOf,
  DeprecatedDependenciesResponse,
  DeprecationDetailResponse,
  DeprecationHistoryPoint,
  DeprecationsResponse,
  LoadedRegistry,
  loadRegistry,
} from '@service-registry/plugin-service-registry-common';

/**
 * The day the deprecation fixtures are computed on. Against it:
 *
 * - `gone` is retired (sunset 2026-06-01) and `reporting` still requires it: overdue, "Retired";
 * - `old-api` passed its sunset (2026-11-10) 12 days ago with 3 consumers × 8 h: overdue;
 * - `pay-v2` sets in 18 days (2026-12-10), 1 consumer × 20 h: at-risk;
 * - `vague` has no sunset date and a replacement the registry does not declare: no-sunset;
 * - `legacy-search` sets in 99 days (2027-03-01), 1 required and 1 optional consumer: on-track;
 * - `done-svc` is deprecated but nobody depends on it any more: done;
 * - `new-api`, `auth`, `search`, `pay-v3` are ga.
 */
export const FIXTURE_TODAY = '2026-11-22';

const CATALOG = `
[service.auth]
name = "Auth"
owner = "platform-team"
status = "ga"

[service.new-api]
name = "New API"
owner = "platform-team"
status = "ga"
version = "2.0.0"

[service.old-api]
name = "Old API"
owner = "platform-team"
status = "deprecated"
deprecation_date = "2026-05-10"
sunset_date = "2026-11-10"
replacement_service = "new-api"
[service.old-api.migration]
guide_url = "https://wiki.example.com/old-api-migration"
support_until = "2026-11-10"
migration_difficulty = "easy"
estimated_effort_hours = 8

[service.pay-v3]
name = "Payments v3"
owner = "payments-team"
status = "ga"

[service.pay-v2]
name = "Payments v2"
owner = "payments-team"
status = "deprecated"
deprecation_date = "2026-09-01"
sunset_date = "2026-12-10"
replacement_service = "pay-v3"
[service.pay-v2.migration]
guide_url = "https://wiki.example.com/pay-v3"
migration_difficulty = "hard"
estimated_effort_hours = 20

[service.search]
name = "Search Service"
owner = "search-team"
status = "ga"

[service.legacy-search]
name = "Legacy Search"
owner = "search-team"
status = "deprecated"
deprecation_date = "2026-09-01"
sunset_date = "2027-03-01"
replacement_service = "search"
[service.legacy-search.migration]
guide_url = "https://wiki.example.com/legacy-search-migration"
migration_difficulty = "moderate"
estimated_effort_hours = 16

[service.gone]
name = "Gone Service"
owner = "platform-team"
status = "retired"
deprecation_date = "2025-12-01"
sunset_date = "2026-06-01"
replacement_service = "new-api"

[service.done-svc]
name = "Done Service"
owner = "platform-team"
status = "deprecated"
deprecation_date = "2026-08-01"
sunset_date = "2027-01-31"
replacement_service = "new-api"
[service.done-svc.migration]
estimated_effort_hours = 4

[service.vague]
name = "Vague Service"
owner = "data-team"
status = "deprecated"
deprecation_date = "2026-10-15"
replacement_service = "ghost"
`;

const PROJECT_A = `
[project]
name = "E-Commerce"
owner = "ecommerce-team"

[service.checkout]
name = "Checkout"
status = "ga"
dependencies.requires = ["old-api@^1", "pay-v2", "auth"]

[service.web]
name = "Web Shop"
status = "ga"
dependencies.requires = ["checkout"]
`;

const PROJECT_B = `
[project]
name = "Logistics"
owner = "logistics-team"

[service.warehouse]
name = "Warehouse Management"
status = "ga"
dependencies.requires = ["legacy-search@^1.9", "old-api"]

[service.shipping]
name = "Shipping Service"
status = "ga"
dependencies = { requires = ["vague", "auth"], optional = ["legacy-search"] }
`;

const PROJECT_C = `
[project]
name = "Data"
owner = "data-team"

[service.reporting]
name = "Reporting"
status = "ga"
dependencies.requires = ["old-api", "gone"]
`;

/**
 * Chains of replacements, to append to the fixture catalog (`extraCatalog`): `old-q` (retired)
 * → `mid-q` (retired) → `new-q` (ga), required by `q-user`; `mq-v1` (deprecated) → `mq-v2`
 * (deprecated) → `mq-v3` (ga, and still requiring `mq-v1`), required by `mq-user`; `loop-a` →
 * `loop-b` → `loop-a`, both deprecated, required by `loop-user`.
 */
export const REPLACEMENT_CHAINS = `
[service.old-q]
owner = "platform-team"
status = "retired"
deprecation_date = "2025-10-01"
sunset_date = "2026-06-01"
replacement_service = "mid-q"

[service.mid-q]
owner = "platform-team"
status = "retired"
deprecation_date = "2025-12-01"
sunset_date = "2026-07-01"
replacement_service = "new-q"

[service.new-q]
owner = "platform-team"
status = "ga"

[service.q-user]
owner = "data-team"
status = "ga"
dependencies.requires = ["old-q"]

[service.mq-v1]
owner = "platform-team"
status = "deprecated"
deprecation_date = "2026-09-01"
sunset_date = "2027-03-01"
replacement_service = "mq-v2"

[service.mq-v2]
owner = "platform-team"
status = "deprecated"
deprecation_date = "2026-10-01"
sunset_date = "2027-04-01"
replacement_service = "mq-v3"

[service.mq-v3]
owner = "platform-team"
status = "ga"
dependencies.requires = ["mq-v1"]

[service.mq-user]
owner = "data-team"
status = "ga"
dependencies.requires = ["mq-v1"]

[service.loop-a]
owner = "platform-team"
status = "deprecated"
deprecation_date = "2026-09-01"
sunset_date = "2027-03-01"
replacement_service = "loop-b"

[service.loop-b]
owner = "platform-team"
status = "deprecated"
deprecation_date = "2026-09-01"
sunset_date = "2027-03-01"
replacement_service = "loop-a"

[service.loop-user]
owner = "data-team"
status = "ga"
dependencies.requires = ["loop-a"]
`;

/**
 * The fixture registry; `extraCatalog` is appended to the catalog (e.g. consumers that have
 * migrated away since, for earlier points of a burn-down).
 */
export function fixtureRegistry(extraCatalog = ''): LoadedRegistry {
  return loadRegistry([
    { path: 'services/catalog.toml', text: `${CATALOG}\n${extraCatalog}` },
    { path: 'projects/project-a/services.toml', text: PROJECT_A },
    { path: 'projects/project-b/services.toml', text: PROJECT_B },
    { path: 'projects/project-c/services.toml', text: PROJECT_C },
  ]);
}

/** Two batch jobs that required `old-api` and were migrated (removed) in October 2026. */
const BATCH_A = `
[service.batch-a]
owner = "data-team"
dependencies.requires = ["old-api"]
`;
const BATCH_B = `
[service.batch-b]
owner = "data-team"
dependencies.requires = ["old-api"]
`;

/** Earlier registry states, as ingested on those days: old-api had 5, then 4 consumers. */
const HISTORY_STAGES: Array<{ at: string; extra: string }> = [
  { at: '2026-10-01T06:00:00.000Z', extra: `${BATCH_A}\n${BATCH_B}` },
  { at: '2026-10-25T06:00:00.000Z', extra: BATCH_A },
  { at: '2026-11-22T06:00:00.000Z', extra: '' },
];

/**
 * The burn-down the backend would have recorded for a service over {@link HISTORY_STAGES}, with
 * the same numbers as its recorder (`computeDeprecations` on each ingested registry, on the day
 * of the ingestion). For `old-api`: 5 on 2026-10-01, 4 on 2026-10-25, 3 on 2026-11-22.
 */
export function historyOf(service: string): DeprecationHistoryPoint[] {
  return HISTORY_STAGES.flatMap(({ at, extra }) => {
    const registry = fixtureRegistry(extra);
    const record = computeDeprecations(
      registry,
      buildDependencyGraph(registry),
      at.slice(0, 10),
    ).find(r => r.service === service);
    if (!record) return [];
    return [
      {
        recordedAt: at,
        consumers: record.consumers.length,
        optionalConsumers: record.optionalConsumers.length,
        remainingConsumers: record.remainingConsumers,
        status: record.status,
      },
    ];
  });
}

/**
 * `GET /deprecations` over the fixture registry (`extraCatalog` appended to its catalog, see
 * {@link fixtureRegistry}).
 */
export function deprecationsResponse(
  today = FIXTURE_TODAY,
  extraCatalog = '',
): DeprecationsResponse {
  return deprecationsOf(fixtureRegistry(extraCatalog), today);
}

/** `GET /deprecations` over a registry. */
function deprecationsOf(
  registry: LoadedRegistry,
  today: string,
): DeprecationsResponse {
  const items = computeDeprecations(
    registry,
    buildDependencyGraph(registry),
    today,
  );
  return {
    registry: 'default',
    today,
    updatedAt: `${today}T06:00:00.000Z`,
    counts: countDeprecations(items),
    items,
  };
}

/**
 * `GET /deprecations/:service` over the fixture registry; throws the backend's `NotFoundError`
 * for a service that is neither deprecated nor retired.
 *
 * @param history - the burn-down to answer (default: {@link historyOf} the service)
 * @param extraCatalog - appended to the fixture's catalog (see {@link fixtureRegistry})
 */
export function deprecationDetail(
  service: string,
  history?: DeprecationHistoryPoint[],
  today = FIXTURE_TODAY,
  extraCatalog = '',
): DeprecationDetailResponse {
  const registry = fixtureRegistry(extraCatalog);
  const record = computeDeprecation(
    registry,
    buildDependencyGraph(registry),
    service,
    today,
  );
  if (!record) {
    throw new NotFoundError(
      registry.services.has(service)
        ? `service "${service}" of registry "default" is neither deprecated nor retired`
        : `no service "${service}" in registry "default"`,
    );
  }
  return {
    registry: 'default',
    today,
    record,
    history: history ?? historyOf(service),
  };
}

/**
 * `GET /services/:service/deprecated-dependencies` over the fixture registry; throws the
 * backend's `NotFoundError` for a service the registry does not declare.
 *
 * @param extraCatalog - appended to the fixture's catalog (see {@link fixtureRegistry})
 */
export function deprecatedDependenciesResponse(
  service: string,
  today = FIXTURE_TODAY,
  extraCatalog = '',
): DeprecatedDependenciesResponse {
  const registry = fixtureRegistry(extraCatalog);
  if (!registry.services.has(service)) {
    throw new NotFoundError(`no service "${service}" in registry "default"`);
  }
  const items = deprecatedDependenciesOf(
    registry,
    buildDependencyGraph(registry),
    service,
    today,
  );
  return {
    registry: 'default',
    today,
    service,
    counts: {
      errors: items.filter(i => i.severity === 'error').length,
      warnings: items.filter(i => i.severity === 'warning').length,
    },
    items,
  };
}

/**
 * `GET /deprecations` over the fixture registry with `count` more deprecated services
 * (`bulk-0001`…), as a large registry has them: deprecated on 2026-01-01, their sunsets a day
 * apart from 2026-06-02 on (the day after `gone`'s; overdue, at risk and on track against
 * {@link FIXTURE_TODAY}), each still required by `bulk-consumer`.
 */
export function manyDeprecationsResponse(
  count: number,
  today = FIXTURE_TODAY,
): DeprecationsResponse {
  const ids = Array.from(
    { length: count },
    (_, i) => `bulk-${String(i + 1).padStart(4, '0')}`,
  );
  const sunset = (i: number) =>
    new Date(Date.UTC(2026, 5, 2 + i)).toISOString().slice(0, 10);
  const extra = [
    ...ids.map(
      (id, i) => `
[service.${id}]
owner = "bulk-team"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "${sunset(i)}"
replacement_service = "new-api"
`,
    ),
    `
[service.bulk-consumer]
owner = "bulk-team"
status = "ga"
dependencies.requires = [${ids.map(id => `"${id}"`).join(', ')}]
`,
  ].join('\n');
  return deprecationsOf(fixtureRegistry(extra), today);
}
