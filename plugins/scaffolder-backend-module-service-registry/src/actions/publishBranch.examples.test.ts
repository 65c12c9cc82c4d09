import { mockServices } from '@backstage/backend-test-utils';
import {
  bareRepositoryOf,
  cleanUp,
  configWith,
  contextFor,
  git,
  runExample,
  tempDir,
} from '../__testUtils__/workspace';
import { createServiceRegistryAddServiceAction } from './addService';
import { createServiceRegistryFetchAction } from './fetchRegistry';
import { createServiceRegistryPublishBranchAction } from './publishBranch';
import { examples } from './publishBranch.examples';

afterEach(cleanUp);

describe('service-registry:publish:branch examples', () => {
  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const bare = await bareRepositoryOf();
    const config = configWith([bare], { registryUrl: bare });
    const workspace = await tempDir();
    await createServiceRegistryFetchAction({
      config,
      reader: mockServices.urlReader.mock(),
    }).handler(contextFor(workspace, {}).ctx as any);
    await createServiceRegistryAddServiceAction().handler(
      contextFor(workspace, { id: 'orders-api' }).ctx as any,
    );
    const [out] = await runExample(
      createServiceRegistryPublishBranchAction({ config }),
      example,
      workspace,
    );
    expect(git(bare, 'rev-parse', out.branchName)).toBe(out.commitHash);
  });
});
