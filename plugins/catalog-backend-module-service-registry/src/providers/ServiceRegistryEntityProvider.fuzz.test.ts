import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import {
  ANNOTATION_SERVICE_ID,
  ANNOTATION_SOURCE_FILE,
  loadRegistry,
  parseTomlFile,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { ProviderStateStore } from '../database/ProviderStateStore';
import {
  providerConfig,
  RecordingConnection,
  writeRegistry,
} from '../__testUtils__/providerHarness';
import {
  createTestDatabases,
  declaredServiceIds,
  fuzzSettings,
  readTomlFiles,
  registryMutationRuns,
} from '@service-registry/test-support';
import { createRegistrySource } from './RegistrySource';
import { ServiceRegistryEntityProvider } from './ServiceRegistryEntityProvider';

/*
 * A seeded mutation fuzz test of the provider's promise that nothing already ingested is lost:
 * the demo registry is ingested once, then, in turn, one of its files is mutated (see
 * `registryFuzz`), the provider runs, the file is restored and the provider runs again.
 *
 * - A mutated file that no longer parses is replaced by its last good version: every entity that
 *   came from it keeps its ref, and every entity is as before (the registry loaded is the one
 *   before the mutation; only the status Resource tells).
 * - A mutated file that parses changes only the entities that come from it: those whose
 *   `service-registry.io/source-file` annotation (the file of the declaration the entity is
 *   mapped from, `source.file`; `services/catalog.toml` for the System of global services) names
 *   it before or after the run, the Components of the services it declares before or after the
 *   mutation (a global declaration can turn a project's service into an override of it), and the
 *   owner Groups that such an entity refers to (a Group has no file of its own: it is emitted for
 *   the owners the entities name). An entity of another file is not added, removed or changed.
 * - Once the file is restored, the catalog holds exactly what it held after the first run.
 *
 * The provider runs as in production (`validate` is the registry's validation) on a registry
 * folder read with `settleMs: 0`, and a SQLite store: the invariant is the provider's, not the
 * database's (the provider's own tests run on PostgreSQL too).
 *
 * A failure names the seed, the iteration and the mutation: `FUZZ_SEED=<seed> FUZZ_ONLY=<k>` runs
 * that one iteration again (after the first ingestion). `FUZZ_ITERATIONS` runs more (or fewer).
 */

const DEMO_ROOT = path.resolve(__dirname, '../../../../examples/registry');
// the loader's and the ingestion path's fuzz tests run seeds 20261202 and 20261203: another seed tries other mutations
const FUZZ = fuzzSettings({ seed: 20261204, iterations: 200 });
const { iterations: ITERATIONS, only: ONLY } = FUZZ;
const TODAY = '2026-11-22';

const databases = createTestDatabases();
jest.setTimeout(120_000);

/** The entities the catalog holds of the registry, by ref: all but the status Resource. */
function registryEntities(
  connection: RecordingConnection,
  statusRef: string,
): Map<string, Entity> {
  const out = new Map<string, Entity>();
  for (const [ref, entity] of connection.entities) {
    if (ref !== statusRef) out.set(ref, JSON.parse(JSON.stringify(entity)));
  }
  return out;
}

function sourceFile(entity: Entity | undefined): string | undefined {
  return entity?.metadata.annotations?.[ANNOTATION_SOURCE_FILE];
}

/**
 * What changed between two states of the catalog that does not come from `file` (see above), as
 * `<ref>: added | removed | changed`. The Component of a service that `file` declares before or
 * after the mutation (`declared`) comes from it too: a global declaration of a project service's
 * id makes the project's declaration an override of it, and the catalog then shows the global one.
 */
function changesNotFrom(
  file: string,
  declared: ReadonlySet<string>,
  before: ReadonlyMap<string, Entity>,
  after: ReadonlyMap<string, Entity>,
): string[] {
  const owners = new Set<string>();
  for (const state of [before, after]) {
    for (const entity of state.values()) {
      const owner = entity.spec?.owner;
      if (sourceFile(entity) === file && typeof owner === 'string') {
        owners.add(owner);
      }
    }
  }
  const out: string[] = [];
  for (const ref of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(ref);
    const is = after.get(ref);
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    if (sourceFile(was) === file || sourceFile(is) === file) continue;
    const serviceId = (was ?? is)?.metadata.annotations?.[
      ANNOTATION_SERVICE_ID
    ];
    if (serviceId !== undefined && declared.has(serviceId)) continue;
    if (ref.startsWith('group:') && owners.has(ref)) continue;
    let change = 'changed';
    if (!was) change = 'added';
    else if (!is) change = 'removed';
    out.push(`${ref}: ${change}`);
  }
  return out;
}

/** What differs between two states of the catalog, as `<ref>: ...`. */
function differences(
  expected: ReadonlyMap<string, Entity>,
  actual: ReadonlyMap<string, Entity>,
): string[] {
  const out: string[] = [];
  for (const ref of new Set([...expected.keys(), ...actual.keys()])) {
    const was = expected.get(ref);
    const is = actual.get(ref);
    if (!is) out.push(`${ref}: removed`);
    else if (!was) out.push(`${ref}: added`);
    else if (JSON.stringify(was) !== JSON.stringify(is)) {
      out.push(`${ref}: changed`);
    }
  }
  return out;
}

describe('ServiceRegistryEntityProvider on mutations of the demo registry', () => {
  let dir: string;
  /** How many mutated files did not parse, and how many that parsed changed entities. */
  let unparsed = 0;
  let changed = 0;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-fuzz-'));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps what a file that does not parse declared, and changes only what a mutated file declares', async () => {
    const files = readTomlFiles(DEMO_ROOT);
    const ids = [...loadRegistry(files).services.keys()];
    const original = Object.fromEntries(files.map(f => [f.path, f.text]));
    await writeRegistry(dir, original);
    const provider = new ServiceRegistryEntityProvider({
      config: providerConfig({ target: dir }),
      source: createRegistrySource(dir, {
        reader: mockServices.urlReader.mock(),
        integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
        settleMs: 0,
      }),
      store: await ProviderStateStore.create(await databases.init('SQLITE_3')),
      logger: mockServices.logger.mock(),
      validate: registry => validateRegistry(registry, { today: TODAY }),
    });
    const connection = new RecordingConnection();
    await provider.connect(connection);
    const status = provider.statusEntityRef;

    const first = await provider.refresh();
    expect(first.status.state).toBe('ok');
    const baseline = registryEntities(connection, status);
    expect(baseline.size).toBeGreaterThan(30);

    const problems: string[] = [];
    for (const { mutation, fail } of registryMutationRuns(
      files,
      ids,
      FUZZ,
      problems,
    )) {
      // the text as the folder gives it back (a lone surrogate is written as U+FFFD)
      const written = Buffer.from(mutation.text, 'utf8').toString('utf8');
      const parses = parseTomlFile(mutation.file, written).ok;

      await writeRegistry(dir, { [mutation.file]: mutation.text });
      try {
        const result = await provider.refresh();
        const after = registryEntities(connection, status);
        if (parses) {
          const declared = new Set([
            ...declaredServiceIds(mutation.file, original[mutation.file]),
            ...declaredServiceIds(mutation.file, written),
          ]);
          const outside = changesNotFrom(
            mutation.file,
            declared,
            baseline,
            after,
          );
          if (outside.length > 0) {
            fail(
              `the file parses, and entities it does not declare changed (${
                result.status.state
              }: ${result.status.summary.slice(0, 300)}): ${outside.join(
                ', ',
              )}`,
            );
          }
          if (differences(baseline, after).length > 0) changed++;
        } else {
          unparsed++;
          const lost = [...baseline.keys()].filter(
            ref =>
              sourceFile(baseline.get(ref)) === mutation.file &&
              !after.has(ref),
          );
          if (lost.length > 0) {
            fail(
              `the file does not parse, and its entities are gone: ${lost.join(
                ', ',
              )}`,
            );
          }
          const different = differences(baseline, after);
          if (different.length > 0) {
            fail(
              `the file does not parse, and the catalog changed (${
                result.status.summary
              }): ${different.join(', ')}`,
            );
          }
        }
      } catch (error) {
        fail(`refresh threw ${(error as Error)?.stack ?? error}`);
      }

      await writeRegistry(dir, { [mutation.file]: original[mutation.file] });
      try {
        const restored = await provider.refresh();
        const different = differences(
          baseline,
          registryEntities(connection, status),
        );
        if (restored.status.state !== 'ok' || different.length > 0) {
          fail(
            `the file restored, the catalog is not as it was (${
              restored.status.state
            }: ${restored.status.summary.slice(0, 300)}): ${different.join(
              ', ',
            )}`,
          );
        }
      } catch (error) {
        fail(`refresh after the restore threw ${(error as Error)?.stack}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // not when one iteration is run again (FUZZ_ONLY)
  (ONLY === undefined ? describe : describe.skip)('the mutations run', () => {
    it('fuzzed both sides: files that no longer parse, and files that parse and change entities', () => {
      expect(unparsed).toBeGreaterThan(ITERATIONS * 0.1);
      expect(changed).toBeGreaterThan(ITERATIONS * 0.05);
    });
  });
});
