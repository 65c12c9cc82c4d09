import {
  cleanUp,
  runExample,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { createServiceRegistryAddServiceAction } from './addService';
import { examples } from './addService.examples';

afterEach(cleanUp);

describe('service-registry:service:add examples', () => {
  const action = createServiceRegistryAddServiceAction();
  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const workspace = await workspaceWithRegistry();
    const [out] = await runExample(action, example, workspace);
    expect(out.serviceId).toMatch(/^(orders-api|billing-worker)$/);
  });
});
