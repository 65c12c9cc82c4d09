import { pathLabel } from '../../load/fieldCheck';
import { fileStart } from '../../load/filePositions';
import { joinKeyPath, KeyPathPart } from '../../load/keyPath';
import {
  LoadedRegistry,
  RegistryService,
  SourcePosition,
} from '../../model/types';
import { quoted, serviceLabel } from '../findings';
import { ScanTarget, SecretAttribution } from './scanTarget';

type About = SecretAttribution['about'];

const NO_POSITIONS = (): Record<string, SourcePosition> => ({});

/** Attributes every path of a record to one subject, labelled relative to it. */
function record(
  subject: string,
  about: About,
  prefix: readonly KeyPathPart[] = [],
): ScanTarget['attribute'] {
  return path => ({
    subject,
    label: pathLabel([...prefix, ...path]),
    about,
  });
}

/**
 * Attributes the paths of a whole `monitoring.toml`: `[service.<id>...]` to that service of the
 * project, the rest (`[monitoring.<project>]`) to the project.
 */
function monitoringFile(
  file: string,
  project: string,
): ScanTarget['attribute'] {
  return path => {
    if (
      path[0] === 'service' &&
      typeof path[1] === 'string' &&
      path.length > 2
    ) {
      return {
        subject: serviceLabel(path[1]),
        label: pathLabel(path.slice(2)),
        about: { service: path[1], project },
      };
    }
    return { subject: file, label: pathLabel(path), about: { project } };
  };
}

function serviceTargets(
  service: RegistryService,
  project: string | undefined,
  list: ScanTarget[],
): void {
  const about: About =
    project === undefined
      ? { service: service.id }
      : { service: service.id, project };
  list.push({
    table: service.raw,
    positions: () => service.positions,
    fallback: service.source,
    attribute: record(serviceLabel(service.id), about),
  });
  service.releases.forEach((release, index) => {
    list.push({
      table: release.raw,
      positions: NO_POSITIONS,
      fallback: release.source,
      attribute: record(serviceLabel(service.id), { service: service.id }, [
        'release',
        index,
      ]),
    });
  });
}

/**
 * The scan targets of a registry that cannot be traced to its parsed files (see
 * `sourceFilesOf`: a copy, an object built by hand), read from the model: services (and project
 * overrides) with their releases, projects, deployments, monitoring files, policies and
 * patterns. Positions are those the model keeps; where it keeps none (releases, monitoring,
 * patterns), the nearest header it knows, else the start of the file.
 *
 * @param registry - the registry
 * @param services - its services, sorted by id
 */
export function modelTargets(
  registry: LoadedRegistry,
  services: readonly RegistryService[],
): ScanTarget[] {
  const list: ScanTarget[] = [];
  // where each project's monitoring file declares each service: the headers the model keeps
  const monitoringHeaders = new Map<string, Record<string, SourcePosition>>();
  const noteMonitoring = (service: RegistryService) => {
    for (const monitoring of service.monitoring) {
      const byPath = monitoringHeaders.get(monitoring.project) ?? {};
      byPath[joinKeyPath(['service', service.id])] = monitoring.source;
      monitoringHeaders.set(monitoring.project, byPath);
    }
  };
  for (const service of services) {
    serviceTargets(service, service.project, list);
    noteMonitoring(service);
  }
  for (const project of [...registry.overrides.keys()].sort()) {
    const views = registry.overrides.get(project)!;
    for (const id of [...views.keys()].sort()) {
      serviceTargets(views.get(id)!, project, list);
    }
  }
  for (const id of [...registry.projects.keys()].sort()) {
    const project = registry.projects.get(id)!;
    list.push({
      table: project.raw,
      positions: () => project.positions,
      fallback: project.source,
      attribute: record(`Project ${quoted(id)}`, { project: id }),
    });
    const { deployment, monitoring } = project;
    if (deployment) {
      list.push({
        table: deployment.raw,
        positions: () => deployment.positions,
        fallback: fileStart(deployment.file),
        attribute: record(deployment.file, { project: id }),
      });
    }
    if (monitoring) {
      list.push({
        table: monitoring.raw,
        positions: () => monitoringHeaders.get(id) ?? {},
        fallback: fileStart(monitoring.file),
        attribute: monitoringFile(monitoring.file, id),
      });
    }
  }
  const { policies } = registry;
  if (policies.files.length > 0) {
    list.push({
      table: policies.raw,
      positions: () => policies.positions,
      fallback: fileStart(policies.files[0]),
      attribute: record('Policies', {}),
    });
  }
  for (const id of [...registry.patterns.keys()].sort()) {
    const pattern = registry.patterns.get(id)!;
    list.push({
      table: pattern.raw,
      positions: NO_POSITIONS,
      fallback: pattern.source,
      attribute: record(`Pattern ${quoted(id)}`, {}),
    });
  }
  return list;
}
