import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  redactSecrets,
  SERVICE_ID_PATTERN,
} from '@service-registry/plugin-service-registry-common';
import { lookUpCatalogRefs } from '../lib/catalogRefs';
import { checkDependencies } from '../lib/dependencies';
import { addServiceTable, renderTomlValue, TomlEditValue } from '../lib/edit';
import { asInputError } from '../lib/errors';
import { applyChanges, loadChanged } from '../lib/applyChanges';
import { refuseControlCharacters } from '../lib/controlCharacters';
import { assertSemver, requireOwnerName } from '../lib/schemas';
import { refuseSecrets } from '../lib/secrets';
import { unreadFilesNote } from '../lib/unreadFiles';
import * as field from '../lib/inputFields';
import {
  editableText,
  FileChange,
  readWorkspaceRegistry,
} from '../lib/workspaceRegistry';
import { examples } from './addService.examples';

/**
 * Values that mean "a global service" for the `project` input. A project may be called `global`:
 * it is named by its catalog ref `system:default/global`, and the bare `global` is refused as
 * ambiguous when such a project exists (or is to be created).
 */
const GLOBAL = new Set(['', 'global', '(global)']);

/**
 * The `[project]` table of a new project file, its name written as a TOML string (escaped like
 * every value the editor writes) and refused when it looks like a credential.
 */
function projectHeader(name: string): string {
  refuseSecrets({ name }, ['project']);
  try {
    return `[project]\nname = ${renderTomlValue(name)}\n`;
  } catch (error) {
    throw new InputError(
      `projectName: ${(error as Error).message} Nothing was written.`,
    );
  }
}

/** Drops undefined values and empty tables, keeping the key order. */
function compact(table: Record<string, TomlEditValue | undefined>): {
  [key: string]: TomlEditValue;
} {
  const out: { [key: string]: TomlEditValue } = {};
  for (const [key, value] of Object.entries(table)) {
    if (value === undefined) continue;
    if (
      typeof value === 'object' &&
      !Array.isArray(value) &&
      !(value instanceof Date) &&
      Object.keys(value).length === 0
    ) {
      continue;
    }
    out[key] = value;
  }
  return out;
}

/**
 * Options of {@link createServiceRegistryAddServiceAction}.
 *
 * @public
 */
export interface ServiceRegistryAddServiceActionOptions {
  /**
   * The catalog (`catalogServiceRef`), in which the entity refs given for the dependencies and the
   * project are looked up with the initiator's credentials. Without it, a ref is read as its
   * entity's name, which is the registry id unless a transformer renamed the entity.
   */
  catalog?: CatalogService;
}

/**
 * Creates the `service-registry:service:add` action: adds a `[service.<id>]` table with its
 * sub-tables to the registry checked out in the workspace, in `services/catalog.toml` for a
 * global service or `projects/<project>/services.toml` for a project's (creating that file for
 * a new project when `createProject` is set). Every byte of the file outside the new block stays
 * as it was. Bad input (invalid or duplicate id, unknown project, unknown or retired
 * dependency, path outside the workspace, a value that looks like a credential, a control
 * character in a text) is refused before any file is touched.
 *
 * Dependencies and the project may be given as the catalog refs of their entities
 * (`component:default/shop-api@^2`, `system:default/shop`), as the templates' entity pickers give
 * them: they are read as the registry ids of the entities' annotations
 * (`service-registry.io/service-id`, `service-registry.io/project`; see `lookUpCatalogRefs`).
 *
 * @public
 */
export function createServiceRegistryAddServiceAction(
  options: ServiceRegistryAddServiceActionOptions = {},
) {
  return createTemplateAction({
    id: 'service-registry:service:add',
    description:
      'Adds a service ([service.<id>] with its sub-tables) to the TOML registry in the workspace, keeping the rest of the file byte for byte.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        registryPath: field.registryPath,
        id: field.serviceId('Id of the new service, unique in the registry'),
        project: z =>
          z
            .string({
              description:
                "Project that owns the service (`projects/<project>/services.toml`), as an id or a catalog ref `system:default/<name>` (read as the project of the System's annotation service-registry.io/project, else its name: a System the catalog does not know is a project to create); empty or `global` for a global service in `services/catalog.toml` (a project called `global` is named by its ref `system:default/global`)",
            })
            .optional(),
        createProject: z =>
          z
            .boolean({
              description:
                'Create `projects/<project>/services.toml` when the project does not exist yet (default false: an unknown project is refused)',
            })
            .optional(),
        projectName: z =>
          z
            .string({ description: 'Display name of a project created here' })
            .optional(),
        name: z => z.string({ description: 'Display name' }).optional(),
        description: z => z.string({ description: 'Description' }).optional(),
        type: field.serviceType(
          'Kind of service: microservice, web, api, worker, database, cache, queue, library, job, ...',
        ),
        owner: field.owner(
          'Owning team (`platform-team`, `@platform-team`, or a catalog group ref `group:default/platform-team`)',
        ),
        version: field.version('Current version (default 0.1.0)'),
        status: field.status(
          'Lifecycle status (default development); not deprecated or retired: a new service is deprecated with service-registry:service:deprecate',
        ),
        tier: field.tier(
          'Tier; when absent the service inherits its project tier',
        ),
        port: field.port,
        tags: field.tags,
        repository: field.repository,
        dependencies: field.dependencies(
          'Dependencies: the services the new one requires, and those it can do without',
        ),
        sla: z =>
          z
            .object(
              {
                availability: z.union([z.string(), z.number()]).optional(),
                responseTimeP50: z.string().optional(),
                responseTimeP95: z.string().optional(),
                responseTimeP99: z.string().optional(),
                errorRate: z.string().optional(),
                supportHours: z.string().optional(),
                rto: z.string().optional(),
                rpo: z.string().optional(),
                breakHandling: z.string().optional(),
              },
              {
                description:
                  'Service level: availability ("99.9%"), responseTimeP99 ("200ms"), supportHours ("24/7"), rto, rpo, ...',
              },
            )
            .optional(),
        governance: z =>
          z
            .object(
              {
                approvers: z
                  .array(z.string())
                  .optional()
                  .describe(
                    'Approvers, e.g. `@platform-team`; catalog refs `group:default/<team>` become `@<team>`',
                  ),
                changeLog: z.string().optional(),
                breakChangesNotice: z.number().int().min(0).optional(),
              },
              { description: 'Change governance' },
            )
            .optional(),
        metadata: z =>
          z
            .record(z.union([z.string(), z.number(), z.boolean()]), {
              description:
                'Runtime hints for generators (min_memory_mb, cpu, replicas, image, health_check)',
            })
            .optional(),
      },
      output: {
        serviceId: z => z.string({ description: 'Id of the added service' }),
        file: z =>
          z.string({
            description:
              'Registry file that now declares it, relative to the registry root',
          }),
        createdFile: z =>
          z.boolean({ description: 'Whether the file was created' }),
        diff: z => z.string({ description: 'The change, as a diff' }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      // free text holds no control characters; a description may keep tabs and line breaks
      refuseControlCharacters(
        {
          projectName: input.projectName,
          name: input.name,
          description: input.description,
          type: input.type,
          owner: input.owner,
          tags: input.tags,
          repository: input.repository,
          sla: input.sla,
          governance: input.governance,
          metadata: input.metadata,
        },
        ['description', 'governance.changeLog', 'sla.breakHandling'],
      );
      // the runner checked the input against the JSON Schema only: what it cannot say, here
      const owner = requireOwnerName(input.owner);
      assertSemver('version', input.version);
      // as for update: deprecating sets the dates and the successor, and retiring follows it
      if (input.status === 'deprecated') {
        throw new InputError(
          `${input.id} cannot be added as deprecated: add it with a live status (development, beta, ga or maintenance), then deprecate it with service-registry:service:deprecate, which also sets the dates, the replacement and the migration guide.`,
        );
      }
      if (input.status === 'retired') {
        throw new InputError(
          `${input.id} cannot be added as retired: only a deprecated service can be retired (service-registry:service:deprecate first, with a sunset date that gives its consumers time to migrate). Add it with a live status (development, beta, ga or maintenance).`,
        );
      }
      const ws = await readWorkspaceRegistry(
        ctx.workspacePath,
        input.registryPath,
      );
      const { registry } = ws;
      const id = input.id;

      const existing = registry.services.get(id);
      if (existing) {
        throw new InputError(
          `The registry already declares service "${id}" (${existing.source.file}:${existing.source.line}): choose another id, or use service-registry:service:update.`,
        );
      }

      // catalog refs (the templates' entity pickers) are the registry ids of their entities
      const refs = await lookUpCatalogRefs({
        catalog: options.catalog,
        credentials: () => ctx.getInitiatorCredentials(),
        registry,
        logger: ctx.logger,
        services: [
          ...(input.dependencies?.requires ?? []),
          ...(input.dependencies?.optional ?? []),
        ],
        projects: [input.project],
      });

      // a catalog System reference (`system:default/project-a`, as the template's picker gives)
      // always names a project, `system:default/global` too; the bare words name a global service
      const written = input.project?.trim() ?? '';
      const project = refs
        .project(written)
        .replace(/^system:(?:[a-z0-9._-]+\/)?/i, '');
      const isGlobal = !/^system:/i.test(written) && GLOBAL.has(project);
      if (
        isGlobal &&
        project === 'global' &&
        (registry.projects.has(project) || input.createProject)
      ) {
        throw new InputError(
          `project "global" names both the project global (projects/global/services.toml${
            registry.projects.has(project) ? '' : ', to be created'
          }) and a global service: write system:default/global for the project, or leave project empty for a global service (services/catalog.toml). Nothing was written.`,
        );
      }
      let file = 'services/catalog.toml';
      let newProjectHeader: string | undefined;
      if (!isGlobal) {
        if (!SERVICE_ID_PATTERN.test(project)) {
          throw new InputError(
            `${JSON.stringify(
              project,
            )} is not a valid project id: use 1 to 63 lowercase letters, digits or "-".`,
          );
        }
        file = `projects/${project}/services.toml`;
        if (!registry.projects.has(project)) {
          if (!input.createProject) {
            const known = [...registry.projects.keys()].sort().join(', ');
            throw new InputError(
              `Unknown project "${project}" (known: ${
                known || 'none'
              }). Pick an existing project, or set createProject to create ${file}.`,
            );
          }
          newProjectHeader = projectHeader(
            input.projectName?.trim() || project,
          );
        }
      }

      // the new service sees its dependencies as its project does (its overrides win)
      const consumer = { id, project: isGlobal ? undefined : project };
      const requires = checkDependencies(
        (input.dependencies?.requires ?? []).map(e =>
          refs.entry(e, 'dependencies.requires'),
        ),
        registry,
        consumer,
        'dependencies.requires',
      );
      const optional = checkDependencies(
        (input.dependencies?.optional ?? []).map(e =>
          refs.entry(e, 'dependencies.optional'),
        ),
        registry,
        consumer,
        'dependencies.optional',
        requires,
      );

      const sla = input.sla ?? {};
      const governance = input.governance ?? {};
      const table = compact({
        name: input.name?.trim() || id,
        description: input.description?.trim() || undefined,
        type: input.type,
        owner,
        version: input.version ?? '0.1.0',
        status: input.status ?? 'development',
        tier: input.tier,
        port: input.port,
        tags: input.tags?.length ? input.tags : undefined,
        repository: input.repository,
        dependencies: compact({
          requires: requires.length ? requires : undefined,
          optional: optional.length ? optional : undefined,
        }),
        sla: compact({
          availability: sla.availability,
          response_time_p50: sla.responseTimeP50,
          response_time_p95: sla.responseTimeP95,
          response_time_p99: sla.responseTimeP99,
          error_rate: sla.errorRate,
          support_hours: sla.supportHours,
          rto: sla.rto,
          rpo: sla.rpo,
          break_handling: sla.breakHandling,
        }),
        governance: compact({
          // a group of the default namespace (`group:default/team`) becomes the handle `@team`
          // each checked as the owner is: `group:default/`, "" and "   " name no team
          approvers: governance.approvers?.map((a, i) => {
            const name = requireOwnerName(a, `governance.approvers[${i}]`)!;
            return /^group:/i.test(a) && name !== a.trim() ? `@${name}` : a;
          }),
          change_log: governance.changeLog,
          break_changes_notice: governance.breakChangesNotice,
        }),
        metadata: input.metadata,
      });

      refuseSecrets(table);

      const before = editableText(ws, file);
      let change: FileChange;
      try {
        change = {
          path: file,
          before,
          text: addServiceTable(before ?? newProjectHeader ?? '', id, table, {
            file,
          }),
        };
      } catch (error) {
        throw asInputError(error);
      }

      const head = loadChanged(ws, [change]);
      const added = head.services.get(id);
      if (!added || (added.project ?? '') !== (isGlobal ? '' : project)) {
        // a file that does not parse may declare the id already (the loader drops the new one)
        const unread = unreadFilesNote(registry, id);
        if (unread) {
          throw new InputError(
            `Service "${id}" cannot be added while ${unread} Nothing was written.`,
          );
        }
        throw new InputError(
          `Service "${id}" would not load from ${file} as a ${
            isGlobal ? 'global' : `project ${project}`
          } service; nothing was written.`,
        );
      }
      // a value the registry's schema refuses (`sla.response_time_p99 = "fast"`) is bad input
      const invalid = head.findings.filter(
        f =>
          f.service === id &&
          f.severity === 'error' &&
          f.code.startsWith('schema/'),
      );
      if (invalid.length) {
        throw new InputError(
          `The registry would refuse service "${id}": ${invalid
            .map(f => redactSecrets(f.message))
            .join(' ')} Fix the input; nothing was written.`,
        );
      }
      for (const finding of head.findings) {
        if (finding.service === id) {
          ctx.logger.warn(
            `${finding.severity} ${finding.code} at ${finding.file}:${
              finding.line
            }: ${redactSecrets(finding.message)}`,
          );
        }
      }

      const diff = await applyChanges({
        ws,
        head,
        changes: [change],
        logger: ctx.logger,
        isDryRun: ctx.isDryRun,
      });
      ctx.output('serviceId', id);
      ctx.output('file', file);
      ctx.output('createdFile', before === undefined);
      ctx.output('diff', diff);
    },
  });
}
