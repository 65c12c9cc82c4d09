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
  if ((service.governance?.approvers.length ?? 0) > 0) return NO_FINDINGS;
  const inherited = service.tier === undefined && service.project;
  const example = suggested.length > 0 ? suggested : ['@owning-team'];
  return [
    makeFinding(
      'error',
      'policy/critical-without-approvers',
      `${serviceLabel(service.id)} is critical${
        inherited ? ` (tier of project ${quoted(service.project!)})` : ''
      } but names no approvers: add ${tableHeader(
        'service',
        service.id,
        'governance',
      )} with approvers = [${example
        .map(a => JSON.stringify(a))
        .join(', ')}] so that changes to it are reviewed.`,
      declaredPosition(service, 'governance.approvers', 'governance', 'tier'),
      aboutService(service),
    ),
  ];
}

/**
 * `policy/critical-without-approvers` (error): a service whose effective tier is critical (its
 * own, or its project's) with no `governance.approvers`; for a project's view of an overridden
 * service, when the override (or the project's tier) causes it. Retired services are not checked.
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
