import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_VIEW_URL,
  Entity,
} from '@backstage/catalog-model';
import {
  controlCharacterPattern,
  ANNOTATION_DEPRECATION_DATE,
  ANNOTATION_PORT,
  ANNOTATION_PROJECT,
  ANNOTATION_SHARED_SYSTEM,
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_REPLACEMENT,
  ANNOTATION_STATUS,
  ANNOTATION_SUNSET_DATE,
  ANNOTATION_TIER,
  ANNOTATION_VERSION,
  LoadedRegistry,
  normaliseTag,
  ownerToEntityRef,
  redactSecrets,
  RegistryProject,
  RegistryService,
  serviceEntityRefOf,
  ServiceStatus,
  SourcePosition,
} from '@service-registry/plugin-service-registry-common';

// The annotation keys, read once: in a CommonJS build every use of an imported binding is a
// property read through the exporting module (a getter, for re-exports).
const KEY_VIEW_URL = ANNOTATION_VIEW_URL;
const componentRefOf = serviceEntityRefOf;
const KEY_EDIT_URL = ANNOTATION_EDIT_URL;
const KEY_STATUS = ANNOTATION_STATUS;
const KEY_VERSION = ANNOTATION_VERSION;
const KEY_TIER = ANNOTATION_TIER;
const KEY_PORT = ANNOTATION_PORT;
const KEY_DEPRECATION_DATE = ANNOTATION_DEPRECATION_DATE;
const KEY_SUNSET_DATE = ANNOTATION_SUNSET_DATE;
const KEY_REPLACEMENT = ANNOTATION_REPLACEMENT;
const KEY_PROJECT = ANNOTATION_PROJECT;

/**
 * Where a registry file can be seen (and edited) by a person.
 *
 * @public
 */
export interface FileLocation {
  /** A location reference, `url:<url>` or `file:<absolute path>`. */
  location: string;
  /** Browser URL of the file at a line, when the source is a hosted repository. */
  viewUrl?(line: number): string;
  /** Browser URL to edit the file, when the source is a hosted repository. */
  editUrl?: string;
}

/** Options of {@link mapRegistryToEntities}. */
export interface MapRegistryOptions {
  /** Id of the provider (one per configured registry). */
  providerId: string;
  /** Location reference of the registry root (`url:…` or `file:…`). */
  rootLocation: string;
  /** Resolves a registry file (relative path) to where people can see it. */
  fileLocation(path: string): FileLocation;
  /** System of global services. */
  sharedSystem: string;
  /** Owner of services and projects that declare none. */
  defaultOwner: string;
  /** Whether to emit Group entities for owners. */
  ownerGroups: boolean;
  /**
   * Owners, as written (team names or entity refs), of entities the provider emits beside the
   * registry's: the default owner owns its status Resource. Their Groups are emitted as the
   * owners' of the registry are, though no service or project names them.
   */
  providerOwners?: readonly string[];
  /** Group names already defined by another source: no Group is emitted for them. */
  existingGroups?: ReadonlySet<string>;
  /**
   * Called for each service and project left out because its id holds a credential (see
   * {@link CredentialIdLeftOut}), in the order of the registry's maps.
   */
  onLeftOut?(leftOut: CredentialIdLeftOut): void;
}

/**
 * A service or project that {@link mapRegistryToEntities} leaves out because its id holds a
 * credential of a well-known form (someone pasted a token as a service id, or named a project
 * folder with one; validation reports it as `security/secret-value`): the id would be an entity
 * name, and a ref in every consumer's `spec.dependsOn` or `spec.system`, shown to every reader of
 * the catalog. Where it is declared, never the id.
 */
export interface CredentialIdLeftOut {
  /** A service (no Component) or a project (no System). */
  kind: 'service' | 'project';
  /**
   * The file that declares it, relative to the registry root; a credential in the path (a project
   * folder's name) reads `(hidden)`: `projects/(hidden)/services.toml`.
   */
  file: string;
  /** 1-based line of its table. */
  line: number;
  /** 1-based column of its table. */
  column: number;
}

/** One mapped entity and the registry record it came from. */
export interface MappedEntity {
  entity: Entity;
  service?: RegistryService;
  project?: RegistryProject;
  /** The registry file the entity comes from, when one file does. */
  file?: string;
}

/**
 * A URL without the user name and password it may carry (`https://deploy:pass@git.example.com`):
 * the registry's validation reports such a credential, and the catalog must not show it to
 * every reader meanwhile. Most URLs have no `@`, and are returned as they are.
 */
function withoutCredentials(url: string): string {
  if (!url.includes('@')) return url;
  try {
    const parsed = new URL(url);
    if (parsed.username === '' && parsed.password === '') return url;
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return url;
  }
}

/*
 * Control characters (C0, tab and line breaks included, DEL and C1) and the invisible formatting
 * characters the loader removes from free text (bidirectional embeddings, overrides and isolates,
 * line and paragraph separators: `schema/control-character`); a URL it accepts may still hold
 * some, which its parser reads (and a browser would follow) percent-encoded.
 */
const URL_CONTROL = controlCharacterPattern({ lineBreaks: true });
const URL_CONTROLS = controlCharacterPattern({
  lineBreaks: true,
  global: true,
});

/**
 * The URL of a link: without credentials (see {@link withoutCredentials}) and without raw
 * control characters (percent-encoded, as the URL parser writes them). A URL without any is
 * returned as it is.
 */
function linkUrl(url: string): string {
  if (!URL_CONTROL.test(url)) return withoutCredentials(url);
  let encoded: string;
  try {
    encoded = new URL(url).href;
  } catch {
    encoded = url;
  }
  return withoutCredentials(encoded.replace(URL_CONTROLS, ''));
}

const LIFECYCLE_BY_STATUS: Record<ServiceStatus, string> = {
  development: 'experimental',
  beta: 'experimental',
  ga: 'production',
  maintenance: 'production',
  deprecated: 'deprecated',
  retired: 'deprecated',
};

const COMPONENT_TYPE_BY_REGISTRY_TYPE: Record<string, string> = {
  microservice: 'service',
  service: 'service',
  api: 'service',
  worker: 'service',
  job: 'service',
  gateway: 'service',
  web: 'website',
  website: 'website',
  frontend: 'website',
  library: 'library',
};

/**
 * Annotation: the registry's own type of the service (`microservice`, `web`, `database`, …).
 *
 * @public
 */
export const ANNOTATION_REGISTRY_TYPE = 'service-registry.io/type';

function componentType(type: string | undefined): string {
  if (!type) return 'service';
  const normalised = type.toLowerCase();
  return COMPONENT_TYPE_BY_REGISTRY_TYPE[normalised] ?? normalised;
}

/**
 * Whether a name holds a credential of a well-known form (see `redactSecrets`; validation reports
 * it as `security/secret-value`): a name is not hidden in part like free text, it is not taken.
 */
function holdsCredential(name: string): boolean {
  return redactSecrets(name) !== name;
}

/** Where a registry file is shown on its entities, and whether its path holds a credential. */
interface SourceLocation extends FileLocation {
  /**
   * The path as the `source-file` annotation shows it, set only when the path holds a credential
   * (a project folder named with a token): then `location` is the registry root's, and there are
   * no view and edit URLs.
   */
  shownFile?: string;
}

/** The ids of a map's records that hold a credential (see {@link holdsCredential}): usually none. */
function credentialIds(
  records: IterableIterator<{ id: string }>,
): Set<string> | undefined {
  let ids: Set<string> | undefined;
  for (const { id } of records) {
    if (holdsCredential(id)) (ids ??= new Set()).add(id);
  }
  return ids;
}

/**
 * The names derived from strings that a registry repeats (owners, tags, types), computed once
 * per distinct string in one mapping. A string that holds a credential gives no name: an owner
 * falls back (to the project's owner, then `defaultOwner`), a type is `service`, a tag is left
 * out.
 */
class NameCache {
  /** The ids of the registry's services and projects that hold a credential (usually none). */
  private readonly hiddenServices: Set<string> | undefined;
  private readonly hiddenProjects: Set<string> | undefined;
  /** Whether each id named but not declared (a missing dependency) holds a credential. */
  private readonly otherIds = new Map<string, boolean>();
  private readonly owners = new Map<string, string | undefined>();
  private readonly tags = new Map<string, string>();
  private readonly types = new Map<string, string>();
  private readonly registryTypes = new Map<string, string | undefined>();
  private readonly usedOwnerRefs = new Set<string>();

  /** Checks every service and project id of the registry, once. */
  constructor(private readonly registry: LoadedRegistry) {
    this.hiddenServices = credentialIds(registry.services.values());
    this.hiddenProjects = credentialIds(registry.projects.values());
  }

  /** Whether the id of a service of the registry's map holds a credential. */
  declaredServiceIdHidden(id: string): boolean {
    return this.hiddenServices !== undefined && this.hiddenServices.has(id);
  }

  /** Whether the id of a project of the registry's map holds a credential. */
  declaredProjectIdHidden(id: string): boolean {
    return this.hiddenProjects !== undefined && this.hiddenProjects.has(id);
  }

  /** Whether a service id (declared or only depended on) holds a credential. */
  serviceIdHidden(id: string): boolean {
    if (this.hiddenServices?.has(id)) return true;
    return !this.registry.services.has(id) && this.otherIdHidden(id);
  }

  /** Whether a project id (of a project file or only named by a service) holds a credential. */
  projectIdHidden(id: string): boolean {
    if (this.hiddenProjects?.has(id)) return true;
    return !this.registry.projects.has(id) && this.otherIdHidden(id);
  }

  private otherIdHidden(id: string): boolean {
    let hidden = this.otherIds.get(id);
    if (hidden === undefined) {
      hidden = holdsCredential(id);
      this.otherIds.set(id, hidden);
    }
    return hidden;
  }

  /** An owner ref an entity refers to; it is then one of {@link NameCache.ownerRefs}. */
  ownerRef(ref: string): string {
    this.usedOwnerRefs.add(ref);
    return ref;
  }

  /** Every owner ref an entity refers to (through {@link NameCache.ownerRef}). */
  ownerRefs(): IterableIterator<string> {
    return this.usedOwnerRefs.values();
  }

  /** The entity ref of an owner as written in the registry (see `ownerToEntityRef`). */
  owner(owner: string | undefined): string | undefined {
    if (!owner) return undefined;
    let ref = this.owners.get(owner);
    if (ref === undefined && !this.owners.has(owner)) {
      ref = holdsCredential(owner) ? undefined : ownerToEntityRef(owner);
      this.owners.set(owner, ref);
    }
    return ref;
  }

  tag(tag: string): string {
    let name = this.tags.get(tag);
    if (name === undefined) {
      name = holdsCredential(tag) ? '' : normaliseTag(tag);
      this.tags.set(tag, name);
    }
    return name;
  }

  type(type: string | undefined): string {
    if (!type) return 'service';
    let name = this.types.get(type);
    if (name === undefined) {
      name = holdsCredential(type) ? 'service' : componentType(type);
      this.types.set(type, name);
    }
    return name;
  }

  /** The registry's own type as written, for its annotation; undefined for none or a credential. */
  registryType(type: string | undefined): string | undefined {
    if (!type) return undefined;
    let written = this.registryTypes.get(type);
    if (written === undefined && !this.registryTypes.has(type)) {
      written = holdsCredential(type) ? undefined : type;
      this.registryTypes.set(type, written);
    }
    return written;
  }
}

/**
 * The annotations saying where an entity comes from; with `serviceId`, a Component's, which also
 * carry the id of its service (`service-registry.io/service-id`: a transformer may rename the
 * Component, the UI finds the service by it).
 */
function sourceAnnotations(
  options: MapRegistryOptions,
  file: string,
  line: number,
  serviceId?: string,
): Record<string, string> {
  const where: SourceLocation = options.fileLocation(file);
  // The keys written out, not the imported constants: V8 then creates the object from the
  // literal's template instead of adding its keys one by one (the provider's and the mapping's
  // tests check that they are the constants' values). One literal per entity: a Component's has
  // the service id among its keys rather than added after.
  const annotations: Record<string, string> =
    serviceId === undefined
      ? {
          'backstage.io/managed-by-location': where.location,
          'backstage.io/managed-by-origin-location': options.rootLocation,
          'backstage.io/source-location': where.location,
          'service-registry.io/source-file': where.shownFile ?? file,
          'service-registry.io/source-line': String(line),
          'service-registry.io/registry-id': options.providerId,
        }
      : {
          'backstage.io/managed-by-location': where.location,
          'backstage.io/managed-by-origin-location': options.rootLocation,
          'backstage.io/source-location': where.location,
          'service-registry.io/source-file': where.shownFile ?? file,
          'service-registry.io/source-line': String(line),
          'service-registry.io/registry-id': options.providerId,
          'service-registry.io/service-id': serviceId,
        };
  if (where.viewUrl) annotations[KEY_VIEW_URL] = where.viewUrl(line);
  if (where.editUrl) annotations[KEY_EDIT_URL] = where.editUrl;
  return annotations;
}

function setIfDefined(
  target: Record<string, string>,
  key: string,
  value: string | number | undefined,
) {
  if (value !== undefined && value !== '') target[key] = String(value);
}

function serviceToComponent(
  service: RegistryService,
  options: MapRegistryOptions,
  registry: LoadedRegistry,
  names: NameCache,
): Entity {
  const annotations = sourceAnnotations(
    options,
    service.source.file,
    service.source.line,
    service.id,
  );
  setIfDefined(annotations, KEY_STATUS, service.status);
  setIfDefined(annotations, KEY_VERSION, service.version);
  setIfDefined(annotations, KEY_TIER, service.effectiveTier);
  setIfDefined(annotations, KEY_PORT, service.port);
  setIfDefined(annotations, KEY_DEPRECATION_DATE, service.deprecationDate);
  setIfDefined(annotations, KEY_SUNSET_DATE, service.sunsetDate);
  const replacement = service.replacementService;
  if (replacement && !names.serviceIdHidden(replacement)) {
    annotations[KEY_REPLACEMENT] = replacement;
  }
  // a project whose id holds a credential has no System: its services are emitted without one,
  // as those of a project folder whose name cannot name a System (see checkEntities)
  const hiddenProject =
    service.project !== undefined && names.projectIdHidden(service.project);
  if (service.project && !hiddenProject) {
    annotations[KEY_PROJECT] = service.project;
  }
  setIfDefined(
    annotations,
    ANNOTATION_REGISTRY_TYPE,
    names.registryType(service.type),
  );

  const project = service.project
    ? registry.projects.get(service.project)
    : undefined;
  const owner =
    names.owner(service.owner) ??
    names.owner(project?.owner) ??
    names.owner(options.defaultOwner)!;

  // keys in the order of the entity's schema (name, title, description, tags, ...)
  const metadata: Entity['metadata'] = { name: service.id };
  if (service.name && service.name !== service.id) {
    metadata.title = redactSecrets(service.name);
  }
  if (service.description) {
    metadata.description = redactSecrets(service.description);
  }
  metadata.tags = normaliseTags(service.tags, names);
  metadata.annotations = annotations;
  if (service.repository) {
    metadata.links = [
      {
        url: linkUrl(service.repository),
        title: 'Repository',
        type: 'repository',
      },
    ];
  }

  const spec: Entity['spec'] = {
    type: names.type(service.type),
    lifecycle: service.status
      ? LIFECYCLE_BY_STATUS[service.status]
      : 'production',
    owner: names.ownerRef(owner),
    system: service.project ?? options.sharedSystem,
    dependsOn: dependsOn(service, names),
  };
  if (hiddenProject) delete spec.system;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata,
    spec,
  };
}

/** The refs of the services required, but those whose ids hold a credential (not emitted). */
function dependsOn(service: RegistryService, names: NameCache): string[] {
  const requires = service.dependencies.requires;
  const refs: string[] = new Array(requires.length);
  let count = 0;
  for (let k = 0; k < requires.length; k++) {
    const id = requires[k].service;
    if (!names.serviceIdHidden(id)) refs[count++] = componentRefOf(id);
  }
  if (count < refs.length) refs.length = count;
  return uniqueSorted(refs);
}

function projectToSystem(
  project: RegistryProject,
  options: MapRegistryOptions,
  names: NameCache,
): Entity {
  const annotations = sourceAnnotations(
    options,
    project.source.file,
    project.source.line,
  );
  setIfDefined(annotations, KEY_TIER, project.tier);
  setIfDefined(annotations, KEY_PROJECT, project.id);
  setIfDefined(
    annotations,
    'service-registry.io/environment',
    project.environment && redactSecrets(project.environment),
  );
  const owner =
    names.owner(project.owner) ?? names.owner(options.defaultOwner)!;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: project.id,
      ...(project.name && project.name !== project.id
        ? { title: redactSecrets(project.name) }
        : {}),
      ...(project.description
        ? { description: redactSecrets(project.description) }
        : {}),
      annotations,
    },
    spec: { owner: names.ownerRef(owner) },
  };
}

function sharedSystem(options: MapRegistryOptions, names: NameCache): Entity {
  const annotations = sourceAnnotations(options, 'services/catalog.toml', 1);
  // what tells it from the projects' Systems, whatever a transformer names it
  annotations[ANNOTATION_SHARED_SYSTEM] = options.sharedSystem;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: options.sharedSystem,
      title: 'Shared services',
      description:
        'Global services of the registry (services/catalog.toml), shared by all projects.',
      annotations,
    },
    spec: { owner: names.ownerRef(names.owner(options.defaultOwner)!) },
  };
}

function ownerGroup(name: string, options: MapRegistryOptions): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: {
      name,
      description: 'Owner of services in the service registry.',
      annotations: {
        [ANNOTATION_LOCATION]: options.rootLocation,
        [ANNOTATION_ORIGIN_LOCATION]: options.rootLocation,
        [ANNOTATION_REGISTRY_ID]: options.providerId,
      },
    },
    spec: { type: 'team', children: [] },
  };
}

const GROUP_REF_PREFIX = 'group:default/';

function normaliseTags(tags: string[], names: NameCache): string[] {
  if (tags.length === 0) return [];
  // exactly as long as needed (an array filled with push keeps room for 17 entries)
  const out = new Array<string>(tags.length);
  let count = 0;
  for (let k = 0; k < tags.length; k++) {
    const tag = names.tag(tags[k]);
    if (tag) out[count++] = tag;
  }
  if (count < out.length) out.length = count;
  return uniqueSorted(out);
}

/**
 * The distinct values in ascending order (of UTF-16 code units, as `Array.prototype.sort`);
 * short lists, so an insertion sort. Lists of fewer than two values are returned as they are.
 */
function uniqueSorted(values: string[]): string[] {
  const n = values.length;
  if (n < 2) return values;
  if (n === 2) {
    const [a, b] = values;
    if (a === b) return [a];
    return a < b ? values : [b, a];
  }
  const sorted = values.slice();
  for (let i = 1; i < n; i++) {
    const value = sorted[i];
    let j = i - 1;
    while (j >= 0 && sorted[j] > value) {
      sorted[j + 1] = sorted[j];
      j--;
    }
    sorted[j + 1] = value;
  }
  let length = 1;
  for (let i = 1; i < n; i++) {
    if (sorted[i] !== sorted[length - 1]) sorted[length++] = sorted[i];
  }
  sorted.length = length;
  return sorted;
}

/**
 * Maps a loaded registry to catalog entities: each service that is not retired becomes a
 * Component, each project a System (global services belong to the shared System), and each owner
 * that no other source defines a Group, the provider's own owners included (see
 * `providerOwners`). Retired services are left out (they are removed from the catalog, as the
 * lifecycle says).
 *
 * No credential of a well-known form reaches an entity: a service whose id holds one is left
 * out, and so are the refs to it in its consumers' `spec.dependsOn` and `replacement`
 * annotations; a project whose id holds one has no System, its services none either (no
 * `spec.system`, no `project` annotation), and their source annotations point at the registry
 * root, since their file's path holds it too. Each is reported to `onLeftOut`.
 */
export function mapRegistryToEntities(
  registry: LoadedRegistry,
  input: MapRegistryOptions,
): MappedEntity[] {
  const out: MappedEntity[] = [];
  const names = new NameCache(registry);
  let hasGlobal = false;
  const locations = new Map<string, SourceLocation>();
  const options: MapRegistryOptions = {
    ...input,
    fileLocation: (file): SourceLocation => {
      let where = locations.get(file);
      if (!where) {
        // a path that holds a credential (a project folder named with a token) is not shown
        where = holdsCredential(file)
          ? { location: input.rootLocation, shownFile: redactSecrets(file) }
          : input.fileLocation(file);
        locations.set(file, where);
      }
      return where;
    },
  };
  const leftOut = (kind: CredentialIdLeftOut['kind'], source: SourcePosition) =>
    input.onLeftOut?.({
      kind,
      file: redactSecrets(source.file),
      line: source.line,
      column: source.column,
    });

  for (const service of registry.services.values()) {
    if (service.status === 'retired') continue;
    if (names.declaredServiceIdHidden(service.id)) {
      leftOut('service', service.source);
      continue;
    }
    const entity = serviceToComponent(service, options, registry, names);
    out.push({ entity, service, file: service.source.file });
    if (!service.project) hasGlobal = true;
  }
  for (const project of registry.projects.values()) {
    if (names.declaredProjectIdHidden(project.id)) {
      leftOut('project', project.source);
      continue;
    }
    const entity = projectToSystem(project, options, names);
    out.push({ entity, project, file: project.source.file });
  }
  if (hasGlobal) {
    out.push({
      entity: sharedSystem(options, names),
      file: 'services/catalog.toml',
    });
  }
  if (options.ownerGroups) {
    for (const owner of options.providerOwners ?? []) {
      const ref = names.owner(owner);
      if (ref) names.ownerRef(ref);
    }
    const groups: string[] = [];
    for (const ref of names.ownerRefs()) {
      if (ref.startsWith(GROUP_REF_PREFIX)) {
        groups.push(ref.slice(GROUP_REF_PREFIX.length));
      }
    }
    for (const owner of groups.sort()) {
      if (options.existingGroups?.has(owner)) continue;
      out.push({ entity: ownerGroup(owner, options) });
    }
  }
  return out;
}
