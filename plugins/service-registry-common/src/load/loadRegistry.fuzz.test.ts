import path from 'node:path';
import { RegistryFinding } from '../model/types';
import { validateRegistry } from '../validation/validateRegistry';
import {
  describeFinding,
  describeThrow,
  findingProblem,
  fuzzSettings,
  MUTATION_KINDS,
  positionLines,
  readTomlFiles,
  registryMutationRuns,
} from '@service-registry/test-support';
import { loadRegistry } from './buildRegistry';

/*
 * A seeded mutation fuzz test of loading and validation: the demo registry with one file changed
 * at a time (a line deleted, duplicated or swapped, the file truncated, a value of another type,
 * a character inserted, a header changed, a huge string, deep nesting, CRLF line ends; see
 * `registryFuzz`). Whatever the input, loading and validation must not throw, and every finding
 * must name a file given, a line and a column of it, and a message a person can read (see
 * `findingProblem`: lines as the parser counts them, at LF only, on the text without its BOM and
 * with CRLF read as LF; columns in UTF-16 code units, up to just past the end of the line).
 *
 * A failure names the seed, the iteration and the mutation: `FUZZ_SEED=<seed> FUZZ_ONLY=<k>`
 * runs that one iteration again. `FUZZ_ITERATIONS` runs more (or fewer) iterations.
 */

const DEMO_ROOT = path.resolve(__dirname, '../../../../examples/registry');
const FUZZ = fuzzSettings({ seed: 20261202, iterations: 600 });
const { iterations: ITERATIONS, only: ONLY } = FUZZ;
const TODAY = '2026-11-22';

describe('loadRegistry and validateRegistry on mutations of the demo registry', () => {
  const files = readTomlFiles(DEMO_ROOT);
  const ids = [...loadRegistry(files).services.keys()];
  /** How many mutations of each kind ran, and how many left a file that does not parse. */
  const perKind = new Map<string, { runs: number; failed: number }>();

  it('counts columns in UTF-16 code units, as the checks of positions below do', () => {
    // an emoji is two code units (one code point) before the key and the character reported
    const sla =
      '[service.a]\nowner = "o"\nsla = { availability = "😀", rto = "soon" }\n';
    expect(
      loadRegistry([{ path: 'services/catalog.toml', text: sla }]).findings,
    ).toContainEqual(
      expect.objectContaining({
        code: 'schema/invalid-type',
        line: 3,
        column: 'sla = { availability = "😀", '.length + 1,
      }),
    );
    const syntax = 'name = "😀" x\n';
    expect(
      loadRegistry([{ path: 'services/catalog.toml', text: syntax }]).findings,
    ).toContainEqual(
      expect.objectContaining({
        code: 'toml/syntax',
        line: 1,
        column: 'name = "😀" '.length + 1,
      }),
    );
  });

  it('never throw, and every finding names a place of a file given', () => {
    expect(files.length).toBeGreaterThan(10);
    const problems: string[] = [];
    for (const { mutation, inputs, fail } of registryMutationRuns(
      files,
      ids,
      FUZZ,
      problems,
    )) {
      const lines = new Map(inputs.map(f => [f.path, positionLines(f.text)]));
      const stats = perKind.get(mutation.kind) ?? { runs: 0, failed: 0 };
      perKind.set(mutation.kind, stats);
      stats.runs++;

      let findings: RegistryFinding[];
      try {
        const registry = loadRegistry(inputs);
        if (registry.failedFiles.includes(mutation.file)) stats.failed++;
        findings = validateRegistry(registry, {
          today: TODAY,
          catalog: { defaultOwner: 'unknown', sharedSystem: 'shared' },
        });
      } catch (error) {
        fail(describeThrow(error));
        continue;
      }
      for (const finding of findings) {
        const problem = findingProblem(finding, lines);
        if (problem) fail(`${problem}, in ${describeFinding(finding)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // not when one iteration is run again (FUZZ_ONLY)
  (ONLY === undefined ? describe : describe.skip)('the mutations run', () => {
    it('fuzzed every kind of mutation, files that no longer parse and files that go through the checks that follow', () => {
      expect([...perKind.keys()].sort()).toEqual([...MUTATION_KINDS].sort());
      const failed = [...perKind.values()].reduce((n, k) => n + k.failed, 0);
      expect(failed).toBeGreaterThan(ITERATIONS * 0.1);
      expect(failed).toBeLessThan(ITERATIONS * 0.9);
    });
  });
});
