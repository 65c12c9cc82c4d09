import { MetricsService } from '@backstage/backend-plugin-api/alpha';
import {
  LoadedRegistry,
  SERVICE_STATUSES,
  SERVICE_TIERS,
} from '@service-registry/plugin-service-registry-common';
import type { ProviderRunStatus } from '../database/ProviderStateStore';
// (a type only: the provider module imports this one)
import type { ServiceRegistryRefreshResult } from '../providers/ServiceRegistryEntityProvider';

/** What a run ended with, as the metrics name it: a status Resource state, or `error`. */
type RunState = ProviderRunStatus['state'] | 'error';

const RUN_STATES: readonly RunState[] = ['ok', 'degraded', 'blocked', 'error'];
const SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * Where a provider's runs are counted and timed. The module records them as OpenTelemetry
 * metrics through Backstage's `MetricsService` (see the module's README).
 *
 * @public
 */
export interface ServiceRegistryRunMetrics {
  /**
   * A run that ended with a result: applied, with nothing to apply, or blocked.
   *
   * @param providerId - the registry's id (`catalog.providers.serviceRegistry.<id>`)
   * @param result - what the run did
   * @param durationSeconds - how long the run took
   */
  recordRun(
    providerId: string,
    result: ServiceRegistryRefreshResult,
    durationSeconds: number,
  ): void;
  /**
   * A run that threw instead (a defect, or a run before the catalog connected the provider).
   *
   * @param providerId - the registry's id
   * @param durationSeconds - how long the run took until it threw
   */
  recordError(providerId: string, durationSeconds: number): void;
  /**
   * The registry a run applied to the catalog: its services by lifecycle status and tier.
   *
   * @param providerId - the registry's id
   * @param registry - the registry as applied
   */
  recordRegistry?(providerId: string, registry: LoadedRegistry): void;
}

/** What a service without a status or an effective tier is counted as. */
const UNSET = 'unset';

/**
 * The metrics of the service registry's runs, under `catalog.service_registry.*`:
 *
 * - `run.duration` (histogram, seconds) and `runs.count` (counter), by `provider`, `state` (`ok`,
 *   `degraded`, `blocked`, `error`) and `mutation` (`none`, `full`, `delta`);
 * - `run.state` (gauge): 1 for the state the provider's last run ended in, 0 for the others, by
 *   `provider` and `state`, to alert on `state="blocked"`;
 * - `findings` (gauge): the last run's findings by `provider` and `severity`, and
 *   `findings.by_code` by `provider` and `code` (`policy/sla-below-tier`: the services below their
 *   tier's SLA); a run with nothing to apply leaves them as they were (such a run does not
 *   validate again);
 * - `services` (gauge): the services of the registry the last run applied, by `provider`,
 *   `status` and `tier` (`unset` for none), every combination (0 for those no service has);
 * - `entities.written.count` and `entities.removed.count` (counters), by `provider`.
 *
 * @param metrics - the catalog plugin's metrics service
 */
export function createRunMetrics(
  metrics: MetricsService,
): ServiceRegistryRunMetrics {
  const duration = metrics.createHistogram(
    'catalog.service_registry.run.duration',
    {
      description: 'How long a run of a service registry provider took',
      unit: 'seconds',
    },
  );
  const runs = metrics.createCounter('catalog.service_registry.runs.count', {
    description: 'Runs of a service registry provider, by how they ended',
  });
  const state = metrics.createGauge('catalog.service_registry.run.state', {
    description:
      'The state the last run of a service registry provider ended in: 1 for that state, 0 for the others',
  });
  const findings = metrics.createGauge('catalog.service_registry.findings', {
    description:
      'Findings of the last run of a service registry provider that read and validated the registry, by severity',
  });
  const findingsByCode = metrics.createGauge(
    'catalog.service_registry.findings.by_code',
    {
      description:
        'Findings of the last run of a service registry provider that read and validated the registry, by code',
    },
  );
  const services = metrics.createGauge('catalog.service_registry.services', {
    description:
      'Services of the registry the last applied run of a service registry provider read, by lifecycle status and effective tier',
  });
  // the codes each provider's last findings had: a code that is gone goes back to 0
  const codesOf = new Map<string, Set<string>>();
  const written = metrics.createCounter(
    'catalog.service_registry.entities.written.count',
    {
      description:
        'Entities a service registry provider wrote (new or changed)',
    },
  );
  const removed = metrics.createCounter(
    'catalog.service_registry.entities.removed.count',
    { description: 'Entities a service registry provider removed' },
  );

  const ended = (
    provider: string,
    runState: RunState,
    mutation: ServiceRegistryRefreshResult['mutation'],
    seconds: number,
  ) => {
    const attributes = { provider, state: runState, mutation };
    duration.record(seconds, attributes);
    runs.add(1, attributes);
    for (const each of RUN_STATES) {
      state.record(each === runState ? 1 : 0, { provider, state: each });
    }
  };

  return {
    recordRun(provider, result, seconds) {
      ended(provider, result.status.state, result.mutation, seconds);
      if (result.upserted > 0) written.add(result.upserted, { provider });
      if (result.removed > 0) removed.add(result.removed, { provider });
      // a run with nothing to apply reports the stored state without findings: it did not read
      // them again
      if (result.mutation !== 'none' || result.status.state === 'blocked') {
        for (const severity of SEVERITIES) {
          findings.record(
            result.status.findings.filter(f => f.severity === severity).length,
            { provider, severity },
          );
        }
        const counts = new Map<string, number>();
        for (const { code } of result.status.findings) {
          counts.set(code, (counts.get(code) ?? 0) + 1);
        }
        for (const code of codesOf.get(provider) ?? []) {
          if (!counts.has(code)) findingsByCode.record(0, { provider, code });
        }
        for (const [code, count] of counts) {
          findingsByCode.record(count, { provider, code });
        }
        codesOf.set(provider, new Set(counts.keys()));
      }
    },
    recordError(provider, seconds) {
      ended(provider, 'error', 'none', seconds);
    },
    recordRegistry(provider, registry) {
      const counts = new Map<string, number>();
      const key = (status: string, tier: string) => `${status}\n${tier}`;
      for (const service of registry.services.values()) {
        const k = key(service.status ?? UNSET, service.effectiveTier ?? UNSET);
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      for (const status of [...SERVICE_STATUSES, UNSET]) {
        for (const tier of [...SERVICE_TIERS, UNSET]) {
          services.record(counts.get(key(status, tier)) ?? 0, {
            provider,
            status,
            tier,
          });
        }
      }
    },
  };
}
