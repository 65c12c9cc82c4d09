import { dependencyGraphOf } from '../graph/dependencyGraphOf';
import { ImpactReport } from '../graph/types';
import { LoadedRegistry } from '../model/types';
import { resolveToday } from '../validation/dates';
import { approversFor } from './approvers';
import { compatMinRaised } from './detectors/compatMinRaised';
import { dependencyRemoved } from './detectors/dependencyRemoved';
import { majorVersionBump } from './detectors/majorVersionBump';
import { noticeNotHonoured } from './detectors/noticeNotHonoured';
import { portChanged } from './detectors/portChanged';
import { serviceRemoved } from './detectors/serviceRemoved';
import { serviceRetired } from './detectors/serviceRetired';
import { changeImpact } from './changeImpact';
import { slaImpactsOf } from './slaImpacts';
import { policyChangesOf } from './policyChanges';
import { projectChangesOf } from './projectChanges';
import { featureReleasesOf } from './featureReleases';
import { fieldChanges } from './fieldChanges';
import { migrationGuideOf, needsMigrationGuide } from './migrationGuideOf';
import { headAsInBase } from './headAsInBase';
import { hideCredentialIds } from './hideCredentialIds';
import { requiredApprovalsOf } from './requiredApprovals';
import { mergeOptionalConsumers, optionalConsumers } from './optionalConsumers';
import {
  globalScope,
  overridingProjects,
  projectScope,
  viewInherits,
} from './overrideScopes';
import {
  BreakingChange,
  BreakingChangeDetector,
  BreakingChangeDraft,
  BreakingChangeKind,
  DiffContext,
  DiffOptions,
  FieldChange,
  RegistryDiff,
  ServiceChange,
  ServiceImpactSummary,
} from './types';
import { uniqueApprovers } from './uniqueApprovers';
import { viewChange } from './viewChange';

/**
 * The breaking change detectors, in the order their findings are listed for a service.
 *
 * @public
 */
export const BREAKING_CHANGE_DETECTORS: readonly BreakingChangeDetector[] = [
  serviceRemoved,
  serviceRetired,
  portChanged,
  majorVersionBump,
  compatMinRaised,
  dependencyRemoved,
];

function serviceChange(
  ctx: DiffContext,
  id: string,
): ServiceChange | undefined {
  const before = ctx.base.services.get(id)!;
  const after = ctx.head.services.get(id)!;
  const changes: FieldChange[] = fieldChanges(before.raw, after.raw);
  if (before.project !== after.project) {
    const moved: FieldChange = { path: 'project' };
    if (before.project !== undefined) moved.before = before.project;
    if (after.project !== undefined) moved.after = after.project;
    changes.unshift(moved);
  }
  if (changes.length === 0) return undefined;
  return after.project === undefined
    ? { service: id, changes }
    : { service: id, project: after.project, changes };
}

function summarize(changes: BreakingChange[]): ServiceImpactSummary[] {
  const byService = new Map<string, BreakingChange[]>();
  for (const change of changes) {
    const list = byService.get(change.service) ?? [];
    list.push(change);
    byService.set(change.service, list);
  }
  return [...byService.keys()].sort().map(service => {
    const list = byService.get(service)!;
    const depth = new Map<string, number>();
    for (const { impact } of list) {
      for (const affected of impact.services) {
        depth.set(
          affected.id,
          Math.min(affected.depth, depth.get(affected.id) ?? Infinity),
        );
      }
    }
    return {
      service,
      kinds: [...new Set(list.map(c => c.kind))],
      affectedServices: depth.size,
      directConsumers: [...depth.values()].filter(d => d === 1).length,
      affectedProjects: [
        ...new Set(list.flatMap(c => c.affectedProjects)),
      ].sort(),
      approvers: uniqueApprovers(list.flatMap(c => c.approvers)),
    };
  });
}

/** The breaking changes the detectors find in a context, with their impact and approvers. */
function breakingChanges(
  ctx: DiffContext,
  id: string,
  keep: (draft: BreakingChangeDraft) => boolean = () => true,
): Array<Omit<BreakingChange, 'project'>> {
  const found = BREAKING_CHANGE_DETECTORS.flatMap(detect => detect(ctx, id));
  const drafts = found.filter(keep);
  // a view owes its own notice (a beta override of a ga service) for the changes it inherits too
  const notice = noticeNotHonoured(ctx, id, found).filter(keep);
  if (drafts.length + notice.length === 0) return [];
  const impacts = new Map<string, ImpactReport>();
  const impactOf = (kinds: BreakingChangeKind[]) => {
    const key = ctx.scope ? kinds.join(',') : '';
    let impact = impacts.get(key);
    if (!impact) {
      impact = changeImpact(ctx, id, kinds);
      impacts.set(key, impact);
    }
    return impact;
  };
  const providerKinds = found.map(d => d.kind);
  const guide = migrationGuideOf(ctx, id);
  const optional = drafts.map(
    draft =>
      draft.optionalConsumers ?? optionalConsumers(ctx, id, [draft.kind]),
  );
  return [...drafts, ...notice].map((draft, i) => {
    const impact = impactOf(
      draft.kind === 'notice-not-honoured' ? providerKinds : [draft.kind],
    );
    const change: Omit<BreakingChange, 'project'> = {
      ...draft,
      impact,
      affectedProjects: impact.projects,
      optionalConsumers:
        i < drafts.length ? optional[i] : mergeOptionalConsumers(optional),
      approvers: approversFor(ctx, id, impact),
    };
    if (needsMigrationGuide(draft.kind) && guide !== undefined) {
      change.migrationGuide = guide;
    }
    return change;
  });
}

/** A breaking change of a project's view, as its project reads it: at the override, named. */
function inProject(
  ctx: DiffContext,
  id: string,
  project: string,
  change: Omit<BreakingChange, 'project'>,
): BreakingChange {
  // the override in head; in base when head drops it (the view reverts to the global one)
  const override =
    ctx.head.overrides.get(project)?.get(id) ??
    ctx.base.overrides.get(project)?.get(id);
  const position =
    override && change.position.file !== override.source.file
      ? override.source
      : change.position;
  return {
    ...change,
    project,
    override: true,
    message: `In project "${project}": ${change.message}`,
    position,
  };
}

/**
 * Compares two versions of a registry (e.g. the main branch and a pull request): services added,
 * removed and changed field by field, and the breaking changes (see {@link BreakingChangeKind}),
 * each with its impact on the base graph (who required the service before the change and still
 * does after it), the consumers that use it optionally (listed apart, in `optionalConsumers`) and
 * the approvers it needs. Project views of overridden global services are compared too: what an
 * override changes is a change of that project's view (`override` in `changed`, `project` on the
 * breaking change), affecting that project's consumers (its own services, and its overrides of
 * global consumers); a global change a view merely inherits is listed once, on the global
 * service, with the consumers of the projects that see it. Each consumer counts as the project it
 * is used in sees it; a consumer retired in base or in head counts as none (a retired service
 * consumes nothing: it is neither a consumer nor an affected service). Apart from the breaking changes, `slaImpacts` lists the consumed services
 * whose SLA gets weaker than what consumers requiring them promise (see `SlaImpact`),
 * `projectChanges` the changed declarations of the projects both have (a changed tier with the
 * services that take it), `policyChanges` the changed keys of the policies, `featureReleases` the minor or major
 * releases of services in maintenance or deprecated (see `FeatureRelease`), and
 * `requiredApprovals` who must approve the change by the policies' `[change_control]` (see
 * `ApprovalReasonKind`). A file of head that contributed nothing (it does not parse, or was not
 * read for its size) is compared as base has it, as the catalog keeps its last good version:
 * what it declares is not reported as removed or changed and brings no breaking change, SLA
 * impact or approval; `unreadHeadFiles` says so (see `UnreadHeadFile`), while the file's finding
 * stays one of head. A service or project whose id holds a credential of a well-known form (a token
 * pasted as an id) is named `(hidden)` throughout (see `hideCredentialIds`). Deterministic; never
 * throws on registry content.
 *
 * @param base - the registry before
 * @param head - the registry after (left as it is)
 * @param options - `today` (`YYYY-MM-DD`, default today in UTC) for notice periods
 * @throws TypeError when `options.today` is not a `YYYY-MM-DD` date
 * @public
 */
export function diffRegistries(
  base: LoadedRegistry,
  head: LoadedRegistry,
  options: DiffOptions = {},
): RegistryDiff {
  // what head could not read is compared as in base, as the catalog keeps its last good version
  const { head: after, unread } = headAsInBase(base, head);
  const ctx: DiffContext = {
    base,
    head: after,
    baseGraph: dependencyGraphOf(base),
    headGraph: dependencyGraphOf(after),
    today: resolveToday(options.today),
  };
  const ids = [
    ...new Set([...base.services.keys(), ...after.services.keys()]),
  ].sort();
  const diff: RegistryDiff = {
    added: [],
    removed: [],
    changed: [],
    projectChanges: projectChangesOf(base, after),
    policyChanges: policyChangesOf(base, after),
    featureReleases: [],
    breakingChanges: [],
    impactByService: [],
    slaImpacts: [],
    requiredApprovals: [],
    unreadHeadFiles: unread,
  };
  for (const id of ids) {
    const inBase = base.services.has(id);
    const inHead = after.services.has(id);
    // projects overriding a global service: their views are compared too
    const projects = overridingProjects(base, after, id);
    let globalChanges: FieldChange[] = [];
    if (!inBase) diff.added.push(id);
    else if (!inHead) diff.removed.push(id);
    else {
      const change = serviceChange(ctx, id);
      if (change) {
        diff.changed.push(change);
        globalChanges = change.changes;
      }
    }
    for (const project of projects) {
      const change = viewChange(ctx, id, project, globalChanges);
      if (change) diff.changed.push(change);
    }
    if (!inBase) continue;
    if (inHead) diff.slaImpacts.push(...slaImpactsOf(ctx, id));
    const project = (after.services.get(id) ?? base.services.get(id))?.project;
    const global =
      projects.length > 0
        ? { ...ctx, scope: globalScope(ctx, id, projects) }
        : ctx;
    for (const change of breakingChanges(global, id)) {
      diff.breakingChanges.push(
        project !== undefined ? { ...change, project } : change,
      );
    }
    for (const viewProject of projects) {
      const scoped = { ...ctx, scope: projectScope(viewProject) };
      const own = (draft: BreakingChangeDraft) =>
        !viewInherits(ctx, id, viewProject, draft.kind);
      for (const change of breakingChanges(scoped, id, own)) {
        diff.breakingChanges.push(inProject(ctx, id, viewProject, change));
      }
    }
  }
  diff.impactByService = summarize(diff.breakingChanges);
  diff.featureReleases = featureReleasesOf(after, diff.changed);
  diff.requiredApprovals = requiredApprovalsOf(base, after, diff);
  // a token pasted as a service id is named `(hidden)` wherever the diff names it
  return hideCredentialIds(diff);
}
