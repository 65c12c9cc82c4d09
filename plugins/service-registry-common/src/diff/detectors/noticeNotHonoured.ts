import { keyPosition } from '../../load/filePositions';
import { addDays, daysBetween } from '../../model/units';
import { comparedServices } from '../scope';
import { BreakingChangeDraft, DiffContext } from '../types';

/** Kinds that break a service's consumers (and so need the notice period). */
const PROVIDER_KINDS: ReadonlySet<string> = new Set([
  'service-removed',
  'service-retired',
  'port-changed',
  'major-version-bump',
  'compat-min-raised',
]);

/** Kinds that take the service away: a deprecation (its `deprecation_date`) announces them. */
const REMOVAL_KINDS: ReadonlySet<string> = new Set([
  'service-removed',
  'service-retired',
]);

/**
 * `notice-not-honoured`: the service has provider-side breaking changes, its
 * `governance.break_changes_notice` asks for N days of notice, and its `deprecation_date` (the
 * announcement) is absent or less than N days before today. Reads head, or base for a removed
 * service. A removal or retirement is to be announced with `deprecation_date`; a change that keeps
 * the service (a port, a major version, a raised `compat_version_min`) is not advised to set one,
 * which would make the service due for deprecation (`lifecycle/deprecation-date-passed`): the
 * registry records no other announcement, so its consumers are to be told outside of it and the
 * approvers confirm (or waive) the notice.
 *
 * @param ctx - the diff context
 * @param id - the service
 * @param drafts - the service's other breaking changes
 */
export function noticeNotHonoured(
  ctx: DiffContext,
  id: string,
  drafts: readonly BreakingChangeDraft[],
): BreakingChangeDraft[] {
  const kinds = drafts.filter(d => PROVIDER_KINDS.has(d.kind)).map(d => d.kind);
  if (kinds.length === 0) return [];
  const { before, after } = comparedServices(ctx, id);
  const service = after ?? before;
  const notice = service?.governance?.breakChangesNotice;
  if (!service || notice === undefined || notice <= 0) return [];
  const announced = service.deprecationDate ?? before?.deprecationDate;
  const changes = [...new Set(kinds)].join(', ');
  const removes = kinds.some(kind => REMOVAL_KINDS.has(kind));
  let problem: string;
  let advice: string;
  if (announced === undefined) {
    problem = removes
      ? 'no deprecation_date announces it'
      : 'the registry records no announcement of it (a deprecation_date announces a deprecation, not this change)';
    advice = removes
      ? `Announce it with deprecation_date and wait ${notice} days before merging, or get the approvers to waive the notice.`
      : `Tell its consumers ${notice} days before merging; the approvers confirm that they were told, or waive the notice.`;
  } else {
    const elapsed = daysBetween(announced, ctx.today);
    if (elapsed >= notice) return [];
    problem =
      elapsed < 0
        ? `its deprecation_date ${announced} is still ${-elapsed} day${
            elapsed === -1 ? '' : 's'
          } ahead`
        : `its deprecation_date ${announced} is only ${elapsed} day${
            elapsed === 1 ? '' : 's'
          } before today (${ctx.today})`;
    advice = `Wait until ${addDays(
      announced,
      notice,
    )} before merging, or get the approvers to waive the notice.`;
  }
  return [
    {
      kind: 'notice-not-honoured',
      service: id,
      message: `Service "${id}" requires ${notice} days of notice before breaking changes (governance.break_changes_notice), but ${problem}; breaking changes here: ${changes}. ${advice}`,
      position:
        keyPosition(service, 'governance.break_changes_notice') ??
        service.source,
    },
  ];
}
