import {
  RegistryProject,
  RegistryService,
  ServiceMonitoring,
  SourcePosition,
} from '../model/types';
import {
  CheckContext,
  checkField,
  checkFieldAt,
  checkTable,
  checkUnknownFields,
  FieldSpec,
  isTable,
  reportRecordNotATable,
} from './fieldCheck';
import { pathInMessage } from './controlCharacterPattern';
import { joinKeyPath, tomlBasicString } from './keyPath';
import { countSpec, durationSpec, percentSpec, tierSpec } from './fieldSpecs';
import {
  fileStart,
  lazyRecordPositions,
  lazyTopLevelPositions,
  positionIndex,
} from './filePositions';
import { LAZY_POSITIONS } from './lazy';
import { FindingCollector } from './loadState';
import { ParsedTomlFile } from './parseToml';

const MONITORING_FILE_KEYS: ReadonlySet<string> = new Set([
  'monitoring',
  'service',
]);
const MONITORING_SERVICE_KEYS: ReadonlySet<string> = new Set([
  'metrics',
  'alerts',
]);

/**
 * The metrics of `[service.<id>.metrics]` whose type is known (percentages, durations, counts),
 * by key. Other metric keys are free-form.
 */
export const MONITORING_METRIC_SPECS: ReadonlyMap<
  string,
  FieldSpec<number>
> = new Map([
  ['availability_threshold', percentSpec],
  ['availability_check_interval', durationSpec],
  ['response_time_p50', durationSpec],
  ['response_time_p95', durationSpec],
  ['response_time_p99', durationSpec],
  ['error_rate_threshold', percentSpec],
  ['cpu_threshold', percentSpec],
  ['memory_threshold', percentSpec],
  ['disk_threshold', percentSpec],
  ['active_users_threshold', countSpec],
]);

const METRICS_PATH = ['metrics'] as const;

/** Checks the known metrics of a `metrics` table at their keys. */
function checkMetrics(ctx: CheckContext, metrics: Record<string, unknown>) {
  for (const [key, spec] of MONITORING_METRIC_SPECS) {
    checkFieldAt(ctx, metrics[key], METRICS_PATH, key, spec);
  }
}

/**
 * Reads a project's `monitoring.toml`: `[monitoring.<project>]` settings go on the project,
 * `[service.<id>.metrics|alerts]` on the service (and on the project's override view of it).
 * Checks the `level` (one of the tiers) and the type of the known metrics (see
 * {@link MONITORING_METRIC_SPECS}) at their keys, and reports a `monitoring`, `service`, project
 * settings or service entry that is not a table (`schema/invalid-type`, at the key; the value is
 * ignored); comparing thresholds with the service's SLA is the `monitoringLooserThanSla`
 * validation rule's.
 *
 * @param file - the parsed monitoring file
 * @param project - the project it belongs to
 * @param services - every service by id
 * @param overrides - the project's override views, by service id
 * @param collector - receives findings
 * @param unread - the services that files not loaded (that do not parse) declare, by id: their
 *   monitoring is not reported as monitoring of an undeclared service
 */
export function attachMonitoring(
  file: ParsedTomlFile,
  project: RegistryProject,
  services: Map<string, RegistryService>,
  overrides: Map<string, RegistryService> | undefined,
  collector: FindingCollector,
  unread?: ReadonlyMap<string, SourcePosition>,
): void {
  const about = { project: project.id };
  const index = positionIndex(file);
  const top = collector.context(
    // the folder name is the project id, which may hold control characters
    pathInMessage(file.path),
    lazyTopLevelPositions(file),
    fileStart(file.path),
    about,
  );
  checkUnknownFields(top, file.table, MONITORING_FILE_KEYS, []);
  const settings = checkTable(top, file.table.monitoring, ['monitoring']) ?? {};
  for (const key of Object.keys(settings)) {
    if (key === project.id) continue;
    collector.add(
      'warning',
      'project/id-mismatch',
      `[monitoring.${joinKeyPath([
        key,
      ])}] is in the folder of project ${tomlBasicString(
        project.id,
      )}; rename it to [monitoring.${joinKeyPath([
        project.id,
      ])}] or move it to projects/${joinKeyPath([key])}/monitoring.toml.`,
      index.recordSource('monitoring', key) ?? fileStart(file.path),
      about,
    );
  }
  const own = settings[project.id];
  if (own !== undefined && (!isTable(own) || own.level !== undefined)) {
    const ctx = collector.context(
      `Monitoring of project ${tomlBasicString(project.id)}`,
      lazyRecordPositions(index, 'monitoring', project.id),
      index.recordSource('monitoring', project.id) ?? fileStart(file.path),
      about,
      false,
      ['monitoring', project.id],
    );
    if (!isTable(own)) {
      reportRecordNotATable(
        ctx,
        { file: file.path, kind: 'monitoring', id: project.id },
        "the project's monitoring settings",
        `write [monitoring.${joinKeyPath([project.id])}] with its level`,
        own,
      );
    } else {
      // the levels are the tiers: critical, high, medium, low
      checkField(ctx, own.level, ['level'], tierSpec);
    }
  }
  project.monitoring = {
    settings: isTable(own) ? own : {},
    raw: file.table,
    file: file.path,
  };

  const table = checkTable(top, file.table.service, ['service']) ?? {};
  for (const [id, value] of Object.entries(table)) {
    const source = index.recordSource('service', id) ?? fileStart(file.path);
    const positions = lazyRecordPositions(index, 'service', id);
    const ctx = collector.context(
      `Monitoring of ${tomlBasicString(id)}`,
      positions,
      source,
      {
        service: id,
        project: project.id,
      },
      false,
      ['service', id],
    );
    const service = services.get(id);
    if (!service && !unread?.has(id)) {
      collector.add(
        'warning',
        'registry/unknown-service',
        `${pathInMessage(file.path)} monitors service ${tomlBasicString(
          id,
        )}, which is not declared; declare it in ${pathInMessage(
          `projects/${project.id}/services.toml`,
        )} (or services/catalog.toml), or remove its monitoring.`,
        source,
        { service: id, project: project.id },
      );
    }
    if (!isTable(value)) {
      const key = joinKeyPath([id]);
      reportRecordNotATable(
        ctx,
        { file: file.path, kind: 'service', id },
        'monitoring',
        `write its metrics as [service.${key}.metrics] and its alerts as [service.${key}.alerts]`,
        value,
      );
      continue;
    }
    checkUnknownFields(ctx, value, MONITORING_SERVICE_KEYS, []);
    const metrics = checkTable(ctx, value.metrics, ['metrics']);
    if (metrics) checkMetrics(ctx, metrics);
    const monitoring: ServiceMonitoring = {
      project: project.id,
      metrics,
      alerts: checkTable(ctx, value.alerts, ['alerts']),
      raw: value,
      source,
    };
    LAZY_POSITIONS.define(monitoring, positions);
    if (!service) continue;
    service.monitoring.push(monitoring);
    const view = overrides?.get(id);
    if (view && view !== service) view.monitoring.push(monitoring);
  }
}
