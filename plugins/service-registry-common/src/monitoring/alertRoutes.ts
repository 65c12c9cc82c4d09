import { RegistryService, ServiceMonitoring } from '../model/types';
import { redactSecrets } from '../validation/secrets/detectSecret';

/**
 * Where a project's `monitoring.toml` sends the alerts of a service (`[service.<id>.alerts]`),
 * credentials in a route (a webhook URL with its token) replaced by `(hidden)`.
 *
 * @public
 */
export interface ServiceAlertRoutes {
  /** The project whose `monitoring.toml` declares them. */
  project: string;
  /** Where critical alerts go, as written (`slack#critical-alerts`). */
  critical: string[];
  /** Where warnings go. */
  warning: string[];
  /** Where informational alerts go. */
  info: string[];
  /** Who alerts escalate to (`escalation.escalate_to`). */
  escalateTo: string[];
  /** After how long they escalate (`escalation.time_to_escalate`, as written: `5m`). */
  escalateAfter?: string;
  /** Which level pages (`escalation.page_if`, as written: `critical`). */
  pageIf?: string;
}

/** The non-empty strings of an array, credentials hidden (other elements left out). */
function routes(value: unknown): string[] {
  return Array.isArray(value)
    ? value
        .filter((v): v is string => typeof v === 'string' && v.trim() !== '')
        .map(v => redactSecrets(v.trim()))
    : [];
}

/** A non-empty string, credentials hidden; else undefined. */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== ''
    ? redactSecrets(value.trim())
    : undefined;
}

function routesOf(
  monitoring: ServiceMonitoring,
): ServiceAlertRoutes | undefined {
  const alerts = monitoring.alerts;
  if (!alerts) return undefined;
  const escalation =
    alerts.escalation !== null &&
    typeof alerts.escalation === 'object' &&
    !Array.isArray(alerts.escalation)
      ? (alerts.escalation as Record<string, unknown>)
      : {};
  const result: ServiceAlertRoutes = {
    project: monitoring.project,
    critical: routes(alerts.critical),
    warning: routes(alerts.warning),
    info: routes(alerts.info),
    escalateTo: routes(escalation.escalate_to),
  };
  const after = text(escalation.time_to_escalate);
  if (after !== undefined) result.escalateAfter = after;
  const pageIf = text(escalation.page_if);
  if (pageIf !== undefined) result.pageIf = pageIf;
  const empty =
    result.critical.length +
      result.warning.length +
      result.info.length +
      result.escalateTo.length ===
    0;
  return empty ? undefined : result;
}

/**
 * The alert routes of a service, one entry per project whose `monitoring.toml` routes some of its
 * alerts (a global service may have several), in the order the registry loaded them. Values of
 * another type than the format's are left out; a project that routes nothing is left out.
 *
 * @param service - the service
 * @public
 */
export function alertRoutesOf(service: RegistryService): ServiceAlertRoutes[] {
  return service.monitoring.flatMap(m => {
    const found = routesOf(m);
    return found ? [found] : [];
  });
}
