import { joinKeyPath, KeyPathPart } from '../../load/keyPath';
import { RegistryFinding, SourcePosition } from '../../model/types';
import { makeFinding } from '../findings';
import { detectSecret } from '../secrets/detectSecret';
import { ValidationContext } from '../types';

/** One table to scan, with the positions of its keys relative to it. */
interface ScanTarget {
  subject: string;
  table: Record<string, unknown>;
  /**
   * The positions, asked for only when a secret is found: reading a service's `positions` scans
   * its file for every key position, which a registry without secrets never needs.
   */
  positions: () => Record<string, SourcePosition>;
  fallback: SourcePosition;
  about: { service?: string; project?: string };
}

function isTable(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date)
  );
}

function nearestPosition(
  target: ScanTarget,
  path: readonly KeyPathPart[],
): SourcePosition {
  const positions = target.positions();
  for (let k = path.length; k > 0; k--) {
    const found = positions[joinKeyPath(path.slice(0, k))];
    if (found) return found;
  }
  return target.fallback;
}

function scan(
  target: ScanTarget,
  seen: Set<string>,
  findings: RegistryFinding[],
): void {
  // One mutable path: copying it for every value would dominate on large registries.
  const path: KeyPathPart[] = [];
  const visit = (value: unknown, key: string) => {
    if (isTable(value)) {
      for (const child of Object.keys(value)) {
        path.push(child);
        visit(value[child], child);
        path.pop();
      }
      return;
    }
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        path.push(index);
        visit(value[index], key);
        path.pop();
      }
      return;
    }
    const kind = detectSecret(key, value);
    if (!kind) return;
    const position = nearestPosition(target, path);
    const label = joinKeyPath(path);
    const id = `${position.file}:${position.line}:${position.column}:${label}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push(
      makeFinding(
        'error',
        'security/secret-value',
        `${target.subject}: ${label} looks like ${kind} written in clear text. Never commit credentials to the registry: keep it in a secret store, write a reference instead (e.g. "\${DB_PASSWORD}" or "vault:<path>"), and rotate the exposed value since git history keeps it.`,
        position,
        target.about,
      ),
    );
  };
  for (const key of Object.keys(target.table)) {
    path.push(key);
    visit(target.table[key], key);
    path.pop();
  }
}

function fileStart(file: string): SourcePosition {
  return { file, line: 1, column: 1 };
}

function targets(ctx: ValidationContext): ScanTarget[] {
  const { registry } = ctx;
  const list: ScanTarget[] = [];
  const monitoringSources = new Map<string, Record<string, SourcePosition>>();
  const addService = (
    service: (typeof ctx.services)[number],
    project: string | undefined,
  ) => {
    const about =
      project === undefined
        ? { service: service.id }
        : { service: service.id, project };
    list.push({
      subject: `Service "${service.id}"`,
      table: service.raw,
      positions: () => service.positions,
      fallback: service.source,
      about,
    });
    for (const release of service.releases) {
      list.push({
        subject: `A release of service "${service.id}"`,
        table: release.raw,
        positions: () => ({}),
        fallback: release.source,
        about: { service: service.id },
      });
    }
    for (const monitoring of service.monitoring) {
      const byPath = monitoringSources.get(monitoring.project) ?? {};
      byPath[joinKeyPath(['service', service.id])] = monitoring.source;
      monitoringSources.set(monitoring.project, byPath);
    }
  };
  for (const service of ctx.services) addService(service, service.project);
  for (const project of [...registry.overrides.keys()].sort()) {
    const views = registry.overrides.get(project)!;
    for (const id of [...views.keys()].sort()) {
      addService(views.get(id)!, project);
    }
  }
  for (const id of [...registry.projects.keys()].sort()) {
    const project = registry.projects.get(id)!;
    list.push({
      subject: `Project "${id}"`,
      table: project.raw,
      positions: () => project.positions,
      fallback: project.source,
      about: { project: id },
    });
    if (project.deployment) {
      list.push({
        subject: project.deployment.file,
        table: project.deployment.raw,
        positions: () => project.deployment!.positions,
        fallback: fileStart(project.deployment.file),
        about: { project: id },
      });
    }
    if (project.monitoring) {
      list.push({
        subject: project.monitoring.file,
        table: project.monitoring.raw,
        positions: () => monitoringSources.get(id) ?? {},
        fallback: fileStart(project.monitoring.file),
        about: { project: id },
      });
    }
  }
  const { policies } = registry;
  if (policies.files.length > 0) {
    list.push({
      subject: 'Policies',
      table: policies.raw,
      positions: () => policies.positions,
      fallback: fileStart(policies.files[0]),
      about: {},
    });
  }
  for (const id of [...registry.patterns.keys()].sort()) {
    const pattern = registry.patterns.get(id)!;
    list.push({
      subject: `Pattern "${id}"`,
      table: pattern.raw,
      positions: () => ({}),
      fallback: pattern.source,
      about: {},
    });
  }
  return list;
}

/**
 * `security/secret-value` (error): values that look like credentials (see
 * {@link detectSecret}) anywhere in services (and project overrides), releases, projects,
 * deployments, monitoring, policies and patterns. The message names the key path and the kind
 * of credential, never the value.
 *
 * @param ctx - the validation context
 */
export function secretValues(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const seen = new Set<string>();
  for (const target of targets(ctx)) scan(target, seen, findings);
  return findings;
}
