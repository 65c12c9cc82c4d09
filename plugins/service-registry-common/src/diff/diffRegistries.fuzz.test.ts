import path from 'node:path';
import {
  declaredServiceIds,
  describeThrow,
  fuzzSettings,
  placeProblem,
  positionLines,
  readTomlFiles,
  registryMutationRuns,
} from '@service-registry/test-support';
import { summarizePendingChange } from '../api/summarizePendingChange';
import { PendingChangeSummary } from '../api/pendingChangesResponse';
import { loadRegistry } from '../load/buildRegistry';
import { SourcePosition } from '../model/types';
import { diffRegistries } from './diffRegistries';
import { RegistryDiff } from './types';

/*
 * A seeded mutation fuzz test of the diff of two registries (what a pull request's report, the
 * approvals, the consumer issues and the portal's pending changes are made of): the demo registry
 * as base, the same with one file mutated as head (see `registryFuzz`), compared both ways.
 *
 * - Comparing never throws.
 * - A registry compared with itself (loaded again) has no change at all.
 * - What one direction adds, the other removes, when both sides parse (a file head cannot read is
 *   compared as base has it, as the catalog keeps its last good version; a file base cannot read
 *   declares nothing). A pending change's summary (which reads a file base cannot read as head
 *   has it, as the CLI's `diff` does) is symmetric whether or not they parse, and places each
 *   file a side could not read at a line and column of that side's file.
 * - Every changed, added or removed service, and every breaking change, names a service that the
 *   mutated file declares, before or after (a change comes from the file that changed); every
 *   breaking change and policy change is at a line and column of a file of the side it is read
 *   from.
 *
 * A failure names the seed, the iteration and the mutation: `FUZZ_SEED=<seed> FUZZ_ONLY=<k>`
 * runs that one iteration again. `FUZZ_ITERATIONS` runs more (or fewer) iterations.
 */

const DEMO_ROOT = path.resolve(__dirname, '../../../../examples/registry');
// the other fuzz tests run seeds 20261202 to 20261204: another seed tries other mutations
const FUZZ = fuzzSettings({ seed: 20261207, iterations: 300 });
const { iterations: ITERATIONS, only: ONLY } = FUZZ;
const TODAY = '2026-11-22';

/** Everything a diff lists, in a form two diffs can be compared by. */
function listed(diff: RegistryDiff) {
  return {
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed.map(c => `${c.service}@${c.project ?? ''}`),
    breakingChanges: diff.breakingChanges.map(b => `${b.kind} ${b.service}`),
    projectChanges: diff.projectChanges.length,
    policyChanges: diff.policyChanges.length,
  };
}

describe('diffRegistries on mutations of the demo registry', () => {
  const files = readTomlFiles(DEMO_ROOT);
  const ids = [...loadRegistry(files).services.keys()];
  let compared = 0;
  let withChanges = 0;
  let withBreakingChanges = 0;

  it('never throws, finds nothing between a registry and itself, is symmetric, and places every change in the mutated file', () => {
    const base = loadRegistry(files);
    expect(
      listed(diffRegistries(base, loadRegistry(files), { today: TODAY })),
    ).toEqual({
      added: [],
      removed: [],
      changed: [],
      breakingChanges: [],
      projectChanges: 0,
      policyChanges: 0,
    });
    const baseLines = new Map(files.map(f => [f.path, positionLines(f.text)]));
    const problems: string[] = [];
    for (const { mutation, inputs, fail } of registryMutationRuns(
      files,
      ids,
      FUZZ,
      problems,
    )) {
      const headLines = new Map(
        inputs.map(f => [f.path, positionLines(f.text)]),
      );
      const original = files.find(f => f.path === mutation.file)!.text;
      const declared = new Set([
        ...declaredServiceIds(mutation.file, original),
        ...declaredServiceIds(mutation.file, mutation.text),
      ]);

      let forward: RegistryDiff;
      let backward: RegistryDiff;
      let itself: RegistryDiff;
      let headReadWhole: boolean;
      let pending: PendingChangeSummary;
      let pendingBack: PendingChangeSummary;
      try {
        const head = loadRegistry(inputs);
        headReadWhole = head.failedFiles.length === 0;
        forward = diffRegistries(base, head, { today: TODAY });
        backward = diffRegistries(head, base, { today: TODAY });
        itself = diffRegistries(head, loadRegistry(inputs), { today: TODAY });
        pending = summarizePendingChange(files, inputs, { today: TODAY });
        pendingBack = summarizePendingChange(inputs, files, { today: TODAY });
      } catch (error) {
        fail(describeThrow(error));
        continue;
      }
      compared++;
      if (forward.changed.length + forward.added.length > 0) withChanges++;
      if (forward.breakingChanges.length > 0) withBreakingChanges++;

      const same = listed(itself);
      if (
        Object.values(same).some(v => (Array.isArray(v) ? v.length : v) > 0)
      ) {
        fail(`the head compared with itself lists ${JSON.stringify(same)}`);
      }
      const sorted = (list: string[]) => [...list].sort();
      // a file head cannot read is compared as base has it (as the catalog keeps its last good
      // version), while a file base cannot read declares nothing: symmetric only when both parse
      const symmetric =
        JSON.stringify(sorted(forward.added)) ===
          JSON.stringify(sorted(backward.removed)) &&
        JSON.stringify(sorted(forward.removed)) ===
          JSON.stringify(sorted(backward.added));
      if (headReadWhole && !symmetric) {
        fail(
          `added ${forward.added} and removed ${forward.removed} one way, removed ${backward.removed} and added ${backward.added} the other`,
        );
      }

      if (
        JSON.stringify([pending.added, pending.removed]) !==
        JSON.stringify([pendingBack.removed, pendingBack.added])
      ) {
        fail(
          `the pending change adds ${pending.added} and removes ${pending.removed}, its reverse removes ${pendingBack.removed} and adds ${pendingBack.added}`,
        );
      }
      for (const [summary, lines] of [
        [pending, { base: baseLines, head: headLines }],
        [pendingBack, { base: headLines, head: baseLines }],
      ] as const) {
        for (const unread of summary.unreadFiles) {
          const problem = placeProblem(
            { file: unread.file, line: unread.line, column: unread.column },
            lines[unread.side],
          );
          if (problem) {
            fail(
              `the unread file of ${unread.side} is at ${unread.file}:${unread.line}:${unread.column}: ${problem}`,
            );
          }
        }
      }

      /** Fails unless a position is a place of head, or of base (for what only base has). */
      const checkPlace = (where: string, position: SourcePosition) => {
        const problem =
          placeProblem(position, headLines) &&
          placeProblem(position, baseLines);
        if (problem) {
          fail(
            `${where} is at ${position.file}:${position.line}:${position.column}: ${problem}`,
          );
        }
      };
      for (const change of forward.changed) {
        if (!declared.has(change.service)) {
          fail(
            `${change.service} changed (${change.changes
              .map(c => c.path)
              .join(', ')}), though ${mutation.file} does not declare it`,
          );
        }
      }
      for (const id of [...forward.added, ...forward.removed]) {
        if (!declared.has(id)) {
          fail(
            `${id} added or removed, though ${mutation.file} does not declare it`,
          );
        }
      }
      for (const change of forward.policyChanges) {
        checkPlace(`the policy change of ${change.path}`, change.position);
      }
      for (const breaking of forward.breakingChanges) {
        checkPlace(
          `the breaking change ${breaking.kind} of ${breaking.service}`,
          breaking.position,
        );
        if (!declared.has(breaking.service)) {
          fail(
            `breaking change ${breaking.kind} of ${breaking.service}, though ${mutation.file} does not declare it`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  // not when one iteration is run again (FUZZ_ONLY)
  (ONLY === undefined ? describe : describe.skip)('the mutations run', () => {
    it('compared heads that change services and heads that break consumers', () => {
      expect(compared).toBe(ITERATIONS);
      expect(withChanges).toBeGreaterThan(ITERATIONS * 0.1);
      expect(withBreakingChanges).toBeGreaterThan(ITERATIONS * 0.02);
    });
  });
});
