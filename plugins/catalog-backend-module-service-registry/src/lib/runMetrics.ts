import { MetricsService } from '@backstage/backend-plugin-api/alpha';
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
}

/**
 * The metrics of the service registry's runs, under `catalog.service_registry.*`:
 *
 * - `run.duration` (histogram, seconds) and `runs.count` (counter), by `provider`, `state` (`ok`,
 *   `degraded`, `blocked`, `error`) and `mutation` (`none`, `full`, `delta`);
 * - `run.state` (gauge): 1 for the state the provider's last run ended in, 0 for the others, by
 *   `provider` and `state`, to alert on `state="blocked"`;
 * - `findings` (gauge): the last run's findings by `provider` and `severity`; a run with nothing
 *   to apply leaves it as it was (such a run does not validate again);
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
      }
    },
    recordError(provider, seconds) {
      ended(provider, 'error', 'none', seconds);
    },
  };
}
