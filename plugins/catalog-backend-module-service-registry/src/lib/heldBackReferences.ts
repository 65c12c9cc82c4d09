/**
 * The Systems and Groups a run would remove while it holds back services (see
 * `heldBackServices`): they stay in the catalog as ingested, with the services.
 *
 * A held-back Component is kept as the catalog has it, and its `spec.system` and `spec.owner` are
 * those of its last applied version: the System of the project it was in and its owner's Group,
 * which the same run may stop emitting (a project folder renamed in a change whose new file does
 * not parse: `projects/payments` becomes `projects/billing`, and the System `payments` and the
 * Group of a team only its services named are no longer mapped). Removing them would cut the
 * Component's relations and remove the System's page until the file is fixed. The provider
 * stores only the hashes of what it emitted, not the entities, so which System and Group the
 * held-back Components name is not known: none is removed while any service is held back (the
 * Systems' own owners are Groups, kept too). The next run that takes the file removes those no
 * longer emitted, as their stored hashes are the previous ones; until then, the System of a
 * project deleted meanwhile stays too (the price of not knowing which ones the services name).
 *
 * @param removed - the refs the run would remove, held-back services included
 * @param held - the refs of the services held back (see `heldBackServices`)
 * @returns the refs to keep, Systems first, each kind in ref order; none when nothing is held back
 */
export function heldBackReferences(
  removed: readonly string[],
  held: ReadonlyMap<string, unknown>,
): string[] {
  if (held.size === 0) return [];
  const systems: string[] = [];
  const groups: string[] = [];
  for (const ref of removed) {
    if (ref.startsWith('system:')) systems.push(ref);
    else if (ref.startsWith('group:')) groups.push(ref);
  }
  return [...systems.sort(), ...groups.sort()];
}
