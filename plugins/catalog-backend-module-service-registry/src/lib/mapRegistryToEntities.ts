import {
  ANNOTATION_EDIT_URL,
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  ANNOTATION_SOURCE_LOCATION,
  ANNOTATION_VIEW_URL,
  Entity,
} from '@backstage/catalog-model';
import {
  ANNOTATION_DEPRECATION_DATE,
  ANNOTATION_PORT,
  ANNOTATION_PROJECT,
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_REPLACEMENT,
  ANNOTATION_SOURCE_FILE,
  ANNOTATION_SOURCE_LINE,
  ANNOTATION_STATUS,
  ANNOTATION_SUNSET_DATE,
  ANNOTATION_TIER,
  ANNOTATION_VERSION,
  LoadedRegistry,
  RegistryProject,
  RegistryService,
  ServiceStatus,
} from '@service-registry/plugin-service-registry-common';
import { ownerToEntityName } from './entityNames';

/** Where a registry file can be seen (and edited) by a person. */
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
  /** Group names already defined by another source: no Group is emitted for them. */
  existingGroups?: ReadonlySet<string>;
}

/** One mapped entity and the registry record it came from. */
export interface MappedEntity {
  entity: Entity;
  service?: RegistryService;
  project?: RegistryProject;
  /** The registry file the entity comes from, when one file does. */
  file?: string;
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

/** Annotation: the registry's own type of the service (`microservice`, `web`, `database`, …). */
export const ANNOTATION_REGISTRY_TYPE = 'service-registry.io/type';

function componentType(type: string | undefined): string {
  if (!type) return 'service';
  const normalised = type.toLowerCase();
  return COMPONENT_TYPE_BY_REGISTRY_TYPE[normalised] ?? normalised;
}

function sourceAnnotations(
  options: MapRegistryOptions,
  file: string,
  line: number,
): Record<string, string> {
  const where = options.fileLocation(file);
  const annotations: Record<string, string> = {
    [ANNOTATION_LOCATION]: where.location,
    [ANNOTATION_ORIGIN_LOCATION]: options.rootLocation,
    [ANNOTATION_SOURCE_LOCATION]: where.location,
    [ANNOTATION_SOURCE_FILE]: file,
    [ANNOTATION_SOURCE_LINE]: String(line),
    [ANNOTATION_REGISTRY_ID]: options.providerId,
  };
  if (where.viewUrl) annotations[ANNOTATION_VIEW_URL] = where.viewUrl(line);
  if (where.editUrl) annotations[ANNOTATION_EDIT_URL] = where.editUrl;
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
): Entity {
  const annotations = sourceAnnotations(
    options,
    service.source.file,
    service.source.line,
  );
  setIfDefined(annotations, ANNOTATION_STATUS, service.status);
  setIfDefined(annotations, ANNOTATION_VERSION, service.version);
  setIfDefined(annotations, ANNOTATION_TIER, service.effectiveTier);
  setIfDefined(annotations, ANNOTATION_PORT, service.port);
  setIfDefined(
    annotations,
    ANNOTATION_DEPRECATION_DATE,
    service.deprecationDate,
  );
  setIfDefined(annotations, ANNOTATION_SUNSET_DATE, service.sunsetDate);
  setIfDefined(annotations, ANNOTATION_REPLACEMENT, service.replacementService);
  setIfDefined(annotations, ANNOTATION_PROJECT, service.project);
  setIfDefined(annotations, ANNOTATION_REGISTRY_TYPE, service.type);

  const project = service.project
    ? registry.projects.get(service.project)
    : undefined;
  const owner =
    ownerToEntityName(service.owner) ??
    ownerToEntityName(project?.owner) ??
    options.defaultOwner;

  const links = service.repository
    ? [{ url: service.repository, title: 'Repository', type: 'repository' }]
    : undefined;

  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: service.id,
      ...(service.name && service.name !== service.id
        ? { title: service.name }
        : {}),
      ...(service.description ? { description: service.description } : {}),
      tags: normaliseTags(service.tags),
      annotations,
      ...(links ? { links } : {}),
    },
    spec: {
      type: componentType(service.type),
      lifecycle: service.status
        ? LIFECYCLE_BY_STATUS[service.status]
        : 'production',
      owner: `group:default/${owner}`,
      system: service.project ?? options.sharedSystem,
      dependsOn: uniqueSorted(
        service.dependencies.requires.map(
          dep => `component:default/${dep.service}`,
        ),
      ),
    },
  };
}

function projectToSystem(
  project: RegistryProject,
  options: MapRegistryOptions,
): Entity {
  const annotations = sourceAnnotations(
    options,
    project.source.file,
    project.source.line,
  );
  setIfDefined(annotations, ANNOTATION_TIER, project.tier);
  setIfDefined(annotations, ANNOTATION_PROJECT, project.id);
  setIfDefined(
    annotations,
    'service-registry.io/environment',
    project.environment,
  );
  const owner = ownerToEntityName(project.owner) ?? options.defaultOwner;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'System',
    metadata: {
      name: project.id,
      ...(project.name && project.name !== project.id
        ? { title: project.name }
        : {}),
      ...(project.description ? { description: project.description } : {}),
      annotations,
    },
    spec: { owner: `group:default/${owner}` },
  };
}

function sharedSystem(options: MapRegistryOptions): Entity {
  const annotations = sourceAnnotations(options, 'services/catalog.toml', 1);
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
    spec: { owner: `group:default/${options.defaultOwner}` },
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

function normaliseTags(tags: string[]): string[] {
  if (tags.length === 0) return [];
  return uniqueSorted(
    tags
      .map(tag =>
        tag
          .toLowerCase()
          .replace(/[^a-z0-9:+#-]+/g, '-')
          .replace(/^-+|-+$/g, '')
          .slice(0, 63),
      )
      .filter(Boolean),
  );
}

function uniqueSorted(values: string[]): string[] {
  if (values.length < 2) return values;
  return [...new Set(values)].sort();
}

/**
 * Maps a loaded registry to catalog entities: each service that is not retired becomes a
 * Component, each project a System (global services belong to the shared System), and each owner
 * that no other source defines a Group. Retired services are left out (they are removed from the
 * catalog, as the lifecycle says).
 */
export function mapRegistryToEntities(
  registry: LoadedRegistry,
  input: MapRegistryOptions,
): MappedEntity[] {
  const out: MappedEntity[] = [];
  const owners = new Set<string>();
  let hasGlobal = false;
  const locations = new Map<string, FileLocation>();
  const options: MapRegistryOptions = {
    ...input,
    fileLocation: file => {
      let where = locations.get(file);
      if (!where) {
        where = input.fileLocation(file);
        locations.set(file, where);
      }
      return where;
    },
  };

  for (const service of registry.services.values()) {
    if (service.status === 'retired') continue;
    const entity = serviceToComponent(service, options, registry);
    out.push({ entity, service, file: service.source.file });
    owners.add((entity.spec!.owner as string).replace('group:default/', ''));
    if (!service.project) hasGlobal = true;
  }
  for (const project of registry.projects.values()) {
    const entity = projectToSystem(project, options);
    out.push({ entity, project, file: project.source.file });
    owners.add((entity.spec!.owner as string).replace('group:default/', ''));
  }
  if (hasGlobal) {
    out.push({ entity: sharedSystem(options), file: 'services/catalog.toml' });
    owners.add(options.defaultOwner);
  }
  if (options.ownerGroups) {
    for (const owner of [...owners].sort()) {
      if (options.existingGroups?.has(owner)) continue;
      out.push({ entity: ownerGroup(owner, options) });
    }
  }
  return out;
}
