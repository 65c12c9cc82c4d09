import { comparedServices } from './scope';
import { BreakingChangeKind, DiffContext } from './types';

/**
 * Whether a breaking change of this kind asks for a migration guide: those of the changed
 * service itself do. A `dependency-removed` change is the consumer's own (it no longer requires
 * a service), so its consumers have nothing to migrate.
 *
 * @param kind - the kind of breaking change
 * @public
 */
export function needsMigrationGuide(kind: BreakingChangeKind): boolean {
  return kind !== 'dependency-removed';
}

/**
 * The migration guide (`migration.guide_url`) consumers of a changed service read: as head
 * declares the service (the compared project's view of it for an overridden global service),
 * as base did for a service head no longer has.
 *
 * @param ctx - the diff's context, with its scope
 * @param id - the changed service
 */
export function migrationGuideOf(
  ctx: DiffContext,
  id: string,
): string | undefined {
  const { before, after } = comparedServices(ctx, id);
  return (after ?? before)?.migration?.guideUrl;
}
