import { SERVICE_ID_PATTERN } from '@service-registry/plugin-service-registry-common';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  buildDependencyGraph,
  computeConsumers,
  LoadedRegistry,
  toIsoDate,
} from '@service-registry/plugin-service-registry-common';
import {
  applyChanges,
  loadChanged,
  planServicePatch,
  requireService,
} from '../lib/applyChanges';
import { TomlEditValue } from '../lib/edit';
import {
  assertCalendarDate,
  DATE_MESSAGE,
  DATE_PATTERN,
  DIFFICULTY_VALUES,
  SERVICE_ID_MESSAGE,
} from '../lib/schemas';
import { refuseSecrets } from '../lib/secrets';
import { dateLike, writtenServiceTable } from '../lib/tomlDates';
import * as field from '../lib/inputFields';
import { readWorkspaceRegistry } from '../lib/workspaceRegistry';
import { examples } from './deprecateService.examples';

/** A consumer that must migrate off a deprecated service. */
interface Consumer {
  service: string;
  project: string | null;
  owner: string | null;
  optional: boolean;
}

function consumersOf(registry: LoadedRegistry, id: string): Consumer[] {
  const consumers = computeConsumers(buildDependencyGraph(registry), id);
  const describe = (service: string, optional: boolean): Consumer => {
    const s = registry.services.get(service);
    return {
      service,
      project: s?.project ?? null,
      owner: s?.owner ?? null,
      optional,
    };
  };
  return [
    ...consumers.requiredBy.map(s => describe(s, false)),
    ...consumers.optionalFor.map(s => describe(s, true)),
  ];
}

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;

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
  for (const c of consumers) {
    lines.push(
      `| ${code(c.service)} | ${c.project ? code(c.project) : 'global'} | ${
        c.owner ?? '—'
      } | ${c.optional ? 'optional' : 'required'} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Creates the `service-registry:service:deprecate` action: marks a service of the workspace
 * registry deprecated, in place: `status`, `deprecation_date`, `sunset_date`,
 * `replacement_service` and the `migration` sub-table. A service deprecated before keeps its
 * `deprecation_date` unless a new one is given, and dates written as TOML dates stay TOML dates.
 * Outputs the consumers that must migrate (from the dependency graph), as data and as markdown
 * for the pull request.
 *
 * @public
 */
export function createServiceRegistryDeprecateServiceAction() {
  return createTemplateAction({
    id: 'service-registry:service:deprecate',
    description:
      'Deprecates a service of the TOML registry in the workspace in place: status, dates, replacement and migration guide; outputs the consumers that must migrate.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        registryPath: field.registryPath,
        id: field.serviceId('The service to deprecate'),
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
          z
            .string({
              description:
                'The successor: a service of the registry that is neither deprecated nor retired',
            })
            .regex(SERVICE_ID_PATTERN, SERVICE_ID_MESSAGE)
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
        file: z => z.string({ description: 'The edited registry file' }),
        consumers: z =>
          z.array(
            z.object({
              service: z.string(),
              project: z.string().nullable(),
              owner: z.string().nullable(),
              optional: z.boolean(),
            }),
            { description: 'Services that depend on the deprecated one' },
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
      const service = requireService(ws.registry, input.id);
      if (service.status === 'retired') {
        throw new InputError(
          `${input.id} is already retired; deprecation comes before retirement.`,
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
      if (input.replacementService !== undefined) {
        if (input.replacementService === input.id) {
          throw new InputError(`${input.id} cannot replace itself.`);
        }
        const replacement = requireService(
          ws.registry,
          input.replacementService,
        );
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
      if (input.replacementService !== undefined) {
        patch.replacement_service = input.replacementService;
      }
      patch.migration = migration;

      refuseSecrets(patch);
      const change = planServicePatch(ws, service, patch);
      const head = loadChanged(ws, [change]);
      const consumers = consumersOf(head, input.id);
      const diff = await applyChanges({
        ws,
        head,
        changes: [change],
        logger: ctx.logger,
        isDryRun: ctx.isDryRun,
      });
      ctx.output('file', change.path);
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
        consumersMarkdown(
          input.id,
          input.replacementService,
          input.sunsetDate,
          consumers,
        ),
      );
      ctx.output('diff', diff);
    },
  });
}
