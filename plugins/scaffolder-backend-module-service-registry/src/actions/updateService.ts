import { InputError } from '@backstage/errors';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  applyChanges,
  loadChanged,
  planServicePatch,
  requireService,
} from '../lib/applyChanges';
import { lookUpCatalogRefs } from '../lib/catalogRefs';
import { refuseControlCharacters } from '../lib/controlCharacters';
import { checkDependencies } from '../lib/dependencies';
import { editDependencies } from '../lib/editDependencies';
import { checkInheritingViews } from '../lib/inheritingViews';
import { shadowingOverrides } from '../lib/overrides';
import { TomlEditValue } from '../lib/edit';
import { asInputError } from '../lib/errors';
import { removeServiceKeys } from '../lib/removeServiceKeys';
import { assertSemver, requireOwnerName } from '../lib/schemas';
import { refuseSecrets } from '../lib/secrets';
import * as field from '../lib/inputFields';
import { readWorkspaceRegistry } from '../lib/workspaceRegistry';
import { examples } from './updateService.examples';

/** The keys only a deprecated (or retired) service has, removed when it goes back to a live status. */
const DEPRECATION_KEYS = [
  'deprecation_date',
  'sunset_date',
  'replacement_service',
  'migration',
] as const;

/**
 * Options of {@link createServiceRegistryUpdateServiceAction}.
 *
 * @public
 */
export interface ServiceRegistryUpdateServiceActionOptions {
  /**
   * The catalog (`catalogServiceRef`), in which the entity refs given for `id` and the
   * dependencies are looked up with the initiator's credentials. Without it, a ref is read as its
   * entity's name, which is the registry id unless a transformer renamed the entity.
   */
  catalog?: CatalogService;
}

/**
 * Creates the `service-registry:service:update` action: changes the given fields of a service of
 * the workspace registry, in place (a version bump, a new owner, new dependency lists, ...).
 * Fields that are not given are left as they are. Dependencies change either as whole lists
 * (`dependencies`: each list given replaces the one written) or by entries (`addDependencies`,
 * `removeDependencies`: the rest of the lists stays), after the same checks as for a new service.
 * `status: retired` is taken for a deprecated service only; deprecating is
 * `service-registry:service:deprecate`'s, which also sets the dates and the successor. A
 * deprecated or retired service set back to a live status (`ga`, `beta`, ...) loses its
 * `deprecation_date`, `sunset_date`, `replacement_service` and `migration` in the same change
 * (output `removedFields`), so that the catalog does not announce a sunset for it.
 *
 * Dependencies are checked as the service's project sees them; entries added to a global service
 * also as each project override that inherits their list sees them (a provider the project's
 * override retires is refused).
 *
 * Only the declaration is edited: a project override of a global service that writes a changed
 * field (a port of its own, say) keeps its value, which may be deliberate. Those projects are
 * logged as a warning and listed in the `shadowedBy` output, so that the change can be extended
 * to them (edit their `projects/<p>/services.toml`) if they should follow.
 *
 * The service and the dependencies are registry ids, or the catalog refs of their Components
 * (`component:default/shop-api`, a dependency with an optional range `@^2`), as the templates'
 * entity pickers give them, read as the registry ids of their `service-registry.io/service-id`
 * annotations (see `lookUpCatalogRefs`).
 *
 * @public
 */
export function createServiceRegistryUpdateServiceAction(
  options: ServiceRegistryUpdateServiceActionOptions = {},
) {
  return createTemplateAction({
    id: 'service-registry:service:update',
    description:
      'Changes the given fields of a service of the TOML registry in the workspace, in place (version, owner, dependencies, ...).',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        registryPath: field.registryPath,
        id: field.serviceRef('The service to change'),
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
        addDependencies: field.dependencies(
          'Dependencies to add to the lists written; an entry for a service already listed replaces its entry (a new range, or a move between requires and optional)',
        ),
        removeDependencies: z =>
          z
            .array(z.string(), {
              description:
                "Services to stop depending on, in either list (ids, or catalog refs `component:default/<name>` read as the registry ids of their entities' annotation service-registry.io/service-id)",
            })
            .optional(),
      },
      output: {
        serviceId: z =>
          z.string({
            description:
              'The registry id of the changed service (that of its entity when `id` is a catalog ref), for titles and branch names',
          }),
        file: z => z.string({ description: 'The edited registry file' }),
        changedFields: z =>
          z.array(z.string(), {
            description:
              'The fields set, as registry keys (`version`, `dependencies.requires`)',
          }),
        removedFields: z =>
          z.array(z.string(), {
            description:
              'The keys removed: a deprecated or retired service set back to a live status loses `deprecation_date`, `sunset_date`, `replacement_service` and `migration`',
          }),
        shadowedBy: z =>
          z.array(
            z.object({
              project: z.string(),
              file: z.string(),
              fields: z.array(z.string()),
            }),
            {
              description:
                'Projects whose override of the service writes some of the changed fields: their view keeps its own value (the change does not reach them)',
            },
          ),
        diff: z => z.string({ description: 'The change, as a diff' }),
      },
    },
    async handler(ctx) {
      const { input } = ctx;
      // free text holds no control characters; a description may keep tabs and line breaks
      refuseControlCharacters(
        {
          name: input.name,
          description: input.description,
          type: input.type,
          owner: input.owner,
          tags: input.tags,
          repository: input.repository,
        },
        ['description'],
      );
      // the runner checked the input against the JSON Schema only: what it cannot say, here
      const owner = requireOwnerName(input.owner);
      assertSemver('version', input.version);
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
        services: [
          input.id,
          ...(input.dependencies?.requires ?? []),
          ...(input.dependencies?.optional ?? []),
          ...(input.addDependencies?.requires ?? []),
          ...(input.addDependencies?.optional ?? []),
          ...(input.removeDependencies ?? []),
        ],
      });
      const id = refs.service(input.id, 'id');
      const service = requireService(ws.registry, id);
      const idsOf = (list: string[] | undefined, name: string) =>
        list?.map(entry => refs.entry(entry, name));
      const lists = (
        given: { requires?: string[]; optional?: string[] } | undefined,
        name: string,
      ): { requires?: string[]; optional?: string[] } | undefined =>
        given && {
          requires: idsOf(given.requires, `${name}.requires`),
          optional: idsOf(given.optional, `${name}.optional`),
        };
      const addDependencies = lists(input.addDependencies, 'addDependencies');
      // a dependency the registry no longer declares is still removed as the service lists it
      const listed = new Set(
        [
          ...service.dependencies.requires,
          ...service.dependencies.optional,
        ].map(d => d.service),
      );
      const removeDependencies = input.removeDependencies?.map(entry =>
        refs.entry(
          entry,
          'removeDependencies',
          known => ws.registry.services.has(known) || listed.has(known),
        ),
      );
      const givenDependencies = lists(input.dependencies, 'dependencies');

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
      if (input.status === 'deprecated') {
        throw new InputError(
          `Use service-registry:service:deprecate to deprecate ${id}: it also sets the dates, the replacement and the migration guide.`,
        );
      }
      if (input.status === 'retired' && service.status !== 'deprecated') {
        throw new InputError(
          `${id} is ${
            service.status ?? 'without a status'
          }: only a deprecated service can be retired. Deprecate it first (service-registry:service:deprecate), with a sunset date that gives its consumers time to migrate.`,
        );
      }

      const changedFields = Object.keys(patch);
      // the service sees its dependencies as its project does (its overrides win)
      const consumer = { id: id, project: service.project };
      const edited = editDependencies(
        service.dependencies,
        { add: addDependencies, remove: removeDependencies },
        ws.registry,
        consumer,
      );
      for (const list of ['requires', 'optional'] as const) {
        if (edited[list] && givenDependencies?.[list]) {
          throw new InputError(
            `dependencies.${list} replaces the list written, and addDependencies or removeDependencies also change it: give either the whole list or what to add and remove.`,
          );
        }
      }
      const replaced = givenDependencies ?? {};
      const dependencies: { [key: string]: string[] } = { ...edited };
      const listedIn = (list: 'requires' | 'optional') =>
        dependencies[list] ?? service.dependencies[list].map(d => d.service);
      if (replaced.requires) {
        dependencies.requires = checkDependencies(
          replaced.requires,
          ws.registry,
          consumer,
          'dependencies.requires',
          replaced.optional ? [] : listedIn('optional'),
        );
      }
      if (replaced.optional) {
        dependencies.optional = checkDependencies(
          replaced.optional,
          ws.registry,
          consumer,
          'dependencies.optional',
          listedIn('requires'),
        );
      }
      // a global service's new entries reach the project overrides that inherit their list
      for (const list of ['requires', 'optional'] as const) {
        const check = (entries: string[] | undefined, name: string) =>
          checkInheritingViews(ws, service, list, entries, `${name}.${list}`);
        check(addDependencies?.[list], 'addDependencies');
        check(replaced[list], 'dependencies');
      }
      if (Object.keys(dependencies).length) {
        patch.dependencies = dependencies;
        changedFields.push(
          ...Object.keys(dependencies).map(k => `dependencies.${k}`),
        );
      }
      if (changedFields.length === 0) {
        throw new InputError(
          `Nothing to change for ${id}: give at least one field (version, owner, dependencies, ...).`,
        );
      }

      refuseSecrets(patch);
      let change = planServicePatch(ws, service, patch);
      // a deprecated (or retired) service set back to a live status is no longer deprecated:
      // its dates, successor and migration guide go in the same change (listed in removedFields)
      let removedFields: string[] = [];
      if (
        input.status !== undefined &&
        input.status !== 'retired' &&
        (service.status === 'deprecated' || service.status === 'retired')
      ) {
        let edit: ReturnType<typeof removeServiceKeys>;
        try {
          edit = removeServiceKeys(
            change.text,
            service.id,
            DEPRECATION_KEYS,
            change.path,
          );
        } catch (error) {
          throw asInputError(error);
        }
        change = { ...change, text: edit.text };
        removedFields = edit.removed.map(r => r.key);
        if (removedFields.length) {
          ctx.logger.info(
            `${id} goes from ${service.status} to ${
              input.status
            }: removing ${removedFields.join(', ')} from ${
              change.path
            }, which only a deprecated service has.`,
          );
        }
      }
      // fields given as they are already written: a branch and pull request of no change would fail
      // later, at publishing, without saying which step had nothing to do
      if (change.text === change.before) {
        throw new InputError(
          `Nothing to change for ${id}: ${
            change.path
          } already has the ${changedFields.join(', ')} given.`,
        );
      }
      const shadowedBy = shadowingOverrides(ws, service, changedFields);
      if (shadowedBy.length) {
        ctx.logger.warn(
          `The change to ${id} does not reach every project: ${shadowedBy
            .map(
              s =>
                `project "${s.project}" overrides ${s.fields.join(', ')} in ${
                  s.file
                }`,
            )
            .join(
              '; ',
            )}. Those projects keep their own values; if they should follow, change their override too (or remove the field from it).`,
        );
      }
      const head = loadChanged(ws, [change]);
      const diff = await applyChanges({
        ws,
        head,
        changes: [change],
        logger: ctx.logger,
        isDryRun: ctx.isDryRun,
      });
      ctx.output('serviceId', id);
      ctx.output('file', change.path);
      ctx.output('changedFields', changedFields);
      ctx.output('removedFields', removedFields);
      ctx.output('shadowedBy', shadowedBy);
      ctx.output('diff', diff);
    },
  });
}
