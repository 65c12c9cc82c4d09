import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { InputError } from '@backstage/errors';
import { parse } from 'yaml';
import { runnerInputErrors } from '../__testUtils__/runner';
import {
  cleanUp,
  configWith,
  contextFor,
  snapshot,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { examples as addExamples } from './addService.examples';
import { createServiceRegistryActions } from './createServiceRegistryActions';
import { examples as deprecateExamples } from './deprecateService.examples';
import { examples as fetchExamples } from './fetchRegistry.examples';
import { examples as publishExamples } from './publishBranch.examples';
import { examples as reviewersExamples } from './resolveReviewers.examples';
import { examples as updateExamples } from './updateService.examples';
import { examples as validateExamples } from './validate.examples';

/*
 * The scaffolder's runner checks a step's input against the JSON Schema that
 * `createTemplateAction` generates from the zod schema, and hands it to the action unparsed: what
 * zod checks with `.refine()` (or anything else the conversion drops) is never checked unless the
 * handler checks it again. These tests send inputs through that same path, for every action.
 */

afterEach(cleanUp);

const actions = createServiceRegistryActions({
  config: configWith(),
  reader: mockServices.urlReader.mock(),
  catalog: catalogServiceMock(),
});
const byId = (id: string) => {
  const action = actions.find(a => a.id === id);
  if (!action) throw new Error(`no action ${id}`);
  return action;
};

const ADD = 'service-registry:service:add';
const UPDATE = 'service-registry:service:update';
const DEPRECATE = 'service-registry:service:deprecate';
const VALIDATE = 'service-registry:validate';
const FETCH = 'service-registry:registry:fetch';
const PUBLISH = 'service-registry:publish:branch';
const REVIEWERS = 'service-registry:resolve-reviewers';

/** Inputs the JSON Schema itself must refuse, with the field the runner's error names. */
const refusedBySchema: [string, Record<string, unknown>, string][] = [
  [ADD, { id: 'Orders' }, 'id'],
  [ADD, { id: 'x1', version: 'banana' }, 'version'],
  [ADD, { id: 'x1', version: '2.0' }, 'version'],
  [ADD, { id: 'x1', version: 'v1.0.0' }, 'version'],
  [ADD, { id: 'x1', version: '1.0.0-01' }, 'version'],
  [ADD, { id: 'x1', owner: '   ' }, 'owner'],
  [ADD, { id: 'x1', owner: '' }, 'owner'],
  [ADD, { id: 'x1', type: 'Web App' }, 'type'],
  [ADD, { id: 'x1', port: 0 }, 'port'],
  [ADD, { id: 'x1', repository: 'not a url' }, 'repository'],
  [UPDATE, { id: 'shared-config', version: '2.0' }, 'version'],
  [UPDATE, { id: 'component:', version: '2.0.0' }, 'id'],
  [UPDATE, { id: 'group:default/shared-config', version: '2.0.0' }, 'id'],
  [
    DEPRECATE,
    { id: 'component:default/shared config', sunsetDate: '2099-01-01' },
    'id',
  ],
  [
    DEPRECATE,
    {
      id: 'shared-config',
      sunsetDate: '2099-01-01',
      replacementService: 'component:default/shared-auth@^1',
    },
    'replacementService',
  ],
  [UPDATE, { id: 'shared-config', owner: ' \t ' }, 'owner'],
  [UPDATE, { id: 'shared-config', name: '  ' }, 'name'],
  [DEPRECATE, { id: 'shared-config', sunsetDate: '2027-13-01' }, 'sunsetDate'],
  [DEPRECATE, { id: 'shared-config', sunsetDate: '2027-02-32' }, 'sunsetDate'],
  [DEPRECATE, { id: 'shared-config', sunsetDate: '27-02-01' }, 'sunsetDate'],
  [
    DEPRECATE,
    {
      id: 'shared-config',
      sunsetDate: '2099-01-01',
      deprecationDate: '2026-13-01',
    },
    'deprecationDate',
  ],
  [
    DEPRECATE,
    {
      id: 'shared-config',
      sunsetDate: '2099-01-01',
      migration: { supportUntil: '2099-00-10' },
    },
    'supportUntil',
  ],
  [
    DEPRECATE,
    { id: 'shared-config', sunsetDate: '2099-01-01', replacementService: '' },
    'replacementService',
  ],
  [VALIDATE, { today: '2026-99-99' }, 'today'],
  [FETCH, { url: 42 }, 'url'],
  [PUBLISH, { branchName: '-x', title: 'T' }, 'branchName'],
  [PUBLISH, { branchName: 'b', title: '   ' }, 'title'],
  [
    REVIEWERS,
    { approvers: ['@platform-team'], provider: 'bitbucket' },
    'provider',
  ],
  [REVIEWERS, { approvers: '@platform-team', provider: 'github' }, 'approvers'],
  [REVIEWERS, { provider: 'github' }, 'approvers'],
];

/**
 * Inputs a JSON Schema pattern cannot refuse (calendar validity), which the handler must refuse
 * with an input error before any file is touched.
 */
const refusedByHandler: [string, Record<string, unknown>, RegExp][] = [
  [
    DEPRECATE,
    {
      id: 'shared-config',
      sunsetDate: '2027-02-30',
      replacementService: 'shared-auth',
    },
    /sunsetDate "2027-02-30" is not a day of the calendar/,
  ],
  [
    DEPRECATE,
    {
      id: 'shared-config',
      sunsetDate: '2099-01-01',
      deprecationDate: '2026-02-29',
    },
    /deprecationDate "2026-02-29" is not a day of the calendar/,
  ],
  [
    DEPRECATE,
    {
      id: 'shared-config',
      sunsetDate: '2099-01-01',
      migration: { supportUntil: '2099-04-31' },
    },
    /migration.supportUntil "2099-04-31" is not a day of the calendar/,
  ],
  [VALIDATE, { today: '2026-06-31' }, /today "2026-06-31" is not a day/],
  [ADD, { id: 'x1', owner: 'group:default/' }, /owner .* names no team/],
  [
    DEPRECATE,
    { id: 'component:default/ghost', sunsetDate: '2099-01-01' },
    /id: the catalog has no entity component:default\/ghost \(or none you may see\), and the registry declares no service "ghost"/,
  ],
];

describe('action inputs, checked the way the scaffolder runner checks them', () => {
  it('covers every action of the module', () => {
    const covered = new Set([
      ...refusedBySchema.map(([id]) => id),
      ...refusedByHandler.map(([id]) => id),
    ]);
    expect([...covered].sort()).toEqual(actions.map(a => a.id).sort());
  });

  it.each(
    [
      ...addExamples,
      ...updateExamples,
      ...deprecateExamples,
      ...validateExamples,
      ...fetchExamples,
      ...publishExamples,
      ...reviewersExamples,
    ].flatMap(example =>
      (
        parse(example.example).steps as {
          action: string;
          input?: Record<string, unknown>;
        }[]
      )
        .filter(step => step.action.startsWith('service-registry:'))
        .map(step => [example.description, step.action, step.input ?? {}]),
    ),
  )('passes the example "%s" (%s)', (_, id, input) => {
    expect(runnerInputErrors(byId(id as string), input)).toEqual([]);
  });

  it.each(refusedBySchema)(
    '%s: the JSON Schema refuses %j',
    (id, input, fieldName) => {
      const errors = runnerInputErrors(byId(id), input);
      expect(errors.join('; ')).toContain(fieldName);
    },
  );

  it.each(refusedByHandler)(
    '%s: the handler refuses %j before touching a file',
    async (id, input, message) => {
      const action = byId(id);
      expect(runnerInputErrors(action, input)).toEqual([]);
      const workspace = await workspaceWithRegistry();
      const before = await snapshot(workspace);
      const run = action.handler(contextFor(workspace, input).ctx as any);
      await expect(run).rejects.toThrow(message);
      await expect(run).rejects.toBeInstanceOf(InputError);
      expect(await snapshot(workspace)).toEqual(before);
    },
  );
});
