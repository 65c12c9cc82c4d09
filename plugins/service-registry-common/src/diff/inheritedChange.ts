import { DependencyRef, RegistryService } from '../model/types';
import { BreakingChangeKind } from './types';

const refs = (list: readonly DependencyRef[]) =>
  list.map(r => `${r.service}@${r.range ?? ''}`).join(',');

/**
 * What each kind of breaking change reads of the changed service, before or after the change
 * (most read the same of both).
 */
const READS: Record<
  BreakingChangeKind,
  (s: RegistryService, side: 'before' | 'after') => unknown
> = {
  'service-removed': () => undefined,
  'service-retired': s => s.status,
  'port-changed': s => s.port,
  'major-version-bump': s => s.version,
  'compat-min-raised': s => s.compatVersionMin,
  'dependency-removed': s =>
    `${refs(s.dependencies.requires)}|${refs(s.dependencies.optional)}`,
  // a beta service's notice is owed by the stage it was in before the change
  'notice-not-honoured': (s, side) =>
    `${s.governance?.breakChangesNotice}|${s.deprecationDate}|${
      side === 'before' && s.status === 'beta'
    }`,
};

/**
 * Whether a project's view of a global service sees a kind of change exactly as the global
 * declaration does: the view agrees with the global declaration on what that kind reads, before
 * and after. Then the change is the global one (listed once, its consumers in the project
 * included); otherwise the project's override makes it a change of its own (or none).
 *
 * @param kind - the kind of breaking change
 * @param view - the project's view, before and after
 * @param global - the global declaration, before and after
 */
export function inheritsChange(
  kind: BreakingChangeKind,
  view: { before: RegistryService; after: RegistryService },
  global: { before: RegistryService; after: RegistryService },
): boolean {
  const read = READS[kind];
  return (
    read(view.before, 'before') === read(global.before, 'before') &&
    read(view.after, 'after') === read(global.after, 'after')
  );
}
