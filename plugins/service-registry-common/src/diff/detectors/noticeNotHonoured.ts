import { addDays, daysBetween } from '../../model/units';
import { plural } from '../../report/markdownText';
import { changeNoticeOf } from '../changeNotice';
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
 * `notice-not-honoured`: the service has provider-side breaking changes, it is owed a notice
 * period ({@link changeNoticeOf}: its `governance.break_changes_notice` of N days, or the
 * lifecycle's notice for a beta service), and its `deprecation_date` (the announcement) is absent
 * or less than N days before today. Reads head, or base for a removed service. A removal or
 * retirement is to be announced with `deprecation_date`; a change that keeps the service (a port, a
 * major version, a raised `compat_version_min`) is not advised to set one, which would make the
 * service due for deprecation (`lifecycle/deprecation-date-passed`): the registry records no other
 * announcement, so its consumers are to be told outside of it and the approvers confirm (or waive)
 * the notice.
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
  const notice = changeNoticeOf(before, after, {
    base: ctx.base.policies,
    head: ctx.head.policies,
  });
  if (!notice) return [];
  const days = notice.days;
  const announced = after?.deprecationDate ?? before?.deprecationDate;
  const changes = [...new Set(kinds)].join(', ');
  const removes = kinds.some(kind => REMOVAL_KINDS.has(kind));
  let problem: string;
  let advice: string;
  if (announced === undefined) {
    problem = removes
      ? 'no deprecation_date announces it'
      : 'the registry records no announcement of it (a deprecation_date announces a deprecation, not this change)';
    advice = removes
      ? `Announce it with deprecation_date and wait ${plural(
          days,
          'day',
        )} before merging, or get the approvers to waive the notice.`
      : `Tell its consumers ${plural(
          days,
          'day',
        )} before merging; the approvers confirm that they were told, or waive the notice.`;
  } else {
    const elapsed = daysBetween(announced, ctx.today);
    if (elapsed >= days) return [];
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
      days,
    )} before merging, or get the approvers to waive the notice.`;
  }
  return [
    {
      kind: 'notice-not-honoured',
      service: id,
      message: `Service "${id}" ${notice.requirement}, but ${problem}; breaking changes here: ${changes}. ${advice}`,
      position: notice.position,
    },
  ];
}
