import {
  cleanUp,
  runExample,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { createServiceRegistryValidateAction } from './validate';
import { examples } from './validate.examples';

afterEach(cleanUp);

describe('service-registry:validate examples', () => {
  const action = createServiceRegistryValidateAction();
  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const workspace = await workspaceWithRegistry();
    const [out] = await runExample(action, example, workspace);
    expect(out.valid).toBe(true);
    expect(out.report).toContain('No service changed.');
  });
});
