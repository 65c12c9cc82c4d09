import { parse } from 'smol-toml';
import {
  LoadedRegistry,
  RegistryFileInput,
  RegistryProject,
  RegistryService,
} from '@service-registry/plugin-service-registry-common';

/*
 * The floor of target (a): the least any loader does before the mapping can run. It is not a
 * loader (nothing is checked, no finding is made, no position but the header line is kept, no
 * override, release, policy or monitoring file is read), only a reference that the load
 * benchmark times next to loadRegistry: smol-toml parses every file, and each service table
 * becomes one object with the fields the mapping reads, keeping its table as written (as the
 * registry model does). The benchmark checks that the floor maps to exactly the entities the
 * real load maps to, so that both contenders hand the mapping the same work.
 */

const CATALOG_FILE = 'services/catalog.toml';
const PROJECT_FILE = /^projects\/([^/]+)\/services\.toml$/;
const NONE: never[] = [];

type Table = Record<string, any>;

/** The 1-based line of `at`, counting line feeds from `from` (on line `line`). */
function lineAt(text: string, from: number, line: number, at: number): number {
  let count = line;
  let i = text.indexOf('\n', from);
  while (i !== -1 && i < at) {
    count++;
    i = text.indexOf('\n', i + 1);
  }
  return count;
}

function floorService(
  id: string,
  t: Table,
  file: string,
  line: number,
  project: RegistryProject | undefined,
): RegistryService {
  const requires = t.dependencies?.requires ?? NONE;
  const refs = new Array(requires.length);
  for (let k = 0; k < requires.length; k++) {
    const entry: string = requires[k];
    const at = entry.indexOf('@');
    refs[k] = {
      service: at === -1 ? entry : entry.slice(0, at),
      range: at === -1 ? undefined : entry.slice(at + 1),
      raw: entry,
      optional: false,
    };
  }
  return {
    id,
    name: t.name ?? id,
    description: t.description,
    type: t.type,
    owner: t.owner,
    version: t.version,
    status: t.status,
    tier: t.tier,
    effectiveTier: t.tier ?? project?.tier,
    port: t.port,
    tags: t.tags ?? NONE,
    repository: t.repository,
    compatWith: NONE,
    deprecationDate: t.deprecation_date,
    sunsetDate: t.sunset_date,
    replacementService: t.replacement_service,
    dependencies: { requires: refs, optional: NONE },
    consumers: { projects: NONE, requiredBy: NONE },
    metadata: t.metadata ?? {},
    project: project?.id,
    source: { file, line, column: 1 },
    positions: {},
    definedIn: [file],
    raw: t,
    releases: [],
    monitoring: [],
    overriddenBy: [],
  } as RegistryService;
}

/**
 * Parses the files and builds what {@link mapRegistryToEntities} reads of them, and nothing
 * else (see the comment at the top of this file).
 */
export function floorLoad(files: RegistryFileInput[]): LoadedRegistry {
  const services = new Map<string, RegistryService>();
  const projects = new Map<string, RegistryProject>();
  // in loadRegistry's order: the global catalog, then the projects by path
  const ordered = [...files].sort((a, b) =>
    a.path === CATALOG_FILE || (b.path !== CATALOG_FILE && a.path < b.path)
      ? -1
      : 1,
  );
  for (const { path, text } of ordered) {
    const table = parse(text) as Table;
    const projectId = PROJECT_FILE.exec(path)?.[1];
    let project: RegistryProject | undefined;
    if (projectId !== undefined) {
      const declared: Table = table.project ?? {};
      project = {
        id: projectId,
        name: declared.name ?? projectId,
        tier: declared.tier,
        owner: declared.owner,
        source: { file: path, line: 1, column: 1 },
        services: [],
        raw: declared,
      } as unknown as RegistryProject;
      projects.set(projectId, project);
    }
    let from = 0;
    let line = 1;
    // eslint-disable-next-line guard-for-in
    for (const id in table.service) {
      const at = text.indexOf(`[service.${id}]`, from);
      line = lineAt(text, from, line, at);
      from = at;
      services.set(
        id,
        floorService(id, table.service[id], path, line, project),
      );
      project?.services.push(id);
    }
  }
  return {
    services,
    overrides: new Map(),
    projects,
    patterns: new Map(),
    files: files.map(f => f.path),
    failedFiles: [],
    findings: [],
  } as unknown as LoadedRegistry;
}
