import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  cleanUp,
  contextFor,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { createServiceRegistryValidateAction } from './validate';

/**
 * On the backend's thread the registry cannot be loaded, validated or diffed here: what the
 * action reports can only come from its worker thread, which loads the common package as it is.
 */
jest.mock('@service-registry/plugin-service-registry-common', () => {
  const actual = jest.requireActual(
    '@service-registry/plugin-service-registry-common',
  );
  const onTheBackendThread = (name: string) => () => {
    throw new Error(`${name} ran on the backend's own thread`);
  };
  return {
    ...actual,
    loadRegistry: onTheBackendThread('loadRegistry'),
    validateRegistry: onTheBackendThread('validateRegistry'),
    diffRegistries: onTheBackendThread('diffRegistries'),
    reviewRegistryChange: onTheBackendThread('reviewRegistryChange'),
  };
});

afterEach(cleanUp);

describe('service-registry:validate on its worker thread', () => {
  /** A workspace whose registry gives shared-auth the version `version` (1.2.3 in the base). */
  async function workspaceWithSharedAuth(version: string) {
    const workspace = await workspaceWithRegistry();
    const catalog = path.join(workspace, 'registry/services/catalog.toml');
    const text = await fs.readFile(catalog, 'utf8');
    await fs.writeFile(
      catalog,
      text.replace('version = "1.2.3"', `version = "${version}"`),
    );
    return workspace;
  }

  it('loads, validates and diffs the registry off the backend thread, and reports as on it', async () => {
    // shared-auth's next major version: breaking for every project that requires ^1
    const workspace = await workspaceWithSharedAuth('2.0.0');
    const { ctx, outputs } = contextFor(workspace, {
      today: '2026-11-22',
      failOn: 'never',
    });
    await createServiceRegistryValidateAction().handler(ctx as any);
    expect(outputs).toMatchObject({
      changed: ['shared-auth'],
      changeType: 'breaking',
      impactedProjects: ['project-a', 'project-b', 'project-c'],
    });
    expect(outputs.breakingChanges).toBeGreaterThan(0);
    expect(outputs.report).toContain('shared-auth');
  });

  it('validates the steps of tasks that run at the same time, each its own change', async () => {
    const action = createServiceRegistryValidateAction();
    const steps = await Promise.all(
      ['2.0.0', '1.3.0', '2.0.0', '1.2.4'].map(async version => {
        const { ctx, outputs } = contextFor(
          await workspaceWithSharedAuth(version),
          { today: '2026-11-22', failOn: 'never' },
        );
        await action.handler(ctx as any);
        return outputs;
      }),
    );
    expect(steps.map(o => [o.changeType, o.breakingChanges! > 0])).toEqual([
      ['breaking', true],
      ['feature', false],
      ['breaking', true],
      ['bugfix', false],
    ]);
  });
});
