import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { scaffolderModuleServiceRegistry } from './module';

describe('scaffolderModuleServiceRegistry', () => {
  it('registers the service-registry actions with the scaffolder', async () => {
    const addActions = jest.fn();
    await startTestBackend({
      extensionPoints: [[scaffolderActionsExtensionPoint, { addActions }]],
      features: [
        scaffolderModuleServiceRegistry,
        mockServices.rootConfig.factory({
          data: { scaffolder: { serviceRegistry: { localRepositories: [] } } },
        }),
      ],
    });
    const ids = addActions.mock.calls.flat().map((action: any) => action.id);
    expect(ids).toEqual([
      'service-registry:registry:fetch',
      'service-registry:service:add',
      'service-registry:service:deprecate',
      'service-registry:service:update',
      'service-registry:validate',
      'service-registry:publish:branch',
      'service-registry:resolve-reviewers',
    ]);
    for (const action of addActions.mock.calls.flat()) {
      expect(action.supportsDryRun).toBe(true);
      expect(action.examples.length).toBeGreaterThan(0);
      expect(action.schema.input).toBeDefined();
    }
  });
});
