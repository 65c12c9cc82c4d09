import {
  LoadedRegistry,
  ProjectDeployment,
  RegistryFileInput,
  RegistryFinding,
  RegistryProject,
  RegistryService,
  SourcePosition,
} from '../model/types';
import { attachMonitoring } from './attachMonitoring';
import { attachReleases } from './attachReleases';
import { buildPolicies } from './buildPolicies';
import { buildProject } from './buildProject';
import { buildService, ServiceDeclaration } from './buildService';
import { checkDeployment } from './checkDeployment';
import {
  classifyRegistryFile,
  intendedRegistryPath,
  normalizeRegistryPath,
  RegistryFileKind,
  projectOfPath,
} from './classifyFile';
import {
  CheckContext,
  checkUnknownFields,
  isTable,
  report,
} from './fieldCheck';
import { pathInMessage } from './controlCharacterPattern';
import { joinKeyPath, tomlBasicString } from './keyPath';
import { SERVICE_ID_PATTERN } from './fieldSpecs';
import { redactSecrets } from '../validation/secrets/detectSecret';
import {
  fileStart,
  lazyPositionsUnder,
  lazyRecordPositions,
  lazyTopLevelPositions,
  positionIndex,
} from './filePositions';
import { deferred, LAZY_POSITIONS, memo } from './lazy';
import { LoadRegistryOptions } from './LoadRegistryOptions';
import { FindingCollector } from './loadState';
import { mergeTables } from './mergeTables';
import { notUtf8Result, ParsedTomlFile, parseTomlFile } from './parseToml';
import { declaredServiceHeaders } from './declaredServiceHeaders';
import { tooLargeResult } from './fileTooLarge';
import {
  PreferredDeclaration,
  preferredDeclarations,
} from './preferredDeclarations';
import { readPatterns } from './readPatterns';
import { keepSourceFiles } from './sourceFiles';

interface ClassifiedFile {
  parsed: ParsedTomlFile;
  kind: RegistryFileKind;
}

interface Registry {
  services: Map<string, RegistryService>;
  overrides: Map<string, Map<string, RegistryService>>;
  projects: Map<string, RegistryProject>;
  /**
   * The ids the global catalog declares when it does not parse (found in its text by their
   * `[service.<id>]` headers), with the header's position: a project declaring one of them
   * overrides a global service that could not be read.
   */
  unreadGlobals?: ReadonlyMap<string, SourcePosition>;
  /** The files that do not parse. */
  failedFiles: ReadonlySet<string>;
}

function describePosition(position: SourcePosition): string {
  // a project's folder name may hold control characters
  return `${pathInMessage(position.file)}:${position.line}`;
}

/**
 * Checks the top-level keys of a file that declares services: an unknown table (a misspelt
 * `[services.<id>]`) is an error, since everything in it is ignored, and would drop services
 * the file declared before; an unknown plain key is a warning, like unknown fields elsewhere.
 */
function checkTopLevelKeys(
  top: CheckContext,
  table: Record<string, unknown>,
  known: ReadonlySet<string>,
): void {
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(table)) {
    if (known.has(key)) continue;
    if (!isTable(table[key])) {
      plain[key] = table[key];
      continue;
    }
    report(
      top,
      'error',
      'schema/unknown-table',
      `${top.subject}: unknown table [${joinKeyPath([
        key,
      ])}] is ignored with everything in it; the tables of this file are ${[
        ...known,
      ]
        .map(k => (k === 'project' ? '[project]' : `[${k}.<id>]`))
        .join(
          ', ',
        )}. Check the spelling: services are declared as [service.<id>].`,
      [key],
    );
  }
  checkUnknownFields(
    top,
    plain,
    known,
    [],
    'declare services as [service.<id>]',
  );
}

/**
 * A valid service id to suggest for an invalid one: the id lowered, its accents dropped (ñandú:
 * nandu) and other runs of characters made `-`, else `my-service`. Never made from an id that
 * holds a credential of a well-known form (a token pasted as an id, see `redactSecrets`): the
 * lowered, dashed token would be the token still, in a form the messages' redaction misses.
 */
function suggestedServiceId(id: string): string {
  if (redactSecrets(id) !== id) return 'my-service';
  return (
    id
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]+/g, '')
      .replace(/[^a-z0-9-]+/g, '-')
      .slice(0, 63)
      .replace(/^-+|-+$/g, '') || 'my-service'
  );
}

/**
 * Reads the `[service.<id>]` tables of a catalog or project file as declarations, handing each
 * one to `visit` as it is read. Each header position comes from the cheap header scan; the
 * positions below it are looked up lazily.
 */
function forEachServiceDeclaration(
  file: ParsedTomlFile,
  project: string | undefined,
  collector: FindingCollector,
  visit: (decl: ServiceDeclaration) => void,
): void {
  const value = file.table.service;
  if (value === undefined) return;
  const index = positionIndex(file);
  if (!isTable(value)) {
    collector.add(
      'error',
      'schema/invalid-type',
      `service must hold tables: declare each service as [service.<id>].`,
      index.rootSource('service') ?? fileStart(file.path),
      { project },
    );
    return;
  }
  // one array for all the services of a file (frozen: views of overrides get their own)
  const definedIn = Object.freeze([file.path]) as string[];
  // for...in: no array of the ids; the table is the parser's, without a prototype
  // eslint-disable-next-line guard-for-in
  for (const id in value) {
    const raw = value[id];
    const source = index.recordSource('service', id) ?? fileStart(file.path);
    if (!isTable(raw)) {
      collector.add(
        'error',
        'schema/invalid-type',
        `${joinKeyPath(['service', id])} must be a table: write [${joinKeyPath([
          'service',
          id,
        ])}] followed by its fields.`,
        source,
        { service: id, project },
      );
      continue;
    }
    if (!SERVICE_ID_PATTERN.test(id)) {
      collector.add(
        'error',
        'schema/invalid-id',
        `Service id ${tomlBasicString(
          id,
        )} is invalid: use 1 to 63 lowercase letters, digits or "-", starting and ending with a letter or digit, in [service.<id>] (e.g. "${suggestedServiceId(
          id,
        )}").`,
        source,
        { service: id, project },
      );
    }
    visit({
      id,
      raw,
      positions: lazyRecordPositions(index, 'service', id),
      source,
      project,
      definedIn,
      dependencyElements: index.dependencyElements(id),
    });
  }
}

function loadCatalog(
  file: ParsedTomlFile,
  registry: Registry,
  collector: FindingCollector,
): void {
  const top = collector.context(
    file.path,
    lazyTopLevelPositions(file),
    fileStart(file.path),
    {},
  );
  checkTopLevelKeys(top, file.table, new Set(['service']));
  forEachServiceDeclaration(file, undefined, collector, decl => {
    const ctx = collector.serviceContext(
      decl.id,
      undefined,
      decl.positions,
      decl.source,
    );
    registry.services.set(
      decl.id,
      buildService(decl, ctx, undefined, undefined),
    );
  });
}

function overrideView(
  global: RegistryService,
  decl: ServiceDeclaration,
  project: RegistryProject,
  collector: FindingCollector,
): RegistryService {
  const merged: ServiceDeclaration = {
    id: decl.id,
    raw: mergeTables(global.raw, decl.raw),
    positions: deferred(
      memo(() => ({ ...global.positions, ...decl.positions.resolve() })),
    ),
    source: decl.source,
    project: project.id,
    definedIn: [...global.definedIn, ...decl.definedIn],
  };
  const silent = collector.serviceContext(
    decl.id,
    undefined,
    merged.positions,
    merged.source,
    true,
  );
  const view = buildService(merged, silent, project.tier, project.owner);
  view.releases = global.releases;
  view.monitoring = [...global.monitoring];
  return view;
}

/** Reports a declaration of an id that another project's declaration is kept for. */
function reportDuplicate(
  decl: ServiceDeclaration,
  project: string,
  keptProject: string,
  keptSource: SourcePosition,
  declaredFirst: boolean,
  collector: FindingCollector,
): void {
  collector.add(
    'error',
    'service/duplicate-id',
    `Service ${tomlBasicString(
      decl.id,
    )} is already declared by project ${tomlBasicString(
      keptProject,
    )} at ${describePosition(keptSource)}${
      declaredFirst ? ', which declared it first' : ''
    }; ids must be unique across the registry. Rename one of them, or move the service to services/catalog.toml to share it. This declaration is ignored.`,
    decl.source,
    { service: decl.id, project },
  );
}

/**
 * Loads the services of a project's `services.toml`. An id another project declared is
 * reported and ignored: the first declaration in path order is kept, or the one `preferred`
 * names (see {@link LoadRegistryOptions.preferredDeclarations}).
 */
function loadProjectServices(
  file: ParsedTomlFile,
  project: RegistryProject,
  registry: Registry,
  collector: FindingCollector,
  preferred: ReadonlyMap<string, PreferredDeclaration> | undefined,
): void {
  const top = collector.context(
    // the folder name is the project id, which may hold control characters
    pathInMessage(file.path),
    lazyTopLevelPositions(file),
    fileStart(file.path),
    { project: project.id },
  );
  checkTopLevelKeys(
    top,
    file.table,
    new Set(['project', 'project-specific', 'service']),
  );
  forEachServiceDeclaration(file, project.id, collector, decl => {
    // without a preference that applies, no look-up at all
    const kept = preferred?.get(decl.id);
    if (kept !== undefined && kept.project !== project.id) {
      reportDuplicate(
        decl,
        project.id,
        kept.project,
        kept.source,
        true,
        collector,
      );
      return;
    }
    const existing = registry.services.get(decl.id);
    const unreadGlobal = existing
      ? undefined
      : registry.unreadGlobals?.get(decl.id);
    if (unreadGlobal) {
      // an override applied to nothing would declare a service of the project's own, with the
      // project's few fields, and clash with the other projects' overrides
      collector.add(
        'warning',
        'service/override-not-applied',
        `Service ${tomlBasicString(decl.id)} of project ${tomlBasicString(
          project.id,
        )} overrides the global service declared at ${describePosition(
          unreadGlobal,
        )}${
          registry.failedFiles.has(unreadGlobal.file)
            ? `, a file that does not parse; the override is not applied until that file parses again. Fix the syntax error of ${unreadGlobal.file}.`
            : `, in the version of ${unreadGlobal.file} that was read; that version has errors, and its last good version, which does not declare it, is loaded in its place. The override is not applied until ${unreadGlobal.file} is fixed.`
        }`,
        decl.source,
        { service: decl.id, project: project.id },
      );
      return;
    }
    if (existing && existing.project !== undefined) {
      reportDuplicate(
        decl,
        project.id,
        existing.project,
        existing.source,
        false,
        collector,
      );
      return;
    }
    // Checks (and reports on) the declaration as written.
    const ctx = collector.serviceContext(
      decl.id,
      project.id,
      decl.positions,
      decl.source,
    );
    const own = buildService(decl, ctx, project.tier, project.owner);
    project.services.push(decl.id);
    if (!existing) {
      registry.services.set(decl.id, own);
      return;
    }
    const view = overrideView(existing, decl, project, collector);
    existing.overriddenBy.push(project.id);
    let views = registry.overrides.get(project.id);
    if (!views) {
      views = new Map();
      registry.overrides.set(project.id, views);
    }
    views.set(decl.id, view);
  });
}

/** Orders findings by file, line and column, so they read like the files. */
function sortFindings(findings: RegistryFinding[]): RegistryFinding[] {
  return findings
    .map((finding, index) => ({ finding, index }))
    .sort(
      (a, b) =>
        (a.finding.file < b.finding.file
          ? -1
          : Number(a.finding.file > b.finding.file)) ||
        a.finding.line - b.finding.line ||
        a.finding.column - b.finding.column ||
        a.index - b.index,
    )
    .map(({ finding }) => finding);
}

/**
 * Parses every input file. Files outside the layout are ignored with a warning, but parsed when
 * they can be (`outside`): they are committed to the registry repository, so the secret scan
 * still reads them.
 */
function parseAll(
  inputs: readonly RegistryFileInput[],
  collector: FindingCollector,
): {
  files: string[];
  failed: string[];
  parsed: ClassifiedFile[];
  outside: ParsedTomlFile[];
  unreadGlobals?: Map<string, SourcePosition>;
  unreadProjectServices?: Map<string, SourcePosition>;
} {
  const byPath = new Map<string, RegistryFileInput>();
  for (const input of inputs) {
    const path = normalizeRegistryPath(input.path);
    if (byPath.has(path)) {
      collector.add(
        'warning',
        'registry/duplicate-file',
        `${pathInMessage(
          path,
        )} was given twice; only the first copy is loaded.`,
        fileStart(path),
      );
      continue;
    }
    byPath.set(path, input);
  }
  const files = [...byPath.keys()].sort();
  const failed: string[] = [];
  const parsed: ClassifiedFile[] = [];
  const outside: ParsedTomlFile[] = [];
  let unreadGlobals: Map<string, SourcePosition> | undefined;
  let unreadProjectServices: Map<string, SourcePosition> | undefined;
  for (const path of files) {
    const kind = classifyRegistryFile(path);
    const project = projectOfPath(path);
    if (kind.kind === 'unknown') {
      const intended = intendedRegistryPath(path);
      collector.add(
        'warning',
        'registry/unknown-file',
        intended
          ? `${pathInMessage(
              path,
            )} is not part of the registry layout and is ignored: registry file names end in ".toml", in lower case. Rename it to ${pathInMessage(
              intended,
            )}.`
          : `${pathInMessage(
              path,
            )} is not part of the registry layout and is ignored; expected services/catalog.toml, services/patterns.toml, services/versions.toml, projects/<project>/services.toml|deployment.toml|monitoring.toml or policies/<name>.toml.`,
        fileStart(path),
        { project },
      );
      const result = parseTomlFile(path, byPath.get(path)!.text);
      if (result.ok) outside.push(result.file);
      continue;
    }
    const input = byPath.get(path)!;
    let result;
    if (input.tooLarge) result = tooLargeResult(path, input.tooLarge);
    else if (input.notUtf8) result = notUtf8Result(path, input.notUtf8);
    else result = parseTomlFile(path, input.text);
    if (result.ok) parsed.push({ parsed: result.file, kind });
    else {
      collector.findings.push(
        project === undefined ? result.finding : { ...result.finding, project },
      );
      failed.push(path);
      if (kind.kind === 'catalog' && !input.tooLarge) {
        unreadGlobals = declaredServiceHeaders(path, input.text, unreadGlobals);
      } else if (
        kind.kind === 'project' &&
        kind.file === 'services' &&
        !input.tooLarge
      ) {
        unreadProjectServices = declaredServiceHeaders(
          path,
          input.text,
          unreadProjectServices,
        );
      }
    }
  }
  return {
    files,
    failed,
    parsed,
    outside,
    unreadGlobals,
    unreadProjectServices,
  };
}

/**
 * `unreadServices` of the loaded registry: the services files not loaded declare that no loaded
 * file declares (none when there are none).
 */
function unreadServicesOf(
  unread: ReadonlyMap<string, SourcePosition> | undefined,
  services: ReadonlyMap<string, RegistryService>,
): Pick<LoadedRegistry, 'unreadServices'> {
  let undeclared: Map<string, SourcePosition> | undefined;
  for (const [id, position] of unread ?? []) {
    if (!services.has(id)) (undeclared ??= new Map()).set(id, position);
  }
  return undeclared ? { unreadServices: undeclared } : {};
}

/**
 * Loads a registry from its files: parses each one (a file that does not parse, or that a reader
 * did not read because it is too large, contributes nothing and is listed in `failedFiles`),
 * classifies it by its path, builds the global services, the projects and their services (a
 * project re-declaring a global id overrides it field by field, see
 * {@link LoadedRegistry.overrides}), releases, monitoring, deployments, patterns and policies,
 * and reports every problem as a finding with its position. Never throws on bad input.
 *
 * A service id two projects declare is kept for one of them and reported on the others
 * (`service/duplicate-id`): the first in path order, or the one of the file
 * {@link LoadRegistryOptions.preferredDeclarations} names.
 *
 * @param inputs - the registry's files, paths relative to the registry root
 * @param options - see {@link LoadRegistryOptions}
 * @public
 */
export function loadRegistry(
  inputs: readonly RegistryFileInput[],
  options: LoadRegistryOptions = {},
): LoadedRegistry {
  const collector = new FindingCollector();
  const {
    files,
    failed,
    parsed,
    outside,
    unreadGlobals,
    unreadProjectServices,
  } = parseAll(inputs, collector);
  const registry: Registry = {
    services: new Map(),
    overrides: new Map(),
    projects: new Map(),
    unreadGlobals: options.unreadGlobals
      ? new Map([...options.unreadGlobals, ...(unreadGlobals ?? [])])
      : unreadGlobals,
    failedFiles: new Set(failed),
  };
  const ofKind = <K extends RegistryFileKind['kind']>(kind: K) =>
    parsed.filter(f => f.kind.kind === kind);

  for (const { parsed: file } of ofKind('catalog')) {
    loadCatalog(file, registry, collector);
  }

  // Projects: every folder with at least one file (parsed or not) is a project.
  const projectFiles = new Map<
    string,
    { first: string; byName: Map<string, ParsedTomlFile> }
  >();
  for (const path of files) {
    const kind = classifyRegistryFile(path);
    if (kind.kind !== 'project') continue;
    const entry = projectFiles.get(kind.project) ?? {
      first: path,
      byName: new Map(),
    };
    projectFiles.set(kind.project, entry);
  }
  for (const { parsed: file, kind } of ofKind('project')) {
    if (kind.kind === 'project') {
      projectFiles.get(kind.project)?.byName.set(kind.file, file);
    }
  }
  // the declarations kept over their duplicates, whichever project comes first in path order
  const preferred = preferredDeclarations(
    options.preferredDeclarations,
    project => projectFiles.get(project)?.byName.get('services'),
    registry.services,
  );
  for (const [id, { first, byName }] of projectFiles) {
    const servicesFile = byName.get('services');
    const project = buildProject(id, servicesFile, first, collector);
    registry.projects.set(id, project);
    if (servicesFile) {
      loadProjectServices(
        servicesFile,
        project,
        registry,
        collector,
        preferred,
      );
    }
  }

  // the services that files not loaded declare: releases and monitoring of them are not of
  // undeclared services (only made when a file did not parse)
  const unreadSources = [
    unreadProjectServices,
    options.unreadProjectServices,
    registry.unreadGlobals,
  ].filter(m => m !== undefined);
  const unread =
    unreadSources.length > 1
      ? new Map(unreadSources.flatMap(m => [...m]))
      : unreadSources[0];
  for (const { parsed: file } of ofKind('versions')) {
    attachReleases(file, registry.services, collector, unread);
  }
  for (const [id, { byName }] of projectFiles) {
    const project = registry.projects.get(id)!;
    const monitoring = byName.get('monitoring');
    if (monitoring) {
      attachMonitoring(
        monitoring,
        project,
        registry.services,
        registry.overrides.get(id),
        collector,
        unread,
      );
    }
    const deployment = byName.get('deployment');
    if (deployment) {
      const index = positionIndex(deployment);
      const value = { raw: deployment.table } as ProjectDeployment;
      LAZY_POSITIONS.define(value, lazyPositionsUnder(index, []));
      value.file = deployment.path;
      project.deployment = value;
      checkDeployment(deployment, project, collector);
    }
  }
  let patterns = new Map();
  for (const { parsed: file } of ofKind('patterns')) {
    patterns = readPatterns(file, collector);
  }
  const policies = buildPolicies(
    ofKind('policy').map(f => f.parsed),
    collector,
  );
  // the lazy positions of the registry keep each file's text, not its header scan
  for (const { parsed: file } of parsed) positionIndex(file).compact();

  const loaded: LoadedRegistry = {
    services: registry.services,
    overrides: registry.overrides,
    projects: registry.projects,
    policies,
    patterns,
    files,
    failedFiles: failed,
    ...unreadServicesOf(unread, registry.services),
    findings: sortFindings(collector.findings),
  };
  keepSourceFiles(loaded, [...parsed.map(f => f.parsed), ...outside]);
  return loaded;
}
