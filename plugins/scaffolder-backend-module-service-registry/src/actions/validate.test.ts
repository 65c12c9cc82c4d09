import { promises as fs } from 'node:fs';
import path from 'node:path';
import { runnerInputErrors } from '../__testUtils__/runner';
import {
  cleanUp,
  contextFor,
  workspaceWithFiles,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { createServiceRegistryAddServiceAction } from './addService';
import { createServiceRegistryUpdateServiceAction } from './updateService';
import { createServiceRegistryValidateAction } from './validate';

const validate = createServiceRegistryValidateAction();
afterEach(cleanUp);
const today = '2026-11-22';

describe('service-registry:validate', () => {
  it('reports an added service with no new finding and passes', async () => {
    const workspace = await workspaceWithRegistry();
    await createServiceRegistryAddServiceAction().handler(
      contextFor(workspace, {
        id: 'orders-api',
        owner: 'ecommerce-team',
        tier: 'medium',
        dependencies: { requires: ['shared-auth@^1.0'] },
      }).ctx as any,
    );
    const { ctx, outputs } = contextFor(workspace, {
      today,
      title: 'Add orders-api',
    });
    await validate.handler(ctx as any);
    expect(outputs).toMatchObject({
      valid: true,
      errors: 0,
      breakingChanges: 0,
      added: ['orders-api'],
      changed: [],
      removed: [],
      changeType: 'feature',
      changeRisk: 'medium',
    });
    expect(outputs.existingErrors).toBeGreaterThan(0); // the demo registry has an overdue migration
    expect(outputs.report).toContain('## Add orders-api');
    expect(outputs.report).toContain('- Added: `orders-api`');
    expect(outputs.report).toContain('✅ None.');
    expect(outputs.report).toMatch(/the registry already had \d+ findings/);
  });

  it('fails on the errors a change brings, with the findings in the log and the report out', async () => {
    const workspace = await workspaceWithRegistry();
    await createServiceRegistryUpdateServiceAction().handler(
      contextFor(workspace, { id: 'shared-auth', version: '2.0.0' }).ctx as any,
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    const errors: string[] = [];
    ctx.logger.error = ((message: string) => {
      errors.push(message);
    }) as any;
    await expect(validate.handler(ctx as any)).rejects.toThrow(
      /Registry validation failed: the change brings \d+ errors/,
    );
    expect(outputs.valid).toBe(false);
    expect(outputs.breakingChanges).toBeGreaterThan(0);
    expect(outputs).toMatchObject({
      changeType: 'breaking',
      changeRisk: 'high',
    });
    expect(outputs.impactedProjects).toEqual([
      'project-a',
      'project-b',
      'project-c',
    ]);
    expect(outputs.impactedOwners).toEqual(
      expect.arrayContaining(['platform-team', 'ecommerce-team', 'data-team']),
    );
    // shared-auth's owner platform-team and its approver @platform-team are one team, named once
    const teams = (outputs.impactedOwners as string[]).map(o =>
      o.replace(/^@/, ''),
    );
    expect(teams).toEqual([...new Set(teams)]);
    expect(outputs.report).toContain('### Breaking changes');
    expect(outputs.report).toContain('#### Impacted projects');
    expect(outputs.report).toContain('**Impacted owners and approvers:**');
    expect(errors.join('\n')).toMatch(/services\/catalog.toml|projects\//);
    expect(errors.join('\n')).toContain('shared-auth');

    // reporting only
    const report = contextFor(workspace, { today, failOn: 'never' });
    await validate.handler(report.ctx as any);
    expect(report.outputs.valid).toBe(false);
  });

  it('reports a tag the catalog would leave out of the new service, as the catalog will', async () => {
    const workspace = await workspaceWithRegistry();
    await createServiceRegistryAddServiceAction().handler(
      contextFor(workspace, {
        id: 'orders-api',
        owner: 'ecommerce-team',
        tier: 'medium',
        tags: ['orders', '日本語'],
      }).ctx as any,
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    expect(outputs.valid).toBe(true);
    expect(outputs.report).toMatch(
      /\| 🟡 warning \| `services\/catalog\.toml:\d+:\d+` \| `orders-api` \| The tag "日本語" of service "orders-api" has nothing a catalog tag can hold .*\| `catalog\/tag-dropped` \|/,
    );
  });

  describe('a project named like the System of global services', () => {
    /** A workspace whose change adds the project `project` (a new folder) with a service. */
    async function addingProject(project: string) {
      const workspace = await workspaceWithRegistry();
      await createServiceRegistryAddServiceAction().handler(
        contextFor(workspace, {
          id: 'tools-api',
          owner: 'tools-team',
          tier: 'low',
          project,
          createProject: true,
        }).ctx as any,
      );
      return workspace;
    }

    /** Runs the action, returning its outputs, the errors it logged and what it threw. */
    async function run(workspace: string, input: Record<string, unknown>) {
      const { ctx, outputs } = contextFor(workspace, { today, ...input });
      const errors: string[] = [];
      ctx.logger.error = ((message: string) => {
        errors.push(message);
      }) as any;
      const failure = await validate.handler(ctx as any).then(
        () => undefined,
        (error: Error) => error,
      );
      return { outputs, errors, failure };
    }

    it('fails on a change that adds projects/shared (the default sharedSystem), as the catalog would report it', async () => {
      const { outputs, errors, failure } = await run(
        await addingProject('shared'),
        {},
      );
      expect(failure?.message).toMatch(/the change brings 1 error/);
      expect(outputs).toMatchObject({ valid: false, errors: 1 });
      expect(errors).toEqual([
        expect.stringMatching(
          /^error catalog\/duplicate-entity at projects\/shared\/services\.toml:1:1: Project "shared" has the name of the System of global services \("shared"\): the catalog would get the project's System, and the global services would land in it\./,
        ),
      ]);
      expect(outputs.report).toMatch(
        /\| 🔴 error \| `projects\/shared\/services\.toml:1:1` \| .*`catalog\/duplicate-entity` \|/,
      );
    });

    it("takes the catalog provider's sharedSystem: with platform, projects/shared is fine and projects/platform is not", async () => {
      const shared = await run(await addingProject('shared'), {
        sharedSystem: 'platform',
      });
      expect(shared.failure).toBeUndefined();
      expect(shared.outputs).toMatchObject({ valid: true, errors: 0 });
      expect(shared.outputs.report).not.toContain('catalog/duplicate-entity');

      const platform = await run(await addingProject('platform'), {
        sharedSystem: 'platform',
      });
      expect(platform.failure?.message).toMatch(/the change brings 1 error/);
      expect(platform.errors).toEqual([
        expect.stringMatching(
          /^error catalog\/duplicate-entity at projects\/platform\/services\.toml:1:1: Project "platform" has the name of the System of global services \("platform"\)/,
        ),
      ]);
    });

    it.each([['global services'], ['-shared'], ['x'.repeat(64)], ['']])(
      'refuses sharedSystem %j in its JSON Schema, as the runner checks it',
      sharedSystem => {
        expect(
          runnerInputErrors(validate, { sharedSystem }).join('; '),
        ).toContain('sharedSystem');
      },
    );

    it('accepts a catalog entity name as sharedSystem', () => {
      expect(
        runnerInputErrors(validate, { sharedSystem: 'Global.Services_2' }),
      ).toEqual([]);
    });
  });

  it('says where the base comes from when it is missing', async () => {
    const workspace = await workspaceWithRegistry();
    await fs.rm(path.join(workspace, '.service-registry'), { recursive: true });
    await expect(
      validate.handler(contextFor(workspace, {}).ctx as any),
    ).rejects.toThrow(/service-registry:registry:fetch before editing/);
  });

  it('does not take a finding the registry had for a new one when an edit moves the line its message names', async () => {
    // the duplicate-id error names where the first declaration is: projects/a/services.toml:<line>
    const workspace = await workspaceWithFiles({
      'projects/a/services.toml':
        '[project]\nname = "A"\n\n[service.x]\nversion = "1.0.0"\nstatus = "ga"\n\n[service.dup]\nversion = "1.0.0"\nstatus = "ga"\n',
      'projects/b/services.toml':
        '[project]\nname = "B"\n\n[service.dup]\nversion = "1.0.0"\nstatus = "ga"\n',
    });
    await createServiceRegistryUpdateServiceAction().handler(
      contextFor(workspace, { id: 'x', port: 8081, description: 'X service' })
        .ctx as any,
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    expect(outputs).toMatchObject({
      valid: true,
      errors: 0,
      existingErrors: 1,
    });
    expect(outputs.changed).toEqual(['x']);
  });

  it('names a change to a project override apart from the global change of the same service', async () => {
    const workspace = await workspaceWithRegistry();
    const file = (relative: string) =>
      path.join(workspace, 'registry', relative);
    const edit = async (relative: string, from: string, to: string) => {
      const text = await fs.readFile(file(relative), 'utf8');
      expect(text).toContain(from);
      await fs.writeFile(file(relative), text.replace(from, to));
    };
    // the global declaration and project-a's override of notification-service both change
    await edit(
      'services/catalog.toml',
      'description = "E-mail, SMS and push notifications."',
      'description = "E-mail, SMS, chat and push notifications."',
    );
    await edit(
      'projects/project-a/services.toml',
      '[service.notification-service.metadata]\nreplicas = 4',
      '[service.notification-service.metadata]\nreplicas = 6',
    );

    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    expect(outputs.changed).toEqual(['notification-service']);
    expect(outputs.changedSubjects).toEqual([
      'notification-service',
      'notification-service in project project-a (override)',
    ]);
  });

  it('still reports a finding that differs from the base by more than a line number', async () => {
    const workspace = await workspaceWithFiles({
      'projects/a/services.toml':
        '[project]\nname = "A"\n\n[service.dup]\nversion = "1.0.0"\nstatus = "ga"\n',
      'projects/b/services.toml': '[project]\nname = "B"\n',
    });
    await fs.appendFile(
      path.join(workspace, 'registry/projects/b/services.toml'),
      '\n[service.dup]\nversion = "1.0.0"\nstatus = "ga"\n',
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    await expect(validate.handler(ctx as any)).rejects.toThrow(
      /the change brings 1 error/,
    );
    expect(outputs.existingErrors).toBe(0);
  });

  it('fails on a file that no longer parses, yet compares its services as in base rather than as removed', async () => {
    const workspace = await workspaceWithRegistry();
    const file = path.join(
      workspace,
      'registry/projects/project-b/services.toml',
    );
    const text = await fs.readFile(file, 'utf8');
    expect(text).toContain('\nport = 8090\n');
    await fs.writeFile(
      file,
      text.replace('\nport = 8090\n', '\nport = 8090 8091\n'),
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    await expect(validate.handler(ctx as any)).rejects.toThrow(
      /the change brings 1 error/,
    );
    expect(outputs).toMatchObject({
      valid: false,
      errors: 1,
      breakingChanges: 0,
      added: [],
      changed: [],
      removed: [],
    });
    expect(outputs.report).toContain('`toml/syntax`');
    expect(outputs.report).not.toContain('Removed');
    expect(outputs.report).toMatch(
      /⚠️ In head, `projects\/project-b\/services.toml` does not parse \(line \d+, column \d+\): its services `project-b-events`, .* are compared as in base/,
    );
  });

  it('lists the approvals the change control policy requires in the report', async () => {
    const workspace = await workspaceWithRegistry();
    await createServiceRegistryUpdateServiceAction().handler(
      contextFor(workspace, {
        id: 'shared-auth',
        version: '1.3.0',
        description: 'Sign-in for every project.',
      }).ctx as any,
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    expect(outputs.breakingChanges).toBe(0);
    // the demo's policies/governance.toml: version_bumps_require = ["@maintainer"]
    expect(outputs.report).toContain(
      '### Required approvals\n\n- `@maintainer`: version bump of `shared-auth` (`1.2.3` → `1.3.0`)\n',
    );
    // a new description is descriptive text, not a configuration change
    expect(outputs.report).not.toContain('@ops-team');
    expect(outputs.requiredApprovers).toEqual(['@maintainer']);
  });

  it('outputs the approvers of the "Required approvals" list, each once and as written', async () => {
    const workspace = await workspaceWithRegistry();
    await createServiceRegistryUpdateServiceAction().handler(
      contextFor(workspace, { id: 'project-a-api', port: 9090 }).ctx as any,
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    expect(outputs.breakingChanges).toBeGreaterThan(0);
    // the approvers the report lists, in its order
    const section = outputs.report.split('### Required approvals\n\n')[1];
    const listed = [...section.matchAll(/^- `([^`]+)`:/gm)].map(m => m[1]);
    expect(listed.length).toBeGreaterThan(0);
    expect(outputs.requiredApprovers).toEqual(listed);
    // the policy's breaking_changes_require and config_changes_require (a port is configuration),
    // the service's governance.approvers, as written
    expect(outputs.requiredApprovers).toEqual(
      expect.arrayContaining([
        '@platform-team',
        '@security-team',
        '@ops-team',
        '@ecommerce-team',
      ]),
    );
    // `@ecommerce-team` (its approvers) and `ecommerce-team` (the owner it affects) are one
    const keys = (outputs.requiredApprovers as string[]).map(a =>
      a.replace(/^@/, ''),
    );
    expect(keys).toEqual([...new Set(keys)]);
    expect(outputs.requiredApprovers).not.toContain('ecommerce-team');
  });

  it('keeps the report within the 65,536 characters GitHub takes as a pull request body, approvals and all', async () => {
    // a port change of a service 60 projects of 60 services require: a long list of impacted
    // services (about 100,000 characters named in full)
    const project = (p: number) =>
      `[project]\n${Array.from(
        { length: 60 },
        (_, i) =>
          `[service.project-${p}-consumer-${i}]\nversion = "1.0.0"\ndependencies.requires = ["shared-auth"]\n`,
      ).join('')}`;
    const files: Record<string, string> = {
      'services/catalog.toml':
        '[service.shared-auth]\nversion = "1.0.0"\nport = 8080\n',
      'policies/governance.toml':
        '[change_control]\nbreaking_changes_require = ["@platform-team"]\n',
    };
    for (let p = 0; p < 60; p++) {
      files[`projects/project-${p}/services.toml`] = project(p);
    }
    const workspace = await workspaceWithFiles(files);
    await createServiceRegistryUpdateServiceAction().handler(
      contextFor(workspace, { id: 'shared-auth', port: 9090 }).ctx as any,
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    expect(outputs.breakingChanges).toBe(1);
    expect(outputs.report.length).toBeLessThanOrEqual(65536);
    expect(outputs.report).toContain(
      '- `project-59`: `project-59-consumer-0`, `project-59-consumer-1`',
    );
    expect(outputs.report).toMatch(/`project-59-consumer-\w+` and \d+ more\n/);
    expect(outputs.report).toContain(
      '### Required approvals\n\n- `@platform-team`:',
    );
    expect(outputs.requiredApprovers).toEqual(['@platform-team']);
  });

  it('outputs no required approver for a change that needs no approval', async () => {
    const workspace = await workspaceWithRegistry();
    await createServiceRegistryUpdateServiceAction().handler(
      contextFor(workspace, {
        id: 'shared-auth',
        description: 'Sign-in for every project.',
      }).ctx as any,
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    expect(outputs.report).not.toContain('### Required approvals');
    expect(outputs.requiredApprovers).toEqual([]);
  });

  it('reports a new declaration of an id another project declares as the duplicate, not the old one', async () => {
    const declaration = (version: string) =>
      `\n[service.dup]\nversion = "${version}"\nstatus = "ga"\n`;
    const workspace = await workspaceWithFiles({
      'projects/b/services.toml': `[project]\nname = "B"\n${declaration(
        '1.0.0',
      )}`,
    });
    // project "a" sorts first: loaded alone, head would keep its declaration and blame b's
    await fs.mkdir(path.join(workspace, 'registry/projects/a'));
    await fs.writeFile(
      path.join(workspace, 'registry/projects/a/services.toml'),
      `[project]\nname = "A"\n${declaration('2.0.0')}`,
    );
    const { ctx, outputs } = contextFor(workspace, { today });
    const errors: string[] = [];
    ctx.logger.error = ((message: string) => {
      errors.push(message);
    }) as any;
    await expect(validate.handler(ctx as any)).rejects.toThrow(
      /the change brings 1 error/,
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /^error service\/duplicate-id at projects\/a\/services\.toml:\d+:\d+ \(dup\): Service "dup" is already declared by project "b"/,
      ),
    ]);
    expect(outputs.changed).toEqual([]);
    expect(outputs.breakingChanges).toBe(0);
    expect(outputs.report).toContain('No service changed.');
  });

  it('compares a file the base cannot read as the edit has it, and says so in the report', async () => {
    const workspace = await workspaceWithRegistry();
    // main's project-c file is broken on its first line; the edit fixes it
    const broken = path.join(
      workspace,
      '.service-registry/base/projects/project-c/services.toml',
    );
    const text = await fs.readFile(broken, 'utf8');
    await fs.writeFile(broken, `port = \n${text}`);
    const { ctx, outputs } = contextFor(workspace, { today });
    await validate.handler(ctx as any);
    // project-c's services are not taken for added
    expect(outputs.added).toEqual([]);
    expect(outputs.report).toContain(
      '⚠️ In base, `projects/project-c/services.toml:1:8` does not parse',
    );
    expect(outputs.report).toContain('`analytics-service`');
  });
});
