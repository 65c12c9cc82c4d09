import { registryNotFoundMessages } from '@service-registry/plugin-service-registry-common';
import { ServiceRegistryApi } from '../../api';
import { formApis } from '../../__testUtils__/formApis';
import {
  notFound,
  registryNotReadYet,
  unknownRegistry,
} from '../../testUtils/backendError';
import { mockServiceRegistryApi } from '../../testUtils/mockServiceRegistryApi';
import { projectSummaryResponse } from '../../testUtils/projectSummaryFixture';
import { registrySystem } from '../../testUtils/registryEntity';
import { validateRegistryProject } from './validateRegistryProject';

/** The registry's backend answers from the project fixture: projects shop and crm. */
const registryApi = (): ServiceRegistryApi =>
  mockServiceRegistryApi({
    getProjectSummary: jest.fn(async (id: string) =>
      projectSummaryResponse(id),
    ),
  });

describe('validateRegistryProject', () => {
  it('accepts a project the registry has, typed or picked, whatever the create box says', async () => {
    const registry = registryApi();
    const apiHolder = formApis({
      registry,
      catalog: [registrySystem('shop', { project: 'shop' })],
    });
    for (const createProject of [true, false, undefined]) {
      expect(
        await validateRegistryProject('crm', { apiHolder, createProject }),
      ).toBeUndefined();
      expect(
        await validateRegistryProject('system:default/shop', {
          apiHolder,
          createProject,
        }),
      ).toBeUndefined();
    }
    expect(registry.getProjectSummary).toHaveBeenCalledWith('shop', {
      registry: undefined,
    });
  });

  it('reads a picked System as the project of its annotation, as the action does', async () => {
    const registry = registryApi();
    expect(
      await validateRegistryProject('system:default/web-shop', {
        apiHolder: formApis({
          registry,
          catalog: [registrySystem('web-shop', { project: 'shop' })],
        }),
        registry: 'platform',
      }),
    ).toBeUndefined();
    expect(registry.getProjectSummary).toHaveBeenCalledWith('shop', {
      registry: 'platform',
    });
  });

  it('refuses a project the registry does not have while the create box is not ticked, naming the file it would create', async () => {
    const apiHolder = formApis({ registry: registryApi(), catalog: [] });
    expect(
      await validateRegistryProject('billing', {
        apiHolder,
        createProject: false,
      }),
    ).toBe(
      'The registry has no project "billing" yet: pick one of its projects, or tick the box to create the project (projects/billing/services.toml).',
    );
    expect(
      await validateRegistryProject('billing', {
        apiHolder,
        createProject: true,
      }),
    ).toBeUndefined();
  });

  it('refuses a new project in a form that does not offer to create one', async () => {
    expect(
      await validateRegistryProject('billing', {
        apiHolder: formApis({ registry: registryApi() }),
      }),
    ).toBe('The registry has no project "billing": pick one of its projects.');
  });

  it('reads the backend’s 404 of a project as the client receives it', async () => {
    const registry = mockServiceRegistryApi({
      getProjectSummary: async id => {
        throw await notFound(
          registryNotFoundMessages.project(id, 'default'),
          `http://localhost/api/service-registry/projects/${id}/summary`,
        );
      },
    });
    expect(
      await validateRegistryProject('billing', {
        apiHolder: formApis({ registry }),
        createProject: false,
      }),
    ).toContain('The registry has no project "billing" yet');
  });

  it.each([
    [
      'Web Shop',
      'Use lowercase letters, digits and "-" only for a project id, e.g. checkout.',
    ],
    ['a'.repeat(64), 'A project id is at most 63 characters; this one has 64.'],
    ['-shop', 'Start and end the project id with a letter or digit'],
    [
      'global',
      'The word "global" places the service among the global services (services/catalog.toml): choose "Global" as the scope',
    ],
    ['system:', '"system:" is not a System reference'],
  ])('refuses %s before asking the registry', async (value, message) => {
    const registry = registryApi();
    expect(
      await validateRegistryProject(value, {
        apiHolder: formApis({ registry, catalog: [] }),
        createProject: true,
      }),
    ).toContain(message);
    expect(registry.getProjectSummary).not.toHaveBeenCalled();
  });

  it('takes the project called global when it is picked as a System', async () => {
    const registry = registryApi();
    expect(
      await validateRegistryProject('system:default/global', {
        apiHolder: formApis({
          registry,
          catalog: [registrySystem('global', { project: 'global' })],
        }),
        createProject: false,
      }),
    ).toBe(
      'The registry has no project "global" yet: pick one of its projects, or tick the box to create the project (projects/global/services.toml).',
    );
    expect(registry.getProjectSummary).toHaveBeenCalledWith('global', {
      registry: undefined,
    });
  });

  it('reads a System the catalog does not know as its name (a project to create)', async () => {
    const registry = registryApi();
    expect(
      await validateRegistryProject('system:default/billing', {
        apiHolder: formApis({ registry, catalog: [] }),
        createProject: true,
      }),
    ).toBeUndefined();
    expect(registry.getProjectSummary).toHaveBeenCalledWith('billing', {
      registry: undefined,
    });
  });

  it.each([
    ['is not ready', () => registryNotReadYet()],
    [
      'does not have the registry',
      () =>
        unknownRegistry('platform', 'http://localhost/api/service-registry'),
    ],
  ])(
    'lets the form go on when the backend %s: the action checks the registry it changes',
    async (_, failure) => {
      const registry = mockServiceRegistryApi({
        getProjectSummary: async () => {
          throw await failure();
        },
      });
      expect(
        await validateRegistryProject('billing', {
          apiHolder: formApis({ registry }),
          createProject: false,
        }),
      ).toBeUndefined();
    },
  );

  it('says nothing of a project in an app without the registry API', async () => {
    expect(
      await validateRegistryProject('billing', {
        apiHolder: formApis({ catalog: [] }),
        createProject: false,
      }),
    ).toBeUndefined();
  });
});
