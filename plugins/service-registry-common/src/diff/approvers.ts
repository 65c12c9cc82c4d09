import { ImpactReport } from '../graph/types';
import { comparedServices } from './scope';
import { DiffContext } from './types';
import { uniqueApprovers } from './uniqueApprovers';

/**
 * Who must approve a breaking change to a service: its `governance.approvers` (base's and head's;
 * of the project's view for a change scoped to a project), the policies'
 * `change_control.breaking_changes_require` (base's and head's: a change cannot lower the bar it
 * is judged by), then the owners of the affected projects and of the affected services (sorted);
 * each once, as first written: `@platform-team` and an owner's `platform-team` are one approver.
 *
 * @param ctx - the diff context
 * @param id - the changed service
 * @param impact - its impact on the base graph
 */
export function approversFor(
  ctx: DiffContext,
  id: string,
  impact: ImpactReport,
): string[] {
  const { before, after } = comparedServices(ctx, id);
  // base's and head's together: a change cannot lower the bar it is judged by
  const policy = [
    ...(ctx.base.policies.changeControl?.breakingChangesRequire ?? []),
    ...(ctx.head.policies.changeControl?.breakingChangesRequire ?? []),
  ];
  const owners = new Set<string>();
  for (const project of impact.projects) {
    const owner = ctx.base.projects.get(project)?.owner;
    if (owner) owners.add(owner);
  }
  for (const affected of impact.services) {
    if (affected.owner) owners.add(affected.owner);
  }
  return uniqueApprovers([
    ...(before?.governance?.approvers ?? []),
    ...(after?.governance?.approvers ?? []),
    ...policy,
    ...[...owners].sort(),
  ]);
}
