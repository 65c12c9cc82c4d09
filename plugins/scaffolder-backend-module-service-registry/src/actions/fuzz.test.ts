import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  LoadedRegistry,
  RegistryFinding,
  validateRegistry,
} from '@service-registry/plugin-service-registry-common';
import { loadRegistryFromDirectory } from '@service-registry/plugin-service-registry-node';
import {
  fuzzSettings,
  SeededDraws,
  seededDraws,
} from '@service-registry/test-support';
import {
  cleanUp,
  contextFor,
  snapshot,
  tempDir,
} from '../__testUtils__/workspace';
import { createServiceRegistryAddServiceAction } from './addService';
import { createServiceRegistryDeprecateServiceAction } from './deprecateService';
import { createServiceRegistryUpdateServiceAction } from './updateService';

/**
 * Generated registries (several layouts of TOML: sub-tables, dotted keys, inline tables,
 * comments, CRLF, BOM, no final line break) and generated inputs, good and bad, through the
 * three editing actions. Each run must either leave every file byte for byte as it was and fail,
 * or succeed with files that load, every other service unchanged, the intended change made, and
 * no new syntax or schema finding.
 *
 * Run `k` draws from seed `FUZZ_SEED + k + 1` (`FUZZ_SEED` 0 unless set): another `FUZZ_SEED`
 * tries other registries and inputs, `FUZZ_ITERATIONS` more (or fewer) runs than 400.
 */

const { seed: SEED, iterations: RUNS } = fuzzSettings({
  seed: 0,
  iterations: 400,
});
const add = createServiceRegistryAddServiceAction();
const deprecate = createServiceRegistryDeprecateServiceAction();
const update = createServiceRegistryUpdateServiceAction();

afterAll(cleanUp);

const STATUSES = [
  'development',
  'beta',
  'ga',
  'maintenance',
  'deprecated',
  'retired',
];
const TRICKY = [
  'plain',
  'with "quotes"',
  'back\\slash',
  'line\nbreak',
  'tab\there',
  'ünïcødé ✓',
  '# not a comment',
  '[service.x]',
  "it's",
  'a"]\n[x',
];

const q = (s: string) => JSON.stringify(s);

interface GenService {
  id: string;
  status: string;
  project?: string;
}

/** Writes one service in one of several layouts. */
function writeService(r: SeededDraws, s: GenService, ids: string[]): string[] {
  const lines: string[] = [];
  if (r.chance(0.3)) lines.push(`# ${r.pick(TRICKY).replace(/\n/g, ' ')}`);
  lines.push(`[service.${s.id}]`);
  lines.push(`name = ${q(r.pick(TRICKY))}`);
  if (r.chance(0.7))
    lines.push(`owner = ${q(r.pick(['team-a', '@team-b', 'team-c']))}`);
  if (r.chance(0.8))
    lines.push(`version = "${r.int(4)}.${r.int(10)}.${r.int(10)}"`);
  lines.push(`status = ${q(s.status)}${r.chance(0.3) ? ' # lifecycle' : ''}`);
  if (s.status === 'deprecated' || s.status === 'retired') {
    lines.push(
      r.chance(0.5)
        ? 'deprecation_date = 2026-01-01'
        : 'deprecation_date = "2026-01-01"',
      'sunset_date = 2027-01-01',
    );
  }
  if (r.chance(0.5)) lines.push(`port = ${1 + r.int(65535)}`);
  if (r.chance(0.4)) lines.push(`tags = [${q(r.pick(TRICKY))}, "x"]`);
  const deps = ids.filter(() => r.chance(0.3));
  const layout = r.int(4);
  if (deps.length && layout === 0) {
    lines.push(`dependencies.requires = [${deps.map(q).join(', ')}]`);
  }
  if (r.chance(0.3)) {
    lines.push(
      `migration = { guide_url = "https://example.com/g", support_until = 2027-01-01 }`,
    );
  }
  if (deps.length && layout === 1) {
    lines.push('', `[service.${s.id}.dependencies]`, `requires = [`);
    for (const d of deps) lines.push(`  ${q(d)},`);
    lines.push(']');
  }
  if (deps.length && layout === 2) {
    lines.push(`dependencies = { requires = [${deps.map(q).join(', ')}] }`);
  }
  if (r.chance(0.4)) {
    lines.push(`[service.${s.id}.sla]`, 'availability = "99.9%"');
  }
  if (r.chance(0.3)) {
    lines.push(
      `[service.${s.id}.metadata]`,
      'replicas = 2',
      'env = { A = "1" }',
    );
  }
  if (r.chance(0.5)) lines.push('');
  return lines;
}

/** A registry: a global catalog and a few projects, each file in its own style. */
async function generate(r: SeededDraws, dir: string): Promise<GenService[]> {
  const services: GenService[] = [];
  const files = new Map<string, string[]>();
  const projects = ['p1', 'p2', 'p3'].slice(0, r.int(4));
  const count = 1 + r.int(10);
  for (let i = 0; i < count; i++) {
    const project =
      r.chance(0.5) && projects.length ? r.pick(projects) : undefined;
    const status = r.chance(0.6) ? 'ga' : r.pick(STATUSES);
    const s: GenService = { id: `svc-${i}`, status, project };
    const file = project
      ? `projects/${project}/services.toml`
      : 'services/catalog.toml';
    if (!files.has(file)) {
      files.set(
        file,
        project
          ? ['[project]', `name = ${q(`Project ${project}`)}`, '']
          : ['# global'],
      );
    }
    files.get(file)!.push(
      ...writeService(
        r,
        s,
        services.map(x => x.id),
      ),
    );
    services.push(s);
  }
  for (const project of projects) {
    const file = `projects/${project}/services.toml`;
    if (!files.has(file)) files.set(file, ['[project]', 'name = "Empty"']);
  }
  for (const [file, lines] of files) {
    const eol = r.chance(0.2) ? '\r\n' : '\n';
    let text = lines.join(eol);
    if (r.chance(0.7)) text += eol;
    if (r.chance(0.1)) text = `\ufeff${text}`;
    await fs.mkdir(path.dirname(path.join(dir, file)), { recursive: true });
    await fs.writeFile(path.join(dir, file), text);
  }
  return services;
}

function id(r: SeededDraws, services: GenService[]): string {
  if (r.chance(0.7) && services.length) return r.pick(services).id;
  return r.pick([
    'new-svc',
    `svc-${r.int(20)}`,
    'Bad_Id',
    'a"]\n[x',
    '',
    'x'.repeat(64),
  ]);
}

function dependencyList(r: SeededDraws, services: GenService[]): string[] {
  const out: string[] = [];
  for (let i = r.int(3); i > 0; i--) {
    out.push(
      r.chance(0.85) && services.length
        ? `${r.pick(services).id}${r.chance(0.3) ? '@^1.0' : ''}`
        : r.pick([
            'ghost',
            'svc-99',
            'x@not-a-range',
            'component:default/svc-0',
          ]),
    );
  }
  return out;
}

function input(r: SeededDraws, services: GenService[]) {
  const kind = r.pick(['add', 'deprecate', 'update'] as const);
  if (kind === 'add') {
    return {
      kind,
      input: {
        id: r.chance(0.6) ? `new-${r.int(5)}` : id(r, services),
        project: r.pick(['', 'global', 'p1', 'p2', 'p9', '../x']),
        createProject: r.chance(0.5),
        name: r.pick(TRICKY),
        owner: r.pick(['team-a', 'group:default/team-z']),
        port: r.chance(0.5) ? 1 + r.int(65535) : undefined,
        tier: r.pick(['high', 'low', undefined]),
        dependencies: { requires: dependencyList(r, services) },
        sla: r.chance(0.5) ? { availability: '99.9%' } : undefined,
      },
    };
  }
  if (kind === 'deprecate') {
    return {
      kind,
      input: {
        id: id(r, services),
        deprecationDate: '2026-06-01',
        sunsetDate: r.pick(['2027-06-01', '2026-01-01']),
        replacementService: r.chance(0.6) ? id(r, services) : undefined,
        migration: r.chance(0.5)
          ? { guideUrl: 'https://example.com/m', difficulty: 'easy' }
          : undefined,
      },
    };
  }
  return {
    kind,
    input: {
      id: id(r, services),
      version: r.chance(0.6) ? `${r.int(5)}.${r.int(5)}.0` : undefined,
      owner: r.chance(0.4) ? r.pick(['team-q', '@team-r']) : undefined,
      port: r.chance(0.3) ? 1 + r.int(65535) : undefined,
      tags: r.chance(0.2) ? [r.pick(TRICKY)] : undefined,
      dependencies: r.chance(0.5)
        ? {
            requires: dependencyList(r, services),
            optional: r.chance(0.3) ? dependencyList(r, services) : undefined,
          }
        : undefined,
    },
  };
}

const ACTIONS = { add, deprecate, update };

/** Raw tables as comparable values (dates as their ISO text). */
function normalized(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function structuralFindings(findings: RegistryFinding[]): string[] {
  return findings
    .filter(f => /^(toml|schema)\//.test(f.code))
    .map(f => `${f.code} ${f.service ?? ''} ${f.message}`)
    .sort();
}

function otherServicesUnchanged(
  before: LoadedRegistry,
  after: LoadedRegistry,
  target: string,
) {
  for (const [sid, service] of before.services) {
    if (sid === target) continue;
    expect(normalized(after.services.get(sid)?.raw)).toEqual(
      normalized(service.raw),
    );
  }
}

/**
 * One run: generates a registry and an input from the seed, runs the action and checks the
 * outcome (node's assert, so that every check holds on either path).
 */
async function run(seed: number): Promise<'succeeded' | 'refused'> {
  const r = seededDraws(SEED + seed + 1);
  const workspace = await tempDir('sr-fuzz-');
  const dir = path.join(workspace, 'registry');
  const services = await generate(r, dir);
  const { kind, input: actionInput } = input(r, services);
  const before = await snapshot(workspace);
  const registryBefore = await loadRegistryFromDirectory(dir);

  let failed: unknown;
  try {
    await ACTIONS[kind].handler(contextFor(workspace, actionInput).ctx as any);
  } catch (error) {
    failed = error;
  }
  const after = await snapshot(workspace);
  if (failed) {
    assert.match((failed as Error).name, /InputError/, String(failed));
    assert.deepEqual(after, before, 'a refused edit changed files');
    return 'refused';
  }

  // only the target file changed
  const changed = Object.keys(after).filter(f => after[f] !== before[f]);
  assert.equal(changed.length, 1, `changed files: ${changed.join(', ')}`);
  const registryAfter = await loadRegistryFromDirectory(dir);
  assert.deepEqual(registryAfter.failedFiles, []);
  const target = actionInput.id as string;
  otherServicesUnchanged(registryBefore, registryAfter, target);
  const structural = (registry: LoadedRegistry) =>
    structuralFindings(
      validateRegistry(registry, { today: '2026-11-22' }),
    ).filter(f => !f.includes(target));
  assert.deepEqual(structural(registryAfter), structural(registryBefore));
  const service = registryAfter.services.get(target);
  assert.ok(service, `${target} is missing after the edit`);

  if (kind === 'add') {
    const text = before[changed[0]];
    // appended: the old text is a prefix
    assert.ok(text === undefined || after[changed[0]].startsWith(text));
    const a = actionInput as any;
    assert.equal(service.raw.name, a.name.trim() || target);
    assert.equal(service.raw.port, a.port);
    assert.equal(
      service.project ?? '',
      a.project === 'global' ? '' : a.project,
    );
    return 'succeeded';
  }

  const old = registryBefore.services.get(target)!;
  const patched = normalized(old.raw) as Record<string, unknown>;
  const raw = normalized(service.raw) as Record<string, unknown>;
  const changedKeys: string[] = [];
  if (kind === 'deprecate') {
    const d = actionInput as any;
    assert.equal(raw.status, 'deprecated');
    assert.equal(raw.deprecation_date, d.deprecationDate);
    assert.equal(raw.sunset_date, d.sunsetDate);
    assert.equal(
      raw.replacement_service ?? undefined,
      d.replacementService ?? old.raw.replacement_service,
    );
    changedKeys.push(
      'status',
      'deprecation_date',
      'sunset_date',
      'replacement_service',
      'migration',
    );
  } else {
    const u = actionInput as any;
    for (const key of ['version', 'port', 'tags', 'owner']) {
      if (u[key] !== undefined) {
        assert.deepEqual(raw[key], u[key]);
        changedKeys.push(key);
      }
    }
    if (u.dependencies) {
      if (u.dependencies.requires) {
        assert.deepEqual(
          (raw.dependencies as any).requires,
          u.dependencies.requires.map((e: string) =>
            e.replace('component:default/', ''),
          ),
        );
      }
      changedKeys.push('dependencies');
    }
  }
  for (const key of changedKeys) {
    delete patched[key];
    delete raw[key];
  }
  assert.deepEqual(raw, patched, 'fields that were not to change changed');
  return 'succeeded';
}

describe('editing actions on generated registries', () => {
  const outcomes = { succeeded: 0, refused: 0 };

  it.each(Array.from({ length: RUNS }, (_, i) => [i]))('run %i', async seed => {
    const outcome = await run(seed);
    outcomes[outcome]++;
    expect(['succeeded', 'refused']).toContain(outcome);
  });

  it('exercised both outcomes a fair number of times', () => {
    expect(outcomes.succeeded).toBeGreaterThan(RUNS / 5);
    expect(outcomes.refused).toBeGreaterThan(RUNS / 5);
  });
});
