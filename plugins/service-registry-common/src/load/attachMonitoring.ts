import {
  RegistryProject,
  RegistryService,
  ServiceMonitoring,
} from '../model/types';
import { checkTable, checkUnknownFields, isTable } from './fieldCheck';
import {
  fileStart,
  lazyRecordPositions,
  lazyTopLevelPositions,
  positionIndex,
} from './filePositions';
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
 * Reads a project's `monitoring.toml`: `[monitoring.<project>]` settings go on the project,
 * `[service.<id>.metrics|alerts]` on the service (and on the project's override view of it).
 *
 * @param file - the parsed monitoring file
 * @param project - the project it belongs to
 * @param services - every service by id
 * @param overrides - the project's override views, by service id
 * @param collector - receives findings
 */
export function attachMonitoring(
  file: ParsedTomlFile,
  project: RegistryProject,
  services: Map<string, RegistryService>,
  overrides: Map<string, RegistryService> | undefined,
  collector: FindingCollector,
): void {
  const about = { project: project.id };
  const index = positionIndex(file);
  const top = collector.context(
    file.path,
    lazyTopLevelPositions(file),
    fileStart(file.path),
    about,
  );
  checkUnknownFields(top, file.table, MONITORING_FILE_KEYS, []);
  const settings = isTable(file.table.monitoring) ? file.table.monitoring : {};
  for (const key of Object.keys(settings)) {
    if (key === project.id) continue;
    collector.add(
      'warning',
      'project/id-mismatch',
      `[monitoring.${key}] is in the folder of project "${project.id}"; rename it to [monitoring.${project.id}] or move it to projects/${key}/monitoring.toml.`,
      index.recordSource('monitoring', key) ?? fileStart(file.path),
      about,
    );
  }
  const own = settings[project.id];
  project.monitoring = {
    settings: isTable(own) ? own : {},
    raw: file.table,
    file: file.path,
  };

  const table = isTable(file.table.service) ? file.table.service : {};
  for (const [id, value] of Object.entries(table)) {
    const source = index.recordSource('service', id) ?? fileStart(file.path);
    const ctx = collector.context(
      `Monitoring of "${id}"`,
      lazyRecordPositions(index, 'service', id),
      source,
      {
        service: id,
        project: project.id,
      },
    );
    if (!isTable(value)) continue;
    checkUnknownFields(ctx, value, MONITORING_SERVICE_KEYS, []);
    const monitoring: ServiceMonitoring = {
      project: project.id,
      metrics: checkTable(ctx, value.metrics, ['metrics']),
      alerts: checkTable(ctx, value.alerts, ['alerts']),
      raw: value,
      source,
    };
    const service = services.get(id);
    if (!service) {
      collector.add(
        'warning',
        'registry/unknown-service',
        `${file.path} monitors service "${id}", which is not declared; declare it in projects/${project.id}/services.toml (or services/catalog.toml), or remove its monitoring.`,
        source,
        { service: id, project: project.id },
      );
      continue;
    }
    service.monitoring.push(monitoring);
    const view = overrides?.get(id);
    if (view && view !== service) view.monitoring.push(monitoring);
  }
}
