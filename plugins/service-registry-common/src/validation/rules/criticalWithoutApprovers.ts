import { RegistryFinding } from '../../model/types';
import { aboutService, makeFinding, servicePosition } from '../findings';
import { ValidationContext } from '../types';

/**
 * `policy/critical-without-approvers` (error): a service whose effective tier is critical (its
 * own, or its project's) with no `governance.approvers`. Retired services are not checked.
 *
 * @param ctx - the validation context
 */
export function criticalWithoutApprovers(
  ctx: ValidationContext,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const suggested =
    ctx.registry.policies.changeControl?.breakingChangesRequire ?? [];
  for (const service of ctx.services) {
    if (service.effectiveTier !== 'critical' || service.status === 'retired') {
      continue;
    }
    if ((service.governance?.approvers.length ?? 0) > 0) continue;
    const inherited = service.tier === undefined && service.project;
    const example = suggested.length > 0 ? suggested : ['@owning-team'];
    findings.push(
      makeFinding(
        'error',
        'policy/critical-without-approvers',
        `Service "${service.id}" is critical${
          inherited ? ` (tier of project "${service.project}")` : ''
        } but names no approvers: add [service.${
          service.id
        }.governance] with approvers = [${example
          .map(a => JSON.stringify(a))
          .join(', ')}] so that changes to it are reviewed.`,
        servicePosition(service, 'governance.approvers', 'governance', 'tier'),
        aboutService(service),
      ),
    );
  }
  return findings;
}
