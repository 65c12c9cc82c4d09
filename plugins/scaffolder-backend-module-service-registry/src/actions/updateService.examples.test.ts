import {
  cleanUp,
  runExample,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { createServiceRegistryUpdateServiceAction } from './updateService';
import { examples } from './updateService.examples';

afterEach(cleanUp);

describe('service-registry:service:update examples', () => {
  const action = createServiceRegistryUpdateServiceAction();
  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const workspace = await workspaceWithRegistry();
    const [out] = await runExample(action, example, workspace);
    expect(out.changedFields.length).toBeGreaterThan(0);
  });
});
