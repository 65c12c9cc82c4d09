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
import { assertSemver, requireOwnerName } from '../lib/schemas';
import { refuseSecrets } from '../lib/secrets';
import * as field from '../lib/inputFields';
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
        registryPath: field.registryPath,
        id: field.serviceId('The service to change'),
        name: z => field.text('Display name')(z).optional(),
        description: z => z.string({ description: 'Description' }).optional(),
        type: field.serviceType('Kind of service'),
        owner: field.owner(
          'Owning team (`platform-team`, `@platform-team` or `group:default/platform-team`)',
        ),
        version: field.version('New version'),
        status: field.status('Lifecycle status'),
        tier: field.tier('Tier'),
        port: field.port,
        tags: field.tags,
        repository: field.repository,
        dependencies: field.dependencies(
          'Dependencies; each list given replaces the one written',
        ),
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
      // the runner checked the input against the JSON Schema only: what it cannot say, here
      const owner = requireOwnerName(input.owner);
      assertSemver('version', input.version);
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
      set('owner', owner);
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

      refuseSecrets(patch);
      const change = planServicePatch(ws, service, patch);
      const head = loadChanged(ws, [change]);
      const diff = await applyChanges({
        ws,
        head,
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
