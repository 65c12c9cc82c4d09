import {
  evaluateSla,
  LoadedRegistry,
  loadRegistry,
  slaOverview,
  SlaOverviewOptions,
} from '@service-registry/plugin-service-registry-common';
import { SlaOverviewResponse, SlaServiceResponse } from '../api/types';

/**
 * The TOML files of the small registry the SLA tests answer from, by path.
 *
 * - Policies: `critical` (availability, p99, RTO, RPO, support hours, break handling) and
 *   `high` (availability, p99, support hours); `medium` and `low` have no policy.
 * - Global services: `auth` (critical, compliant), `payments` (critical, four gaps), `reports`
 *   (medium: no policy, declares 99%), `notifier` (no tier, no SLA), `legacy` (retired).
 * - Project `shop` ("Web Shop", tier high, inherited by its services): `shop-web` (compliant),
 *   `shop-cart` (availability only: incomplete), `shop-search` (no `sla` table: incomplete),
 *   `shop-admin` (declares tier critical itself, availability 99.95%: non-compliant).
 * - Project `crm` ("CRM", tier low, which has no policy): `crm-api` (declares 99.5%: no policy).
 */
export const SLA_REGISTRY_FILES: Record<string, string> = {
  'policies/sla.toml': [
    '[sla.critical]',
    'availability = "99.99%"',
    'response_time_p99 = "100ms"',
    'support_hours = "24/7"',
    'rto = "5m"',
    'rpo = "1m"',
    'break_handling = "graceful"',
    '',
    '[sla.high]',
    'availability = "99.9%"',
    'response_time_p99 = "200ms"',
    'support_hours = "business"',
  ].join('\n'),
  'services/catalog.toml': [
    '[service.auth]',
    'name = "Auth"',
    'owner = "@platform"',
    'status = "ga"',
    'tier = "critical"',
    '[service.auth.sla]',
    'availability = "99.995%"',
    'response_time_p50 = "10ms"',
    'response_time_p99 = "80ms"',
    'error_rate = "0.1%"',
    'support_hours = "24/7"',
    'rto = "5m"',
    'rpo = "30s"',
    'break_handling = "graceful"',
    '',
    '[service.payments]',
    'name = "Payments"',
    'owner = "@payments-team"',
    'status = "ga"',
    'tier = "critical"',
    '[service.payments.sla]',
    'availability = "99.9%"',
    'response_time_p50 = "20ms"',
    'response_time_p99 = "1.5s"',
    'support_hours = "business"',
    'rto = "5m"',
    'break_handling = "graceful"',
    '',
    '[service.reports]',
    'name = "Reports"',
    'owner = "@platform"',
    'tier = "medium"',
    'sla = { availability = "99%" }',
    '',
    '[service.notifier]',
    'name = "Notifier"',
    'owner = "@platform"',
    '',
    '[service.legacy]',
    'owner = "@platform"',
    'status = "retired"',
    'tier = "critical"',
  ].join('\n'),
  'projects/shop/services.toml': [
    '[project-specific.shop]',
    'name = "Web Shop"',
    'tier = "high"',
    '',
    '[service.shop-web]',
    'name = "Shop Web"',
    'owner = "shop-team"',
    'sla = { availability = "99.95%", response_time_p99 = "150ms", support_hours = "24/7" }',
    '',
    '[service.shop-cart]',
    'name = "Shop Cart"',
    'owner = "shop-team"',
    'sla = { availability = "99.9%" }',
    '',
    '[service.shop-search]',
    'name = "Shop Search"',
    'owner = "shop-team"',
    '',
    '[service.shop-admin]',
    'name = "Shop Admin"',
    'owner = "@platform"',
    'tier = "critical"',
    'sla = { availability = "99.95%", response_time_p99 = "90ms", support_hours = "24/7", rto = "5m", rpo = "1m", break_handling = "graceful" }',
  ].join('\n'),
  'projects/crm/services.toml': [
    '[project-specific.crm]',
    'name = "CRM"',
    'tier = "low"',
    '',
    '[service.crm-api]',
    'name = "CRM API"',
    'owner = "crm-team"',
    'sla = { availability = "99.5%" }',
  ].join('\n'),
};

/** Loads {@link SLA_REGISTRY_FILES} with the real loader of the common package. */
export function slaRegistry(): LoadedRegistry {
  return loadRegistry(
    Object.entries(SLA_REGISTRY_FILES).map(([path, text]) => ({ path, text })),
  );
}

/** What the client hands over: the body after a JSON round trip (undefined fields dropped). */
function overTheWire<T>(body: T): T {
  return JSON.parse(JSON.stringify(body)) as T;
}

/**
 * The body of `GET /sla/:service` for a service of {@link SLA_REGISTRY_FILES}, built like the
 * backend builds it (with {@link evaluateSla}).
 *
 * @throws Error when the registry does not declare the service
 */
export function serviceSlaResponse(serviceId: string): SlaServiceResponse {
  const registry = slaRegistry();
  const service = registry.services.get(serviceId);
  if (!service) {
    throw new Error(`no service "${serviceId}" in the SLA fixture`);
  }
  return overTheWire({
    registry: 'default',
    evaluation: evaluateSla(service, registry.policies),
  });
}

/**
 * The body of `GET /sla` for {@link SLA_REGISTRY_FILES}, built like the backend builds it (with
 * {@link slaOverview}).
 */
export function slaOverviewResponse(
  options: SlaOverviewOptions = {},
): SlaOverviewResponse {
  return overTheWire({
    registry: 'default',
    updatedAt: '2026-11-22T00:00:00.000Z',
    ...slaOverview(slaRegistry(), options),
  });
}
