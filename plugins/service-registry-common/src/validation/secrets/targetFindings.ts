import { nearestPosition } from '../../load/fieldCheck';
import { KeyPathPart } from '../../load/keyPath';
import { MAX_POSITION_DEPTH } from '../../load/positions';
import { FindingSeverity, RegistryFinding } from '../../model/types';
import { makeFinding } from '../findings';
import { ScanTarget } from './scanTarget';

/**
 * The path a position is looked up at: no deeper than the deepest path whose position is recorded
 * (`MAX_POSITION_DEPTH`), so that a value nested thousands of levels deep is placed at its
 * nearest recorded prefix without joining each of its thousands of prefixes.
 */
function positionPath(path: readonly KeyPathPart[]): readonly KeyPathPart[] {
  return path.length > MAX_POSITION_DEPTH
    ? path.slice(0, MAX_POSITION_DEPTH)
    : path;
}

/**
 * The findings of a scan of values as written (see {@link ScanTarget}), one for each place: a
 * value placed at the nearest recorded position of its path, about the service or project the
 * target attributes it to, and reported once for the same position and label (a project's view
 * of a global service repeats the global declaration's values).
 */
export class TargetFindings {
  /** The findings, in the order they were added. */
  readonly findings: RegistryFinding[] = [];
  private readonly seen = new Set<string>();

  /**
   * Adds the finding about a value, unless one was added for the same place.
   *
   * @param target - the table the value is in
   * @param path - the value's path relative to the table
   * @param severity - the finding's severity
   * @param code - its code
   * @param message - its message, from how the target names the value's record (`subject`) and
   *   the path relative to it (`label`)
   */
  add(
    target: ScanTarget,
    path: readonly KeyPathPart[],
    severity: FindingSeverity,
    code: string,
    message: (subject: string, label: string) => string,
  ): void {
    const position = nearestPosition(
      target.positions(),
      positionPath(path),
      target.fallback,
    );
    const { subject, label, about } = target.attribute(path);
    const id = `${position.file}:${position.line}:${position.column}:${label}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.findings.push(
      makeFinding(severity, code, message(subject, label), position, about),
    );
  }
}
