import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { ConfigReader } from '@backstage/config';
import { ScmIntegrations } from '@backstage/integration';
import { createFetchTemplateAction } from '@backstage/plugin-scaffolder-backend';
import { parse } from 'yaml';
import { catalogWith, component } from './__testUtils__/catalog';
import { renamedRegistry } from './__testUtils__/renamedRegistry';
import { runnerInputErrors } from './__testUtils__/runner';
import { runTemplate } from './__testUtils__/templateRunner';
import {
  bareRepositoryOf,
  cleanUp,
  configWith,
  contextFor,
  git,
  tempDir,
  workspaceWithFiles,
} from './__testUtils__/workspace';
import { createServiceRegistryActions } from './actions/createServiceRegistryActions';

/*
 * The portal's templates (`templates/` of the repository) against the actions they run: a value
 * a template's form accepts must reach the action's handler (the runner checks the step's input
 * against the action's JSON Schema first, and its error names a pattern, not what to type), and
 * the new-service skeleton must render to files that parse.
 */

const TEMPLATES = path.resolve(__dirname, '../../../templates');

afterEach(cleanUp);

const actions = createServiceRegistryActions({
  config: configWith(),
  reader: mockServices.urlReader.mock(),
  catalog: catalogServiceMock(),
});
const byId = (id: string) => actions.find(a => a.id === id)!;

/** The form properties of a template, every page merged. */
async function formProperties(
  template: string,
): Promise<Record<string, { pattern?: string; enum?: unknown[] }>> {
  const doc = parse(
    await fs.readFile(path.join(TEMPLATES, template, 'template.yaml'), 'utf8'),
  );
  return Object.assign(
    {},
    ...doc.spec.parameters.map((page: any) => page.properties ?? {}),
  );
}

/** Whether the form takes a value for a property (its pattern, as the form's ajv reads it). */
function formAccepts(property: { pattern?: string }, value: string) {
  return (
    property.pattern === undefined ||
    new RegExp(property.pattern, 'u').test(value)
  );
}

describe('the templates and the actions they run', () => {
  it.each([
    [
      'update-service',
      'version',
      'service-registry:service:update',
      (version: string) => ({ id: 'shared-config', version }),
      [
        '2.0.0',
        '1.4.0-rc.1',
        '1.0.0-alpha-2.beta',
        '1.0.0+build.5',
        '1.0.0-rc.1+sha.abc',
        '1.0.0-01',
        '1.0.0-rc..1',
        '01.0.0',
        '2.0',
      ],
    ],
    [
      'new-service',
      'id',
      'service-registry:service:add',
      (id: string) => ({ id }),
      ['orders-api', 'a'.repeat(63), 'a'.repeat(64), 'Orders', 'a_b', ''],
    ],
  ])(
    '%s: every %s the form accepts passes the input schema of %s, and only those',
    async (template, name, actionId, input, samples) => {
      const property = (await formProperties(template))[name];
      for (const value of samples) {
        const runner = runnerInputErrors(byId(actionId), input(value));
        expect({ value, accepted: formAccepts(property, value) }).toEqual({
          value,
          accepted: runner.length === 0,
        });
      }
    },
  );
});

/** A template's step by id. */
async function templateStep(template: string, id: string) {
  const doc = parse(
    await fs.readFile(path.join(TEMPLATES, template, 'template.yaml'), 'utf8'),
  );
  return doc.spec.steps.find((step: { id: string }) => step.id === id);
}

/**
 * A template's text with the `${{ steps.<id>.output.<name> }}` of the given steps filled in (the
 * other expressions stay as they are).
 */
function fillOutputs(
  text: string,
  outputs: Record<string, Record<string, unknown>>,
): string {
  return text.replace(
    /\$\{\{\s*steps\.(\w+)\.output\.(\w+)\s*\}\}/g,
    (expression, step: string, name: string) =>
      step in outputs ? String(outputs[step][name]) : expression,
  );
}

describe('the deprecate-service template', () => {
  it('keeps the pull request body within the 65,536 characters GitHub takes, for a service 250 services depend on', async () => {
    const files: Record<string, string> = {
      'services/catalog.toml':
        '[service.core-auth]\nversion = "1.0.0"\nstatus = "ga"\nowner = "platform-team"\n\n[service.next-auth]\nversion = "1.0.0"\nstatus = "ga"\nowner = "platform-team"\n',
    };
    for (let p = 0; p < 5; p++) {
      files[`projects/project-${p}/services.toml`] = `[project]\n${Array.from(
        { length: 50 },
        (_, i) =>
          `[service.project-${p}-consumer-service-${i}]\nversion = "1.0.0"\nowner = "project-${p}-team"\ndependencies.requires = ["core-auth"]\n`,
      ).join('')}`;
    }
    const workspace = await workspaceWithFiles(files);
    const deprecate = contextFor(workspace, {
      id: 'core-auth',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-30',
      replacementService: 'next-auth',
    });
    await byId('service-registry:service:deprecate').handler(
      deprecate.ctx as any,
    );
    expect(deprecate.outputs.consumers).toHaveLength(250);

    // the validate step as the template runs it: its inputs from the deprecate step
    const step = await templateStep('deprecate-service', 'validate');
    const input: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(step.input ?? {})) {
      if (typeof value === 'string' && value.includes('steps.deprecate.')) {
        input[key] = fillOutputs(value, { deprecate: deprecate.outputs });
      }
    }
    const validate = contextFor(workspace, input);
    await byId('service-registry:validate').handler(validate.ctx as any);

    for (const id of ['pull-request', 'merge-request', 'branch']) {
      const body = fillOutputs(
        (await templateStep('deprecate-service', id)).input.description,
        { deprecate: deprecate.outputs, validate: validate.outputs },
      );
      expect({ id, fits: body.length <= 65536 }).toEqual({ id, fits: true });
      expect(body).toContain(
        '250 services must move to `next-auth` before 2027-06-30',
      );
      expect(body).toContain('`project-0-consumer-service-0`');
      // the report's heading: the title the template gives validate, with the deprecate step's id
      expect(body).toContain('## Deprecate core-auth');
    }
  });
});

describe('the templates with entities a catalog transformer renamed', () => {
  /**
   * A registry whose services the catalog shows under other names: `acme-` names in namespace
   * `shop`, and a Component named like another service of the registry (`shop-api` stands for
   * `shop-api-next`), so that reading a ref as a name would change the wrong service.
   */
  const FILES = renamedRegistry({
    auth: { owner: 'platform-team' },
    storefront: { requires: ['shop-api@^2'] },
  });
  const ENTITIES = [
    component({ name: 'acme-shop-api', namespace: 'shop' }, 'shop-api'),
    component({ name: 'shop-api' }, 'shop-api-next'),
    component({ name: 'acme-auth', namespace: 'shop' }, 'auth'),
    component({ name: 'acme-storefront', namespace: 'shop' }, 'storefront'),
  ];
  const TASK_ID = '0123abcd-0000-4000-8000-000000000000';

  /** Runs a template on a local registry repository, as the form sends its values. */
  async function run(template: string, parameters: Record<string, unknown>) {
    const source = await tempDir('sr-src-');
    for (const [file, text] of Object.entries(FILES)) {
      await fs.mkdir(path.dirname(path.join(source, file)), {
        recursive: true,
      });
      await fs.writeFile(path.join(source, file), text);
    }
    const bare = await bareRepositoryOf(source);
    const { catalog } = catalogWith(ENTITIES);
    const result = await runTemplate({
      templatePath: path.join(TEMPLATES, template),
      parameters: { ...parameters, registryUrl: bare },
      actions: createServiceRegistryActions({
        config: configWith([bare]),
        reader: mockServices.urlReader.mock(),
        catalog,
      }),
      workspacePath: await tempDir('sr-ws-'),
      taskId: TASK_ID,
    });
    /** A file of a branch of the registry repository. */
    const show = (branch: string, file: string) =>
      git(bare, 'show', `${branch}:${file}`);
    return { ...result, bare, show };
  }

  it("deprecate-service deprecates the registry service of the picked entity, names it in the branch and the title, and takes the replacement's annotation", async () => {
    const { steps, skipped, bare, show } = await run('deprecate-service', {
      service: 'component:shop/acme-shop-api',
      replacement: 'component:default/shop-api',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-30',
      guideUrl: 'https://wiki.example.com/shop-api-migration',
      difficulty: 'moderate',
      estimatedEffortHours: 8,
    });
    expect(skipped).toEqual(['reviewers', 'pull-request', 'merge-request']);
    const branch = 'service-registry/deprecate-shop-api-0123abcd';
    expect(steps.branch.output.branchName).toBe(branch);
    expect(git(bare, 'log', '-1', '--format=%s', branch)).toBe(
      'Deprecate shop-api',
    );
    const registry = show(branch, 'services/catalog.toml');
    expect(registry).toContain(
      '[service.shop-api]\nversion = "2.0.0"\nstatus = "deprecated"\nowner = "shop-team"\ndeprecation_date = "2026-12-01"\nsunset_date = "2027-06-30"\nreplacement_service = "shop-api-next"\n',
    );
    // the service the catalog names shop-api is the successor, and stays as it was
    expect(registry).toContain(
      '[service.shop-api-next]\nversion = "1.0.0"\nstatus = "ga"\n',
    );
    expect(steps.validate.output.pullRequestBody).toContain(
      '1 service must move to `shop-api-next` before 2027-06-30',
    );
  });

  it('deprecate-service takes a plain registry id too, and no replacement', async () => {
    const { steps } = await run('deprecate-service', {
      service: 'shop-api',
      deprecationDate: '2026-12-01',
      sunsetDate: '2027-06-30',
      guideUrl: 'https://wiki.example.com/shop-api-migration',
      difficulty: 'easy',
    });
    expect(steps.deprecate.input).not.toHaveProperty('replacementService');
    expect(steps.branch.output.branchName).toBe(
      'service-registry/deprecate-shop-api-0123abcd',
    );
  });

  it("update-service changes the registry service of the picked entity, with the picked dependencies' annotations, and names it in the branch and the title", async () => {
    const { steps, bare, show } = await run('update-service', {
      service: 'component:shop/acme-storefront',
      version: '1.1.0',
      addRequires: ['component:shop/acme-auth'],
      addOptional: [],
      removeDependencies: ['component:shop/acme-shop-api'],
      failOnBreakingChanges: false,
    });
    const branch = 'service-registry/update-storefront-0123abcd';
    expect(steps.branch.output.branchName).toBe(branch);
    expect(git(bare, 'log', '-1', '--format=%s', branch)).toBe(
      'Change storefront (version, dependencies.requires)',
    );
    expect(show(branch, 'services/catalog.toml')).toContain(
      '[service.storefront]\nversion = "1.1.0"\nstatus = "ga"\nowner = "shop-team"\ndependencies.requires = ["auth"]',
    );
  });
});

describe('the new-service skeleton', () => {
  async function render(values: Record<string, unknown>) {
    const action = createFetchTemplateAction({
      reader: mockServices.urlReader.mock(),
      integrations: ScmIntegrations.fromConfig(new ConfigReader({})),
    });
    const workspace = await tempDir('sr-skeleton-');
    const { ctx } = contextFor(workspace, {
      url: './skeleton',
      targetPath: 'service',
      values,
    });
    (ctx as any).templateInfo = {
      baseUrl: pathToFileURL(path.join(TEMPLATES, 'new-service/template.yaml'))
        .href,
    };
    await action.handler(ctx as any);
    return (file: string) =>
      fs.readFile(path.join(workspace, 'service', file), 'utf8');
  }

  it('renders a catalog-info.yaml that parses to a valid entity, whatever the display name and id', async () => {
    const id = `orders-${'a'.repeat(56)}`; // 63 characters, the longest registry id
    const name = 'Orders: "API" #1 - [beta] & more';
    const read = await render({
      id,
      name,
      description: 'Takes orders: all of them',
      owner: 'group:default/ecommerce-team',
      type: 'api',
      port: 8090,
    });
    const entity = parse(await read('catalog-info.yaml'));
    expect(entity.metadata.title).toBe(`${name} (source)`);
    // Backstage entity names: at most 63 characters, letters and digits around [-_.]
    expect(entity.metadata.name.length).toBeLessThanOrEqual(63);
    expect(entity.metadata.name).toMatch(
      /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/,
    );
    expect(entity.metadata.name).toMatch(/-code$/);
    expect(entity.spec.owner).toBe('group:default/ecommerce-team');
    expect(JSON.parse(await read('package.json')).name).toBe(id);
  });
});
