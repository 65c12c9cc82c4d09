import { RegistryFinding, RegistryService } from '../../model/types';
import { declaredPosition } from '../declaredPosition';
import {
  aboutService,
  makeFinding,
  quoted,
  serviceLabel,
  tableHeader,
} from '../findings';
import { checkServicesAndViews, NO_FINDINGS } from '../projectViews';
import { ValidationContext } from '../types';

function check(
  service: RegistryService,
  suggested: readonly string[],
): readonly RegistryFinding[] {
  if (service.effectiveTier !== 'critical' || service.status === 'retired') {
    return NO_FINDINGS;
  }
  const approvers = service.governance?.approvers ?? [];
  // a blank entry names no one
  if (approvers.some(approver => approver.trim() !== '')) return NO_FINDINGS;
  const inherited = service.tier === undefined && service.project;
  const example = `approvers = [${(suggested.length > 0
    ? suggested
    : ['@owning-team']
  )
    .map(a => JSON.stringify(a))
    .join(', ')}]`;
  const header = tableHeader('service', service.id, 'governance');
  // a governance table without approvers that name someone (the loader leaves blank entries out,
  // reporting each) is completed, not added
  const fix = service.governance
    ? `: write the approvers in ${header}, e.g. ${example},`
    : `: add ${header} with ${example}`;
  return [
    makeFinding(
      'error',
      'policy/critical-without-approvers',
      `${serviceLabel(service.id)} is critical${
        inherited ? ` (tier of project ${quoted(service.project!)})` : ''
      } but names no approvers${fix} so that changes to it are reviewed.`,
      declaredPosition(service, 'governance.approvers', 'governance', 'tier'),
      aboutService(service),
    ),
  ];
}

/**
 * `policy/critical-without-approvers` (error): a service whose effective tier is critical (its own,
 * or its project's) with no `governance.approvers` (blank entries name no one); for a project's
 * view of an overridden service, when the override (or the project's tier) causes it. Retired
 * services are not checked.
 *
 * @param ctx - the validation context
 */
export function criticalWithoutApprovers(
  ctx: ValidationContext,
): RegistryFinding[] {
  const suggested =
    ctx.registry.policies.changeControl?.breakingChangesRequire ?? [];
  return checkServicesAndViews(ctx, service => check(service, suggested));
}
