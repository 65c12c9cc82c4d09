import {
  LoadedRegistry,
  RegistryFinding,
  RegistryService,
} from '../model/types';
import { quoted } from './findings';
import { ValidationContext } from './types';

/**
 * A project's override of a global service, as validation checks it: the project's view (the
 * global declaration merged with the override, the project winning) next to the global one.
 */
export interface OverrideView {
  /** The project that declares the override. */
  project: string;
  /** The project's view of the service (`registry.overrides`). */
  view: RegistryService;
  /** The global declaration it overrides. */
  global: RegistryService;
}

const views = new WeakMap<LoadedRegistry, OverrideView[]>();

/**
 * Every project view of an overridden global service, by project then service id; listed once
 * per registry (only overridden services have a view).
 *
 * @param ctx - the validation context
 */
export function overrideViews(ctx: ValidationContext): OverrideView[] {
  let list = views.get(ctx.registry);
  if (!list) {
    list = [];
    for (const project of [...ctx.registry.overrides.keys()].sort()) {
      const byId = ctx.registry.overrides.get(project)!;
      for (const id of [...byId.keys()].sort()) {
        const global = ctx.registry.services.get(id);
        if (global) list.push({ project, view: byId.get(id)!, global });
      }
    }
    views.set(ctx.registry, list);
  }
  return list;
}

/**
 * What a check of one service returns when it finds nothing (shared: checks run on every service).
 */
export const NO_FINDINGS: readonly RegistryFinding[] = Object.freeze([]);

/** Findings equal in code and message say the same thing. */
export function findingKey(finding: RegistryFinding): string {
  return `${finding.code}\u0000${finding.message}`;
}

/**
 * A finding raised by a project's override, as the user sees it: about the project, prefixed with
 * it, at the override (its header when the finding's place is not in the override's file).
 *
 * @param finding - the finding as the rule made it for the view
 * @param view - the project's view of the service
 * @param project - the project
 */
export function asOverrideFinding(
  finding: RegistryFinding,
  view: RegistryService,
  project: string,
): RegistryFinding {
  const place =
    finding.file === view.source.file
      ? finding
      : {
          file: view.source.file,
          line: view.source.line,
          column: view.source.column,
        };
  return {
    ...finding,
    message: `In project ${quoted(project)}: ${finding.message}`,
    file: place.file,
    line: place.line,
    column: place.column,
    project,
  };
}

/**
 * Runs a check of one service on every service of the registry, then on every project view of an
 * overridden global service (see {@link overrideViews}). A view adds only what its override
 * changes: a finding the global declaration raises too (same code and message) is not repeated;
 * the others are reported at the override (see {@link asOverrideFinding}).
 *
 * @param ctx - the validation context
 * @param check - the findings about one service (or project view of one); {@link NO_FINDINGS} for none
 */
export function checkServicesAndViews(
  ctx: ValidationContext,
  check: (service: RegistryService) => readonly RegistryFinding[],
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const ofOverridden = new Map<string, readonly RegistryFinding[]>();
  const overrides = ctx.registry.overrides.size > 0;
  for (const service of ctx.services) {
    const found = check(service);
    for (let i = 0; i < found.length; i++) findings.push(found[i]);
    if (overrides && service.overriddenBy.length > 0) {
      ofOverridden.set(service.id, found);
    }
  }
  if (!overrides) return findings;
  for (const { project, view, global } of overrideViews(ctx)) {
    const found = check(view);
    if (found.length === 0) continue;
    const inherited = new Set(
      (ofOverridden.get(global.id) ?? []).map(findingKey),
    );
    for (const finding of found) {
      if (!inherited.has(findingKey(finding))) {
        findings.push(asOverrideFinding(finding, view, project));
      }
    }
  }
  return findings;
}
