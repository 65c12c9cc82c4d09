import { computeConsumers } from '../../graph/computeConsumers';
import { classifyRegistryFile } from '../../load/classifyFile';
import {
  LoadedRegistry,
  RegistryFinding,
  RegistryService,
} from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import { aboutService, listIds, makeFinding, serviceLabel } from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { isRetired, runningGraphOf } from '../../graph/runningGraphOf';
import { ValidationContext } from '../types';

function difference(a: readonly string[], b: ReadonlySet<string>): string[] {
  return [...new Set(a.filter(x => !b.has(x)))].sort();
}

function mismatch(
  service: RegistryService,
  key: string,
  what: string,
  extra: string[],
  unlisted: string[],
  retired: string[],
): RegistryFinding {
  const parts: string[] = [];
  if (extra.length > 0) {
    const why =
      retired.length === 0
        ? ''
        : ` (${listIds(retired)} ${
            retired.length === 1 ? 'is' : 'are'
          } retired: a retired service depends on nothing)`;
    parts.push(
      `declared but not depending on it in the registry: ${listIds(
        extra,
      )}${why}`,
    );
  }
  if (unlisted.length > 0) {
    parts.push(`depending on it but not declared: ${listIds(unlisted)}`);
  }
  return makeFinding(
    'warning',
    'policy/consumers-mismatch',
    `${serviceLabel(
      service.id,
    )}: consumers.${key} does not match the dependency graph (${what}) — ${parts.join(
      '; ',
    )}. Update consumers.${key}, or the consumers' dependencies, so that they agree.`,
    declaredPosition(service, `consumers.${key}`, 'consumers'),
    aboutService(service),
  );
}

/**
 * The consumers the registry cannot tell about, as they are declared in files that did not load:
 * the services a file that does not parse declares (`unreadServices`), and the projects whose
 * `services.toml` did not load (neither parsed nor read for its size).
 */
function unknownConsumers(registry: LoadedRegistry): {
  services: ReadonlySet<string>;
  projects: ReadonlySet<string>;
} {
  const projects = new Set<string>();
  for (const file of registry.failedFiles) {
    const kind = classifyRegistryFile(file);
    if (kind.kind === 'project' && kind.file === 'services') {
      projects.add(kind.project);
    }
  }
  return {
    services: new Set(registry.unreadServices?.keys()),
    projects,
  };
}

function check(
  ctx: ValidationContext,
  service: RegistryService,
  unknown: ReturnType<typeof unknownConsumers>,
): readonly RegistryFinding[] {
  const declared = service.raw.consumers;
  if (declared === undefined || declared === null) return NO_FINDINGS;
  const table = declared as Record<string, unknown>;
  const real = computeConsumers(
    runningGraphOf(ctx.registry, ctx.graph),
    service.id,
  );
  // each declared list: what it should hold (required uses), and what it may hold (any use)
  const lists = [
    {
      key: 'projects',
      what: 'projects whose services depend on it',
      listed: service.consumers.projects,
      required: real.projects,
      optional: real.optionalProjects,
      unknown: unknown.projects,
    },
    {
      key: 'required_by',
      what: 'services that require it',
      listed: service.consumers.requiredBy,
      required: real.requiredBy,
      optional: real.optionalFor,
      unknown: unknown.services,
    },
  ];
  const findings: RegistryFinding[] = [];
  for (const list of lists) {
    if (table[list.key] === undefined) continue;
    const uses = new Set([...list.required, ...list.optional]);
    // a consumer whose file did not load may depend on it: the graph cannot say it does not
    const extra = difference(list.listed, uses).filter(
      id => !list.unknown.has(id),
    );
    const unlisted = difference(list.required, new Set(list.listed));
    if (extra.length > 0 || unlisted.length > 0) {
      // declared services that are retired: why the graph does not count them
      const retired =
        list.key === 'required_by'
          ? extra.filter(id => isRetired(ctx.registry.services.get(id)))
          : [];
      findings.push(
        mismatch(service, list.key, list.what, extra, unlisted, retired),
      );
    }
  }
  return findings;
}

/**
 * `policy/consumers-mismatch` (warning): declared `consumers.projects` / `consumers.required_by`
 * that the dependency graph contradicts, listing what is declared but not real and what is real
 * but not declared. Only services that declare the list are checked; an optional use counts as a
 * real use of a declared consumer but is not required to be declared. The lists describe the
 * whole registry: a project's override that declares other lists is compared with the same graph.
 * Retired consumers do not count (see `runningGraphOf`): a retired service (or a project whose
 * services using it are all retired) need not be declared, and one declared is reported as not
 * depending on it, saying it is retired; a global service a project's override retires still
 * counts, as it runs elsewhere. A declared consumer whose file did not load (a service a file
 * that does not parse declares, a project whose `services.toml` did not load) is not reported as
 * not depending on it: the graph cannot see its dependencies, and the file's own error is what
 * is wrong.
 *
 * @param ctx - the validation context
 */
export function consumersMismatch(ctx: ValidationContext): RegistryFinding[] {
  const unknown = unknownConsumers(ctx.registry);
  return checkServicesAndViews(ctx, service => check(ctx, service, unknown));
}
