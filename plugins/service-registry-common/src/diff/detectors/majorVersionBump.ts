import { keyPosition } from '../../load/filePositions';
import semver from 'semver';
import { comparedServices } from '../scope';
import {
  ConsumerView,
  consumerViewsOf,
  entriesOn,
  viewKey,
} from '../consumerViews';
import { compareViews } from '../directConsumers';
import { servedThroughCompatWith } from '../servedThroughCompatWith';
import { BreakingChangeDetector, DiffContext } from '../types';

/**
 * The part of a version that semver treats as its compatibility line: the major version, or for
 * 0.x versions the minor one (`2`, `0.4`).
 */
function line(version: string): number[] {
  const major = semver.major(version);
  return major === 0 ? [0, semver.minor(version)] : [major];
}

/** -1, 0 or 1 as the compatibility line of `a` is before, the same as or after that of `b`. */
function compareLines(a: string, b: string): number {
  const [x, y] = [line(a), line(b)];
  for (let k = 0; k < Math.max(x.length, y.length); k++) {
    const d = (x[k] ?? -1) - (y[k] ?? -1);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

/**
 * ` Not affected, satisfied through compat_with: "app" (^1.0, through 1.x)`: the direct
 * consumers (as each project that uses them sees them, among those that see the compared
 * declaration) whose ranges a `compat_with` entry of the new version lies in; empty when none.
 */
function servedConsumers(ctx: DiffContext, id: string): string {
  const described = new Map<string, { view: ConsumerView; text: string }>();
  for (const use of consumerViewsOf(ctx.head, ctx.headGraph, id)) {
    if (ctx.scope && !ctx.scope.affects(use.project, 'major-version-bump')) {
      continue;
    }
    const key = viewKey(use);
    if (described.has(key)) continue;
    const view: ConsumerView =
      use.project === undefined
        ? { id: use.id }
        : { id: use.id, project: use.project };
    const on = entriesOn(ctx.head, view, id);
    const optional = on.requires.length === 0;
    const through = servedThroughCompatWith(ctx.head, view, id, optional);
    if (through.length === 0) continue;
    const entries = optional ? [...on.requires, ...on.optional] : on.requires;
    const ranges = [...new Set(entries.map(e => e.range))];
    const where =
      use.project !== undefined &&
      ctx.head.services.get(use.id)?.project === undefined
        ? ` in project "${use.project}"`
        : '';
    described.set(key, {
      view,
      text: `"${use.id}" (${ranges.join(', ')}, through ${through.join(
        ', ',
      )}${where}${optional ? ', optional' : ''})`,
    });
  }
  if (described.size === 0) return '';
  const listed = [...described.values()]
    .sort((a, b) => compareViews(a.view, b.view))
    .map(d => d.text);
  return ` Not affected, satisfied through compat_with: ${listed.join(', ')}.`;
}

/**
 * `major-version-bump`: the major version changed (for 0.x versions, the minor one, as semver
 * treats it): up, or back to an earlier major (a revert), which breaks the consumers that need the
 * later one just as much, except those whose ranges a `compat_with` entry of the new version lies
 * in (as `dependency/version-unsatisfied` reads them): named apart, and not among the affected.
 */
export const majorVersionBump: BreakingChangeDetector = (ctx, id) => {
  const compared = comparedServices(ctx, id);
  const before = compared.before?.version;
  const afterService = compared.after;
  const after = afterService?.version;
  if (!before || !after || !afterService) return [];
  const direction = compareLines(after, before);
  if (direction === 0) return [];
  const served = servedConsumers(ctx, id);
  return [
    {
      kind: 'major-version-bump',
      service: id,
      message:
        direction > 0
          ? `Service "${id}" goes from ${before} to ${after}, a major (incompatible) version: document the migration, keep compat_version_min and compat_with truthful, and check that every consumer's range accepts ${after}.${served}`
          : `Service "${id}" goes back from ${before} to ${after}, an earlier major (incompatible) version: consumers that need ${line(
              before,
            ).join(
              '.',
            )}.x break. Check that every consumer's range accepts ${after}, or release the fix as a new version instead.${served}`,
      position: keyPosition(afterService, 'version') ?? afterService.source,
    },
  ];
};
