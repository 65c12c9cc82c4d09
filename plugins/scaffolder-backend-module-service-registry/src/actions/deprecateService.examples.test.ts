import { catalogWith, component } from '../__testUtils__/catalog';
import {
  cleanUp,
  runExample,
  workspaceWithRegistry,
} from '../__testUtils__/workspace';
import { createServiceRegistryDeprecateServiceAction } from './deprecateService';
import { examples } from './deprecateService.examples';

afterEach(cleanUp);

describe('service-registry:service:deprecate examples', () => {
  // the demo registry's Components, as the catalog provider emits them
  const { catalog } = catalogWith([
    component({ name: 'search-service' }, 'search-service'),
    component({ name: 'new-api' }, 'new-api'),
  ]);
  const action = createServiceRegistryDeprecateServiceAction({ catalog });
  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const workspace = await workspaceWithRegistry();
    const [out] = await runExample(action, example, workspace);
    expect(out.serviceId).toBe('search-service');
    expect(out.file).toBe('services/catalog.toml');
  });
});
