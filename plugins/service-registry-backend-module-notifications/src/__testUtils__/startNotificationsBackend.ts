import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { Knex } from 'knex';
import {
  BackendFeature,
  coreServices,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import catalogModuleServiceRegistryEntityProvider from '@service-registry/plugin-catalog-backend-module-service-registry';
import { eventually } from '@service-registry/test-support';
import { serviceRegistryModuleNotifications } from '../module';

/** A schedule that runs at once and then every second. */
const EVERY_SECOND = {
  frequency: { seconds: 1 },
  timeout: { seconds: 60 },
  initialDelay: { seconds: 0 },
};

/** The app config a test adds to the backend's. */
type ExtraConfig = NonNullable<
  Parameters<typeof mockServices.rootConfig.factory>[0]
>['data'];

/** What a test's portal backend runs on and holds. */
export interface StartNotificationsBackendOptions {
  /** The test databases (from `createTestDatabases()`), for one database per plugin. */
  databases: TestDatabases;
  /** Which of them this run is on (from `databases.eachSupportedId()`). */
  databaseId: TestDatabaseId;
  /** The org (Groups, Users) as a catalog YAML file, registered as a catalog location. */
  org: string;
  /**
   * The registry's files by their path in it (`services/catalog.toml`,
   * `projects/shop/services.toml`): what the service-registry provider ingests.
   */
  registry: Record<string, string>;
  /**
   * Plugins, modules and service factories the test adds to the catalog, the service-registry
   * provider and the module under test (e.g. the notifications backend, or the permission
   * backend with a policy).
   */
  features?: BackendFeature[];
  /**
   * Whether the module checks the registry for what to tell at once and then every second
   * (else on its default schedule).
   */
  notifyEverySecond?: boolean;
  /** Top-level app config besides `app`, `catalog` and `serviceRegistry` (e.g. `permission`). */
  config?: ExtraConfig;
}

/** A running portal backend of {@link startNotificationsBackend}. */
export interface NotificationsBackend {
  /** The backend's HTTP server, for supertest. */
  server: Parameters<typeof request>[0];
  /** The database of a plugin (e.g. `service-registry`, the module's). */
  database(pluginId: string): Promise<Knex>;
  /** Writes a registry file by its path in the registry; the provider ingests it within seconds. */
  writeRegistryFile(file: string, text: string): Promise<void>;
  /**
   * Waits until the catalog has each entity with an `ownedBy` relation (what the notifications and
   * the catalog's ownership conditions follow).
   */
  untilOwned(entityRefs: string[]): Promise<void>;
  /** Stops the backend and removes the registry from disk. */
  stop(): Promise<void>;
}

/**
 * Starts a real backend as a portal runs the module: the catalog with the service-registry
 * provider reading a registry written to a temporary folder every second, the notifications
 * module scheduled as configured, and each plugin with its own database on the given test
 * database (the catalog and the notifications backend would otherwise read each other's
 * migrations).
 *
 * @param options - the databases, the org and registry to ingest, and what the test adds
 * @returns the running backend; call `stop` when done
 */
export async function startNotificationsBackend(
  options: StartNotificationsBackendOptions,
): Promise<NotificationsBackend> {
  const { databases, databaseId } = options;
  const knexes = new Map<string, Promise<Knex>>();
  const database = (pluginId: string) => {
    let knex = knexes.get(pluginId);
    if (!knex) {
      knex = databases.init(databaseId);
      knexes.set(pluginId, knex);
    }
    return knex;
  };

  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sr-notifications-'));
  const registry = path.join(dir, 'registry');
  const writeRegistryFile = async (file: string, text: string) => {
    const target = path.join(registry, file);
    await fs.mkdir(path.dirname(target), { recursive: true });
    await fs.writeFile(target, text);
  };

  try {
    await fs.writeFile(path.join(dir, 'org.yaml'), options.org);
    for (const [file, text] of Object.entries(options.registry)) {
      await writeRegistryFile(file, text);
    }
    const backend = await startTestBackend({
      features: [
        catalogPlugin,
        catalogModuleServiceRegistryEntityProvider,
        serviceRegistryModuleNotifications,
        schedulerServiceFactory,
        createServiceFactory({
          service: coreServices.database,
          deps: { plugin: coreServices.pluginMetadata },
          factory: ({ plugin }) => ({
            getClient: () => database(plugin.getId()),
          }),
        }),
        mockServices.rootConfig.factory({
          data: {
            ...options.config,
            app: { baseUrl: 'http://localhost:3000' },
            ...(options.notifyEverySecond && {
              serviceRegistry: { notifications: { schedule: EVERY_SECOND } },
            }),
            catalog: {
              processingInterval: { seconds: 1 },
              rules: [
                {
                  allow: [
                    'Component',
                    'System',
                    'Group',
                    'User',
                    'Resource',
                    'Location',
                  ],
                },
              ],
              locations: [{ type: 'file', target: path.join(dir, 'org.yaml') }],
              providers: {
                serviceRegistry: {
                  target: registry,
                  ownerGroups: false,
                  schedule: EVERY_SECOND,
                },
              },
            },
          },
        }),
        ...(options.features ?? []),
      ],
    });

    return {
      server: backend.server,
      database,
      writeRegistryFile,
      async untilOwned(entityRefs) {
        await eventually(
          async () =>
            (
              await request(backend.server)
                .post('/api/catalog/entities/by-refs')
                .set('Authorization', mockCredentials.service.header())
                .send({ entityRefs })
            ).body.items ?? [],
          (items: any[]) =>
            items.length === entityRefs.length &&
            items.every(e =>
              e?.relations?.some((r: any) => r.type === 'ownedBy'),
            ),
        );
      },
      async stop() {
        try {
          await backend.stop();
        } finally {
          await fs.rm(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await fs.rm(dir, { recursive: true, force: true });
    throw error;
  }
}
