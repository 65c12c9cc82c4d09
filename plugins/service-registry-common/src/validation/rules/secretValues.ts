import { nearestPosition } from '../../load/fieldCheck';
import { KeyPathPart } from '../../load/keyPath';
import { MAX_POSITION_DEPTH } from '../../load/positions';
import { sourceFilesOf } from '../../load/sourceFiles';
import { RegistryFinding } from '../../model/types';
import { makeFinding } from '../findings';
import { fileTargets } from '../secrets/fileTargets';
import { findSecrets } from '../secrets/findSecrets';
import { modelTargets } from '../secrets/modelTargets';
import { ScanTarget } from '../secrets/scanTarget';
import { ValidationContext } from '../types';

/**
 * The path a position is looked up at: no deeper than the deepest path whose position is recorded
 * (`MAX_POSITION_DEPTH`), so that a secret nested thousands of levels deep is placed at its
 * nearest recorded prefix without joining each of its thousands of prefixes.
 */
function positionPath(path: readonly KeyPathPart[]): readonly KeyPathPart[] {
  return path.length > MAX_POSITION_DEPTH
    ? path.slice(0, MAX_POSITION_DEPTH)
    : path;
}

function scan(
  target: ScanTarget,
  seen: Set<string>,
  findings: RegistryFinding[],
): void {
  findSecrets(target.table, (path, kind) => {
    const position = nearestPosition(
      target.positions(),
      positionPath(path),
      target.fallback,
    );
    const { subject, label, about } = target.attribute(path);
    // a project's view of a global service repeats the global declaration's values
    const id = `${position.file}:${position.line}:${position.column}:${label}`;
    if (seen.has(id)) return;
    seen.add(id);
    findings.push(
      makeFinding(
        'error',
        'security/secret-value',
        `${subject}: ${label} looks like ${kind} written in clear text. Never commit credentials to the registry: keep it in a secret store, write a reference instead (e.g. "\${DB_PASSWORD}" or "vault:<path>"), and rotate the exposed value since git history keeps it.`,
        position,
        about,
      ),
    );
  });
}

/**
 * `security/secret-value` (error): values that look like credentials (see `detectSecret`)
 * anywhere in the registry's files as written, files outside the layout included, each at the
 * line and column of its key (or array element), about the service or project it sits under.
 * The message names the key path and the kind of credential, never the value. A registry that
 * cannot be traced to its files (not returned by `loadRegistry`) is read from its model instead.
 *
 * @param ctx - the validation context
 */
export function secretValues(ctx: ValidationContext): RegistryFinding[] {
  const files = sourceFilesOf(ctx.registry);
  const targets = files
    ? fileTargets(files)
    : modelTargets(ctx.registry, ctx.services);
  const findings: RegistryFinding[] = [];
  const seen = new Set<string>();
  for (const target of targets) scan(target, seen, findings);
  return findings;
}
