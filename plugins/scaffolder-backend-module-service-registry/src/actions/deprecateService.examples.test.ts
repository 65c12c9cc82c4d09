import {
  cleanUp,
  runExample,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { createServiceRegistryDeprecateServiceAction } from './deprecateService';
import { examples } from './deprecateService.examples';

afterEach(cleanUp);

describe('service-registry:service:deprecate examples', () => {
  const action = createServiceRegistryDeprecateServiceAction();
  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const workspace = await workspaceWithRegistry();
    const [out] = await runExample(action, example, workspace);
    expect(out.file).toBe('services/catalog.toml');
  });
});
