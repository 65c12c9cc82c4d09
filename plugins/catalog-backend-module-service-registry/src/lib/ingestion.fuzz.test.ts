import path from 'node:path';
import {
  DefaultNamespaceEntityPolicy,
  Entity,
  entityEnvelopeSchemaValidator,
  EntityPolicies,
  entitySchemaValidator,
  FieldFormatEntityPolicy,
  makeValidator,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { BuiltinKindsEntityProcessor } from '@backstage/plugin-catalog-backend';
import { LocationSpec } from '@backstage/plugin-catalog-node';
import {
  loadRegistry,
  RegistryFinding,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { TEST_MAP_OPTIONS } from '../__testUtils__/mapOptions';
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
import { checkEntities } from './checkEntities';
import { mapRegistryToEntities } from './mapRegistryToEntities';

/*
 * A seeded mutation fuzz test of the whole ingestion path up to what the provider emits: the demo
 * registry with one file changed at a time (see `registryFuzz`), loaded, validated, mapped to
 * entities and checked (`checkEntities`, with the options of the lib's tests), as the provider
 * does. Whatever the input, none of it throws; every finding names a place of a file given with
 * a readable message (`findingProblem`); every entity `checkEntities` lets through is one the
 * catalog takes (its policies, schema, kind validators and relations, as `refusal` applies them),
 * and each entity it leaves out has its finding.
 *
 * A failure names the seed, the iteration and the mutation: `FUZZ_SEED=<seed> FUZZ_ONLY=<k>`
 * runs that one iteration again. `FUZZ_ITERATIONS` runs more (or fewer) iterations. The seed and
 * iteration name the same mutation as in the common package's loader fuzz test.
 */

const REPO_ROOT = path.resolve(__dirname, '../../../..');
const DEMO_ROOT = path.join(REPO_ROOT, 'examples/registry');
// the loader's fuzz test (common) runs seed 20261202: another seed tries other mutations
const FUZZ = fuzzSettings({ seed: 20261203, iterations: 400 });
const { only: ONLY } = FUZZ;
const TODAY = '2026-11-22';
const OPTIONS = TEST_MAP_OPTIONS;

// What the catalog applies to an entity a provider emits: the envelope check of the provider
// connection, then the processing of each entity (DefaultCatalogProcessingOrchestrator): the
// built-in kinds' pre-processing, the default entity policies (CatalogBuilder.buildEntityPolicy),
// the entity schema, a kind validator that recognises it, and the relations of its refs.
const envelope = entityEnvelopeSchemaValidator();
const policy = EntityPolicies.allOf([
  new SchemaValidEntityPolicy(),
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(makeValidator()),
]);
const entitySchema = entitySchemaValidator();
const builtinKinds = new BuiltinKindsEntityProcessor();
const LOCATION: LocationSpec = {
  type: 'url',
  target: OPTIONS.rootLocation,
};

/** Why the catalog would refuse an entity (as it stores it: JSON), or undefined. */
async function refusal(emitted: Entity): Promise<string | undefined> {
  try {
    const entity = JSON.parse(JSON.stringify(emitted));
    envelope(entity);
    const processed = await policy.enforce(
      await builtinKinds.preProcessEntity(entity),
    );
    if (!processed) return 'the policies returned nothing';
    entitySchema(processed);
    if (!(await builtinKinds.validateEntityKind(processed))) {
      return 'no validator of the built-in kinds recognises it';
    }
    await builtinKinds.postProcessEntity(processed, LOCATION, () => {});
    return undefined;
  } catch (error) {
    return String((error as Error).message ?? error).slice(0, 300);
  }
}

describe('the ingestion path on mutations of the demo registry', () => {
  const files = readTomlFiles(DEMO_ROOT);
  const ids = [...loadRegistry(files).services.keys()];
  /** The kinds of mutation that ran. */
  const kinds = new Set<string>();

  it('refuses, as the catalog does, an entity it would not take', async () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'a' },
      spec: { type: 'service', lifecycle: 'production', owner: 'team' },
    };
    expect(await refusal(component)).toBeUndefined();
    const refused = async (change: (e: Entity) => void) => {
      const entity = JSON.parse(JSON.stringify(component));
      change(entity);
      return refusal(entity);
    };
    expect(await refused(e => (e.metadata.name = '-a'))).toBeDefined();
    expect(
      await refused(e => (e.metadata.annotations = { 'a b': 'c' })),
    ).toBeDefined();
    expect(await refused(e => delete e.spec!.lifecycle)).toBeDefined();
    expect(
      await refused(e => (e.spec!.dependsOn = ['component:default/'])),
    ).toBeDefined();
    expect(await refused(e => (e.kind = 'Service'))).toBeDefined();
  });

  it('never throws, every finding names a place of a file given, and the catalog takes every entity let through', async () => {
    const problems: string[] = [];
    // entities as JSON to the catalog's verdict: most of a mutated registry is as it was
    const verdicts = new Map<string, string | undefined>();
    for (const { mutation, inputs, fail } of registryMutationRuns(
      files,
      ids,
      FUZZ,
      problems,
    )) {
      kinds.add(mutation.kind);
      const lines = new Map(inputs.map(f => [f.path, positionLines(f.text)]));

      let findings: RegistryFinding[];
      let checked: Awaited<ReturnType<typeof checkEntities>>;
      let mappedCount: number;
      try {
        const registry = loadRegistry(inputs);
        const validated = validateRegistry(registry, {
          today: TODAY,
          catalog: {
            defaultOwner: OPTIONS.defaultOwner,
            sharedSystem: OPTIONS.sharedSystem,
          },
        });
        const mapped = mapRegistryToEntities(registry, OPTIONS);
        mappedCount = mapped.length;
        checked = await checkEntities(mapped, OPTIONS);
        findings = [...validated, ...checked.findings];
      } catch (error) {
        fail(describeThrow(error));
        continue;
      }
      for (const finding of findings) {
        const problem = findingProblem(finding, lines);
        if (problem) fail(`${problem}, in ${describeFinding(finding)}`);
      }
      // one error per entity left out: none is dropped without a word
      const leftOut = checked.findings.filter(
        f =>
          f.code === 'catalog/invalid-entity' ||
          f.code === 'catalog/duplicate-entity',
      ).length;
      if (mappedCount - checked.entities.length !== leftOut) {
        fail(
          `${
            mappedCount - checked.entities.length
          } entities left out, ${leftOut} findings say so`,
        );
      }
      const refs = new Set<string>();
      for (const { entity } of checked.entities) {
        const ref = stringifyEntityRef(entity);
        if (refs.has(ref)) fail(`${ref} is emitted twice`);
        refs.add(ref);
        const json = JSON.stringify(entity);
        if (!verdicts.has(json)) verdicts.set(json, await refusal(entity));
        const refused = verdicts.get(json);
        if (refused) fail(`the catalog refuses ${ref}: ${refused}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // not when one iteration is run again (FUZZ_ONLY)
  (ONLY === undefined ? describe : describe.skip)('the mutations run', () => {
    it('fuzzed every kind of mutation', () => {
      expect([...kinds].sort()).toEqual([...MUTATION_KINDS].sort());
    });
  });
});
