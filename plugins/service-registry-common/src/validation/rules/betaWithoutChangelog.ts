import { DEFAULT_BETA_CHANGE_NOTICE_DAYS } from '../../model/breakingChangeNotice';
import { RegistryFinding, RegistryService } from '../../model/types';
import { isTable } from '../../load/fieldCheck';
import { declaredPosition } from '../declaredPosition';
import {
  aboutService,
  makeFinding,
  serviceLabel,
  tableHeader,
} from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

/** True when the service declares a change log: any value but a blank string (a wrong type is the loader's error). */
function declaresChangeLog(service: RegistryService): boolean {
  const governance = service.raw.governance;
  if (!isTable(governance)) return false;
  const changeLog = governance.change_log;
  if (changeLog === undefined) return false;
  return typeof changeLog !== 'string' || changeLog.trim() !== '';
}

function check(service: RegistryService): readonly RegistryFinding[] {
  if (service.status !== 'beta' || declaresChangeLog(service)) {
    return NO_FINDINGS;
  }
  return [
    makeFinding(
      'warning',
      'lifecycle/beta-without-changelog',
      `${serviceLabel(
        service.id,
      )} is beta without a governance.change_log: the lifecycle requires a changelog in beta, where breaking changes come with notice (${DEFAULT_BETA_CHANGE_NOTICE_DAYS} days, unless its governance.break_changes_notice or the policies' change_control.beta_change_notice_days say otherwise) and early adopters need to follow them. Add change_log = "<link to the changelog>" under ${tableHeader(
        'service',
        service.id,
        'governance',
      )}.`,
      declaredPosition(service, 'status'),
      aboutService(service),
    ),
  ];
}

/**
 * `lifecycle/beta-without-changelog` (warning): a beta service without `governance.change_log`
 * (the lifecycle requires a changelog in beta), at its `status`; for a project's view of an
 * overridden service, when the override causes it.
 *
 * @param ctx - the validation context
 */
export function betaWithoutChangelog(
  ctx: ValidationContext,
): RegistryFinding[] {
  return checkServicesAndViews(ctx, check);
}
