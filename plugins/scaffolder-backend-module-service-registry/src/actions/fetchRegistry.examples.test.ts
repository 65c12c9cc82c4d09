import { promises as fs } from 'node:fs';
import { UrlReaderService } from '@backstage/backend-plugin-api';
import {
  bareRepositoryOf,
  cleanUp,
  configWith,
  DEMO_REGISTRY,
  runExample,
  tempDir,
} from '../__testUtils__/workspace';
import { createServiceRegistryFetchAction } from './fetchRegistry';
import { examples } from './fetchRegistry.examples';

afterEach(cleanUp);

/** A URL reader that serves the demo registry for any tree URL (the hosted case). */
const reader = {
  readTree: async () => ({
    etag: 'etag',
    files: async () => [],
    archive: async () => {
      throw new Error('not used');
    },
    dir: async ({ targetDir }: { targetDir?: string } = {}) => {
      await fs.cp(DEMO_REGISTRY, targetDir!, { recursive: true });
      return targetDir!;
    },
  }),
} as unknown as UrlReaderService;

describe('service-registry:registry:fetch examples', () => {
  it.each(examples.map(e => [e.description, e]))('%s', async (_, example) => {
    const bare = await bareRepositoryOf();
    const action = createServiceRegistryFetchAction({
      config: configWith([bare], { registryUrl: bare }),
      reader,
    });
    const [out] = await runExample(action, example, await tempDir());
    const hosted = example.example.includes('github.com');
    expect(out).toMatchObject(
      hosted
        ? {
            registryPath: 'registry',
            provider: 'github',
            repoUrl: 'github.com?owner=example-org&repo=service-registry',
            targetBranch: 'main',
            repoSubPath: '',
          }
        : { registryPath: 'registry', provider: 'local', targetBranch: 'main' },
    );
  });
});
