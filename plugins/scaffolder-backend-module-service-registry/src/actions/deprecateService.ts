import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildDependencyGraph,
  getServiceForProject,
  LoadedRegistry,
  markdownCell,
  markdownCode as code,
  markdownCodeCell as codeCell,
  toIsoDate,
} from '@service-registry/plugin-service-registry-common';
import {
  applyChanges,
  loadChanged,
  planServicePatch,
  requireService,
} from '../lib/applyChanges';
import { lookUpCatalogRefs } from '../lib/catalogRefs';
import { refuseControlCharacters } from '../lib/controlCharacters';
import { renderTomlValue, TomlEditValue } from '../lib/edit';
import {
  AlignedOverride,
  planOverrideLifecycleRemoval,
} from '../lib/overrides';
import {
  assertCalendarDate,
  DATE_MESSAGE,
  DATE_PATTERN,
  DIFFICULTY_VALUES,
} from '../lib/schemas';
import { refuseSecrets } from '../lib/secrets';
import { dateLike, writtenServiceTable } from '../lib/tomlDates';
import * as field from '../lib/inputFields';
import { readWorkspaceRegistry } from '../lib/workspaceRegistry';
import { examples } from './deprecateService.examples';

/**
 * A consumer that must migrate off a deprecated service: a service whose view requires it (or
 * lists it as optional), with the project of that view and that view's owner. A global service
 * whose dependency only a project's override adds is listed with that project.
 */
interface Consumer {
  service: string;
  /** The project whose view depends on the service; null for a global declaration. */
  project: string | null;
  /** The owner of that view (a project override may name its own). */
  owner: string | null;
  optional: boolean;
}

/**
 * The consumers of a service, from the dependency graph: one entry per service and project view
 * (a global declaration, a project's own service, or a project's override that adds the
 * dependency), required ones first.
 */
function consumersOf(registry: LoadedRegistry, id: string): Consumer[] {
  const graph = buildDependencyGraph(registry);
  const byView = new Map<string, Consumer>();
  for (const edge of graph.incoming.get(id) ?? []) {
    if (edge.from === id) continue;
    const project = edge.viaProject ?? graph.nodes.get(edge.from)?.project;
    const key = `${edge.from}\u0000${project ?? ''}`;
    const known = byView.get(key);
    if (known) {
      known.optional = known.optional && edge.optional;
      continue;
    }
    const view = getServiceForProject(registry, project, edge.from);
    byView.set(key, {
      service: edge.from,
      project: project ?? null,
      owner: view?.owner ?? null,
      optional: edge.optional,
    });
  }
  const compare = (a: string, b: string) => (a < b ? -1 : Number(a > b));
  return [...byView.values()].sort(
    (a, b) =>
      Number(a.optional) - Number(b.optional) ||
      compare(a.service, b.service) ||
      compare(a.project ?? '', b.project ?? ''),
  );
}

/**
 * How many consumers the markdown lists at most (the others are counted): the pull request body
 * holds the validation report too, and GitHub takes at most 65,536 characters.
 */
const MAX_LISTED_CONSUMERS = 100;

function consumersMarkdown(
  id: string,
  replacement: string | undefined,
  sunsetDate: string,
  consumers: Consumer[],
): string {
  const lines = [`### Consumers that must migrate off ${code(id)}`, ''];
  if (consumers.length === 0) {
    lines.push('No service depends on it.', '');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `${consumers.length} service${consumers.length === 1 ? '' : 's'} must move${
      replacement ? ` to ${code(replacement)}` : ''
    } before ${sunsetDate}:`,
    '',
    '| service | project | owner | dependency |',
    '| --- | --- | --- | --- |',
  );
  for (const c of consumers.slice(0, MAX_LISTED_CONSUMERS)) {
    lines.push(
      `| ${codeCell(c.service)} | ${
        c.project ? codeCell(c.project) : 'global'
      } | ${c.owner ? markdownCell(c.owner) : '—'} | ${
        c.optional ? 'optional' : 'required'
      } |`,
    );
  }
  const more = consumers.length - MAX_LISTED_CONSUMERS;
  if (more > 0) {
    lines.push(
      '',
      `… and ${more} more: the task's \`consumers\` output lists them all, and \`service-registry impact ${id}\` prints every service that depends on it.`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A removed key as the pull request shows it: `status = "ga"`, or the `migration` sub-table. */
function describeRemoved(key: string, value: unknown): string {
  if (typeof value === 'object' && value !== null && !(value instanceof Date)) {
    return `the ${code(key)} sub-table`;
  }
  try {
    return code(`${key} = ${renderTomlValue(value as TomlEditValue)}`);
  } catch {
    return code(key);
  }
}

/** Why a project override loses its lifecycle keys, one line per override (log and markdown). */
function alignedLines(id: string, aligned: AlignedOverride[]): string[] {
  return aligned.map(
    a =>
      `${code(a.file)} (project ${code(a.project)}): removed ${a.removed
        .map(r => describeRemoved(r.key, r.value))
        .join(', ')} from its override of ${code(id)}, so that project ${code(
        a.project,
      )} sees the deprecation.`,
  );
}

/** The overrides section of the pull request body; empty when no override changed. */
function alignedMarkdown(id: string, aligned: AlignedOverride[]): string {
  if (aligned.length === 0) return '';
  return `${[
    `### Project overrides of ${code(id)} aligned with the deprecation`,
    '',
    `These projects override ${code(
      id,
    )} with a lifecycle of their own, which would have hidden the deprecation from them: their lifecycle keys are removed, so they inherit the global status, dates, replacement and migration guide.`,
    '',
    ...alignedLines(id, aligned).map(line => `- ${line}`),
  ].join('\n')}\n`;
}

/**
 * Options of {@link createServiceRegistryDeprecateServiceAction}.
 *
 * @public
 */
export interface ServiceRegistryDeprecateServiceActionOptions {
  /**
   * The catalog (`catalogServiceRef`), in which the entity refs given for `id` and
   * `replacementService` are looked up with the initiator's credentials. Without it, a ref is
   * read as its entity's name, which is the registry id unless a transformer renamed the entity.
   */
  catalog?: CatalogService;
}

/**
 * Creates the `service-registry:service:deprecate` action: marks a service of the workspace
 * registry deprecated, in place: `status`, `deprecation_date`, `sunset_date`,
 * `replacement_service` and the `migration` sub-table. A service deprecated before keeps its
 * `deprecation_date` unless a new one is given, and dates written as TOML dates stay TOML dates.
 * Project overrides of a global service lose their own lifecycle keys (`status`, the dates,
 * `replacement_service`, `migration`) in the same change, so that every project sees the
 * deprecation; the log and `consumersMarkdown` say which files and why (`alignedOverrides`).
 * Outputs the consumers that must migrate (from the dependency graph, each with the project whose
 * view depends on the service and that view's owner), as data and as markdown for the pull
 * request.
 *
 * The service and its replacement are registry ids, or the catalog refs of their Components
 * (`component:default/shop-api`, as the templates' entity pickers give them), read as the
 * registry ids of their `service-registry.io/service-id` annotations (see `lookUpCatalogRefs`).
 *
 * @public
 */
export function createServiceRegistryDeprecateServiceAction(
  options: ServiceRegistryDeprecateServiceActionOptions = {},
) {
  return createTemplateAction({
    id: 'service-registry:service:deprecate',
    description:
      'Deprecates a service of the TOML registry in the workspace in place: status, dates, replacement and migration guide; outputs the consumers that must migrate.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        registryPath: field.registryPath,
        id: field.serviceRef('The service to deprecate'),
        deprecationDate: z =>
          z
            .string({
              description:
                'Deprecation date, YYYY-MM-DD (default: the deprecation date already written, else today, UTC)',
            })
            .regex(DATE_PATTERN, DATE_MESSAGE)
            .optional(),
        sunsetDate: z =>
          z
            .string({
              description:
                'Sunset date, YYYY-MM-DD, after the deprecation date',
            })
            .regex(DATE_PATTERN, DATE_MESSAGE),
        replacementService: z =>
          field
            .serviceRef(
              'The successor: a service of the registry that is neither deprecated nor retired',
            )(z)
            .optional(),
        migration: z =>
          z
            .object(
              {
                guideUrl: z.string().url().optional(),
                supportUntil: z
                  .string({
                    description:
                      'Support of the old service ends (default: the sunset date)',
                  })
                  .regex(DATE_PATTERN, DATE_MESSAGE)
                  .optional(),
                difficulty: z
                  .enum(DIFFICULTY_VALUES, {
                    description: 'easy, moderate or hard',
                  })
                  .optional(),
                estimatedEffortHours: z.number().min(0).optional(),
              },
              { description: 'The migration guide: the `migration` sub-table' },
            )
            .optional(),
      },
      output: {
        serviceId: z =>
          z.string({
            description:
              'The registry id of the deprecated service (that of its entity when `id` is a catalog ref), for titles and branch names',
          }),
        file: z =>
          z.string({
            description: 'The edited registry file (the global declaration)',
          }),
        alignedOverrides: z =>
          z.array(
            z.object({
              project: z.string(),
              file: z.string(),
              removedKeys: z.array(z.string()),
            }),
            {
              description:
                'Project overrides whose own lifecycle keys were removed so that the project sees the deprecation',
            },
          ),
        consumers: z =>
          z.array(
            z.object({
              service: z.string(),
              project: z.string().nullable(),
              owner: z.string().nullable(),
              optional: z.boolean(),
            }),
            {
              description:
                "Services that depend on the deprecated one: the project whose view depends on it (null for a global declaration) and that view's owner",
            },
          ),
        consumerProjects: z =>
          z.array(z.string(), {
            description: 'Projects of those services',
          }),
        consumersMarkdown: z =>
          z.string({
            description: 'The consumers as markdown, for the pull request body',
          }),
        diff: z => z.string({ description: 'The change, as a diff' }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      // the migration guide's URL holds no control characters (the JSON Schema's uri takes some)
      refuseControlCharacters({ migration: input.migration });
      // the runner checked the input against the JSON Schema only: what it cannot say, here
      assertCalendarDate('deprecationDate', input.deprecationDate);
      assertCalendarDate('sunsetDate', input.sunsetDate);
      assertCalendarDate(
        'migration.supportUntil',
        input.migration?.supportUntil,
      );
      const ws = await readWorkspaceRegistry(
        ctx.workspacePath,
        input.registryPath,
      );
      // catalog refs (the templates' entity pickers) are the registry ids of their entities
      const refs = await lookUpCatalogRefs({
        catalog: options.catalog,
        credentials: () => ctx.getInitiatorCredentials(),
        registry: ws.registry,
        logger: ctx.logger,
        services: [input.id, input.replacementService],
      });
      const id = refs.service(input.id, 'id');
      const replacementService =
        input.replacementService === undefined
          ? undefined
          : refs.service(input.replacementService, 'replacementService');
      const service = requireService(ws.registry, id);
      if (service.status === 'retired') {
        throw new InputError(
          `${id} is already retired; deprecation comes before retirement.`,
        );
      }
      // a service deprecated before keeps its deprecation date unless a new one is given
      const written = writtenServiceTable(ws, service);
      const writtenMigration =
        typeof written.migration === 'object' &&
        written.migration !== null &&
        !(written.migration instanceof Date)
          ? (written.migration as Record<string, unknown>)
          : {};
      const keptDeprecationDate =
        input.deprecationDate === undefined
          ? toIsoDate(written.deprecation_date)
          : undefined;
      const deprecationDate =
        input.deprecationDate ??
        keptDeprecationDate ??
        new Date().toISOString().slice(0, 10);
      if (input.sunsetDate <= deprecationDate) {
        throw new InputError(
          `The sunset date ${input.sunsetDate} must come after the deprecation date ${deprecationDate}.`,
        );
      }
      if (replacementService !== undefined) {
        if (replacementService === id) {
          throw new InputError(`${id} cannot replace itself.`);
        }
        const replacement = requireService(ws.registry, replacementService);
        if (
          replacement.status === 'deprecated' ||
          replacement.status === 'retired'
        ) {
          throw new InputError(
            `The replacement ${replacement.id} is ${
              replacement.status
            }: name a service consumers can stay on${
              replacement.replacementService
                ? `, e.g. ${replacement.replacementService}`
                : ''
            }.`,
          );
        }
      }

      // a date written as a TOML date stays one; new dates are "YYYY-MM-DD" strings
      const migration: { [key: string]: TomlEditValue } = {};
      const m = input.migration ?? {};
      if (m.guideUrl !== undefined) migration.guide_url = m.guideUrl;
      migration.support_until = dateLike(
        writtenMigration.support_until,
        m.supportUntil ?? input.sunsetDate,
      );
      if (m.difficulty !== undefined) {
        migration.migration_difficulty = m.difficulty;
      }
      if (m.estimatedEffortHours !== undefined) {
        migration.estimated_effort_hours = m.estimatedEffortHours;
      }
      const patch: { [key: string]: TomlEditValue } = { status: 'deprecated' };
      if (keptDeprecationDate === undefined) {
        patch.deprecation_date = dateLike(
          written.deprecation_date,
          deprecationDate,
        );
      }
      patch.sunset_date = dateLike(written.sunset_date, input.sunsetDate);
      if (replacementService !== undefined) {
        patch.replacement_service = replacementService;
      }
      patch.migration = migration;

      refuseSecrets(patch);
      const change = planServicePatch(ws, service, patch);
      // a project override with its own lifecycle would keep that project off the deprecation
      const { changes: overrideChanges, aligned } =
        planOverrideLifecycleRemoval(ws, service);
      const changes = [change, ...overrideChanges];
      if (changes.every(c => c.text === c.before)) {
        throw new InputError(
          `Nothing to change for ${id}: ${change.path} already deprecates it with the dates, replacement and migration given.`,
        );
      }
      const head = loadChanged(ws, changes);
      const consumers = consumersOf(head, id);
      if (aligned.length) {
        ctx.logger.info(
          `Project overrides of ${id} declared a lifecycle of their own, which would hide the deprecation from their projects; removing it:\n${alignedLines(
            id,
            aligned,
          )
            .map(line => `  ${line.replace(/`/g, '')}`)
            .join('\n')}`,
        );
      }
      const diff = await applyChanges({
        ws,
        head,
        changes,
        logger: ctx.logger,
        isDryRun: ctx.isDryRun,
      });
      ctx.output('serviceId', id);
      ctx.output('file', change.path);
      ctx.output(
        'alignedOverrides',
        aligned.map(a => ({
          project: a.project,
          file: a.file,
          removedKeys: a.removed.map(r => r.key),
        })),
      );
      ctx.output('consumers', consumers);
      ctx.output(
        'consumerProjects',
        [
          ...new Set(
            consumers.flatMap(c => (c.project === null ? [] : [c.project])),
          ),
        ].sort(),
      );
      ctx.output(
        'consumersMarkdown',
        consumersMarkdown(id, replacementService, input.sunsetDate, consumers) +
          (aligned.length ? `\n${alignedMarkdown(id, aligned)}` : ''),
      );
      ctx.output('diff', diff);
    },
  });
}
