import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DatabaseService } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createTestDatabases,
  eventually,
} from '@service-registry/test-support';
import { createServiceRegistryEntityProviders } from './createServiceRegistryEntityProviders';
import {
  RecordingConnection,
  writeRegistry,
} from '../__testUtils__/providerHarness';

const databases = createTestDatabases();
jest.setTimeout(60_000);

describe.each(databases.eachSupportedId())(
  'createServiceRegistryEntityProviders on %p',
  databaseId => {
    let main: string;
    let lab: string;

    beforeEach(async () => {
      main = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-main-'));
      lab = await fs.mkdtemp(path.join(os.tmpdir(), 'registry-lab-'));
    });

    afterEach(async () => {
      await fs.rm(main, { recursive: true, force: true });
      await fs.rm(lab, { recursive: true, force: true });
    });

    it('lets another registry take over at once an entity one registry stops emitting', async () => {
      // both registries have global services: the System of global services (`shared` by default)
      // is emitted by the first, and the other's global services are in it too
      await writeRegistry(main, {
        'services/catalog.toml':
          '[service.main-auth]\nowner = "platform-team"\nversion = "1.0.0"\n',
        'projects/shop/services.toml':
          '[project]\nowner = "shop-team"\n\n[service.cart]\nversion = "1.0.0"\n\n[service.orders]\nversion = "1.0.0"\n',
      });
      await writeRegistry(lab, {
        'services/catalog.toml':
          '[service.lab-auth]\nowner = "lab-team"\nversion = "0.1.0"\n',
      });
      const knex = await databases.init(databaseId);
      const database = {
        getClient: async () => knex,
      } as unknown as DatabaseService;
      const providers = await createServiceRegistryEntityProviders({
        config: new ConfigReader({
          catalog: {
            providers: {
              serviceRegistry: {
                main: { target: main, guard: { maxRemovalShare: 1 } },
                lab: { target: lab },
              },
            },
          },
        }),
        logger: mockServices.logger.mock(),
        database,
        reader: mockServices.urlReader.mock(),
      });
      const [mainProvider, labProvider] = providers;
      const mainCatalog = new RecordingConnection();
      const labCatalog = new RecordingConnection();
      await mainProvider.connect(mainCatalog);
      await labProvider.connect(labCatalog);
      await mainProvider.refresh();
      await labProvider.refresh();
      expect(mainCatalog.refs('system')).toContain('system:default/shared');
      expect(labCatalog.refs('system')).toEqual([]);

      // main's global services move into its project: main lets the System go, and lab, whose
      // global service is in it, emits it again without waiting for its next scheduled run
      await writeRegistry(main, {
        'services/catalog.toml': undefined,
        'projects/shop/services.toml':
          '[project]\nowner = "shop-team"\n\n[service.cart]\nversion = "1.0.0"\n\n[service.orders]\nversion = "1.0.0"\n\n[service.main-auth]\nowner = "platform-team"\nversion = "1.0.0"\n',
      });
      expect((await mainProvider.refresh()).status.state).toBe('ok');
      expect(mainCatalog.refs('system')).toEqual(['system:default/shop']);

      await eventually(
        async () => labCatalog.refs('system'),
        systems => systems.includes('system:default/shared'),
        { timeoutMs: 10_000 },
      );
    });
  },
);
