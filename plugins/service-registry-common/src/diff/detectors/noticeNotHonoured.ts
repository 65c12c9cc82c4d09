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

/**
 * `notice-not-honoured`: the service has provider-side breaking changes, its
 * `governance.break_changes_notice` asks for N days of notice, and its `deprecation_date` (the
 * announcement) is absent or less than N days before today. Reads head, or base for a removed
 * service.
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
  let problem: string;
  if (announced === undefined) {
    problem = `no deprecation_date announces it`;
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
  }
  const earliest =
    announced === undefined
      ? `announce it with deprecation_date and wait ${notice} days`
      : `wait until ${addDays(announced, notice)}`;
  return [
    {
      kind: 'notice-not-honoured',
      service: id,
      message: `Service "${id}" requires ${notice} days of notice before breaking changes (governance.break_changes_notice), but ${problem}; breaking changes here: ${changes}. ${
        earliest.charAt(0).toUpperCase() + earliest.slice(1)
      } before merging, or get the approvers to waive the notice.`,
      position:
        keyPosition(service, 'governance.break_changes_notice') ??
        service.source,
    },
  ];
}
