import { SERVICE_ID_PATTERN } from '@service-registry/plugin-service-registry-common';
import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  applyChanges,
  loadChanged,
  planServicePatch,
  requireService,
} from '../lib/applyChanges';
import { checkDependencies } from '../lib/dependencies';
import { TomlEditValue } from '../lib/edit';
import {
  DEPENDENCY_DESCRIPTION,
  isSemver,
  ownerName,
  REGISTRY_PATH_DESCRIPTION,
  SERVICE_ID_MESSAGE,
  STATUS_VALUES,
  TIER_VALUES,
  TYPE_PATTERN,
} from '../lib/schemas';
import { readWorkspaceRegistry } from '../lib/workspaceRegistry';
import { examples } from './updateService.examples';

/**
 * Creates the `service-registry:service:update` action: changes the given fields of a service of
 * the workspace registry, in place (a version bump, a new owner, new dependency lists, ...).
 * Fields that are not given are left as they are; each dependency list given replaces the one
 * written, after the same checks as for a new service.
 *
 * @public
 */
export function createServiceRegistryUpdateServiceAction() {
  return createTemplateAction({
    id: 'service-registry:service:update',
    description:
      'Changes the given fields of a service of the TOML registry in the workspace, in place (version, owner, dependencies, ...).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        registryPath: z =>
          z.string({ description: REGISTRY_PATH_DESCRIPTION }).optional(),
        id: z =>
          z
            .string({ description: 'The service to change' })
            .regex(SERVICE_ID_PATTERN, SERVICE_ID_MESSAGE),
        name: z => z.string({ description: 'Display name' }).min(1).optional(),
        description: z => z.string({ description: 'Description' }).optional(),
        type: z =>
          z
            .string({ description: 'Kind of service' })
            .regex(TYPE_PATTERN, 'must be a lowercase word, e.g. api')
            .optional(),
        owner: z =>
          z
            .string({
              description:
                'Owning team (`platform-team`, `@platform-team` or `group:default/platform-team`)',
            })
            .min(1)
            .optional(),
        version: z =>
          z
            .string({ description: 'New version' })
            .refine(isSemver, {
              message: 'must be a semantic version such as 1.4.0',
            })
            .optional(),
        status: z =>
          z.enum(STATUS_VALUES, { description: 'Lifecycle status' }).optional(),
        tier: z => z.enum(TIER_VALUES, { description: 'Tier' }).optional(),
        port: z =>
          z
            .number({ description: 'Port the service listens on, 1 to 65535' })
            .int()
            .min(1)
            .max(65535)
            .optional(),
        tags: z => z.array(z.string(), { description: 'Tags' }).optional(),
        repository: z =>
          z.string({ description: 'Source repository URL' }).url().optional(),
        dependencies: z =>
          z
            .object(
              {
                requires: z
                  .array(z.string())
                  .optional()
                  .describe(`Required ${DEPENDENCY_DESCRIPTION}`),
                optional: z
                  .array(z.string())
                  .optional()
                  .describe(`Optional ${DEPENDENCY_DESCRIPTION}`),
              },
              {
                description:
                  'Dependencies; each list given replaces the one written',
              },
            )
            .optional(),
      },
      output: {
        file: z => z.string({ description: 'The edited registry file' }),
        changedFields: z =>
          z.array(z.string(), {
            description:
              'The fields set, as registry keys (`version`, `dependencies.requires`)',
          }),
        diff: z => z.string({ description: 'The change, as a diff' }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      const ws = await readWorkspaceRegistry(
        ctx.workspacePath,
        input.registryPath,
      );
      const service = requireService(ws.registry, input.id);

      const patch: { [key: string]: TomlEditValue } = {};
      const set = (key: string, value: TomlEditValue | undefined) => {
        if (value !== undefined) patch[key] = value;
      };
      set('name', input.name);
      set('description', input.description);
      set('type', input.type);
      set(
        'owner',
        input.owner === undefined ? undefined : ownerName(input.owner),
      );
      set('version', input.version);
      set('status', input.status);
      set('tier', input.tier);
      set('port', input.port);
      set('tags', input.tags);
      set('repository', input.repository);
      if (input.status === 'retired' || input.status === 'deprecated') {
        throw new InputError(
          `Use service-registry:service:deprecate to deprecate ${input.id}: it also sets the dates, the replacement and the migration guide.`,
        );
      }

      const changedFields = Object.keys(patch);
      if (input.dependencies) {
        const dependencies: { [key: string]: TomlEditValue } = {};
        const current = service.dependencies;
        if (input.dependencies.requires) {
          dependencies.requires = checkDependencies(
            input.dependencies.requires,
            ws.registry,
            input.id,
            'dependencies.requires',
            input.dependencies.optional
              ? []
              : current.optional.map(d => d.service),
          );
        }
        if (input.dependencies.optional) {
          dependencies.optional = checkDependencies(
            input.dependencies.optional,
            ws.registry,
            input.id,
            'dependencies.optional',
            (dependencies.requires as string[] | undefined) ??
              current.requires.map(d => d.service),
          );
        }
        if (Object.keys(dependencies).length) {
          patch.dependencies = dependencies;
          changedFields.push(
            ...Object.keys(dependencies).map(k => `dependencies.${k}`),
          );
        }
      }
      if (changedFields.length === 0) {
        throw new InputError(
          `Nothing to change for ${input.id}: give at least one field (version, owner, dependencies, ...).`,
        );
      }

      const change = planServicePatch(ws, service, patch);
      loadChanged(ws, [change]);
      const diff = await applyChanges({
        ws,
        changes: [change],
        logger: ctx.logger,
        isDryRun: ctx.isDryRun,
      });
      ctx.output('file', change.path);
      ctx.output('changedFields', changedFields);
      ctx.output('diff', diff);
    },
  });
}
