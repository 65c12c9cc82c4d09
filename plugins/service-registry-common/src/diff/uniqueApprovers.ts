/**
 * What makes two spellings one approver: `@platform-team`, as approver lists write a team, and
 * `platform-team`, as an owner is written (a team handle without the `@`), name the same team.
 *
 * @param approver - an approver or owner, as written
 *
 * @public
 */
export function approverKey(approver: string): string {
  return approver.startsWith('@') ? approver.slice(1) : approver;
}

/**
 * Approvers each once (`@name` and `name` being one, see {@link approverKey}), in order, each as
 * first written.
 *
 * @param approvers - approvers and owners, as written
 *
 * @public
 */
export function uniqueApprovers(approvers: Iterable<string>): string[] {
  const first = new Map<string, string>();
  for (const approver of approvers) {
    const key = approverKey(approver);
    if (!first.has(key)) first.set(key, approver);
  }
  return [...first.values()];
}
