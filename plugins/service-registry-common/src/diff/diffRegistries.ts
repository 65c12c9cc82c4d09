import { dependencyGraphOf } from '../graph/dependencyGraphOf';
import { computeImpact } from '../graph/computeImpact';
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
import { fieldChanges } from './fieldChanges';
import {
  BreakingChange,
  BreakingChangeDetector,
  DiffContext,
  DiffOptions,
  FieldChange,
  RegistryDiff,
  ServiceChange,
  ServiceImpactSummary,
} from './types';

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
    const { impact } = list[0];
    return {
      service,
      kinds: [...new Set(list.map(c => c.kind))],
      affectedServices: impact.counts.services,
      directConsumers: impact.counts.direct,
      affectedProjects: impact.projects,
      approvers: [...new Set(list.flatMap(c => c.approvers))],
    };
  });
}

/**
 * Compares two versions of a registry (e.g. the main branch and a pull request): services added,
 * removed and changed field by field, and the breaking changes (see {@link BreakingChangeKind}),
 * each with its impact on the base graph (who depended on the service before the change) and
 * the approvers it needs. Deterministic; never throws on registry content.
 *
 * @param base - the registry before
 * @param head - the registry after
 * @param options - `today` (`YYYY-MM-DD`, default today in UTC) for notice periods
 * @throws TypeError when `options.today` is not a `YYYY-MM-DD` date
 * @public
 */
export function diffRegistries(
  base: LoadedRegistry,
  head: LoadedRegistry,
  options: DiffOptions = {},
): RegistryDiff {
  const ctx: DiffContext = {
    base,
    head,
    baseGraph: dependencyGraphOf(base),
    headGraph: dependencyGraphOf(head),
    today: resolveToday(options.today),
  };
  const ids = [
    ...new Set([...base.services.keys(), ...head.services.keys()]),
  ].sort();
  const diff: RegistryDiff = {
    added: [],
    removed: [],
    changed: [],
    breakingChanges: [],
    impactByService: [],
  };
  for (const id of ids) {
    const inBase = base.services.has(id);
    const inHead = head.services.has(id);
    if (!inBase) diff.added.push(id);
    else if (!inHead) diff.removed.push(id);
    else {
      const change = serviceChange(ctx, id);
      if (change) diff.changed.push(change);
    }
    if (!inBase) continue;
    const drafts = BREAKING_CHANGE_DETECTORS.flatMap(detect => detect(ctx, id));
    drafts.push(...noticeNotHonoured(ctx, id, drafts));
    if (drafts.length === 0) continue;
    const impact = computeImpact(ctx.baseGraph, id);
    const approvers = approversFor(ctx, id, impact);
    const project = (head.services.get(id) ?? base.services.get(id))?.project;
    for (const draft of drafts) {
      diff.breakingChanges.push({
        ...draft,
        ...(project !== undefined ? { project } : {}),
        impact,
        affectedProjects: impact.projects,
        approvers,
      });
    }
  }
  diff.impactByService = summarize(diff.breakingChanges);
  return diff;
}
