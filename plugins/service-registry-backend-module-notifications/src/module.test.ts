import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { schedulerServiceFactory } from '@backstage/backend-defaults/scheduler';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import catalogModuleServiceRegistryEntityProvider, {
  serviceRegistryEntityProviderExtensionPoint,
} from '@service-registry/plugin-catalog-backend-module-service-registry';
import {
  createTestDatabases,
  eventually,
} from '@service-registry/test-support';
import { serviceRegistryModuleNotifications } from './module';

const databases = createTestDatabases();
jest.setTimeout(180_000);

const ORG = `
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: shop-team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: admin-team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: payments-team }
spec: { type: team, children: [] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: alice }
spec: { memberOf: [shop-team] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: bob }
spec: { memberOf: [admin-team] }
---
apiVersion: backstage.io/v1alpha1
kind: User
metadata: { name: carol }
spec: { memberOf: [payments-team] }
`;

const CATALOG = [
  '[service.payments]',
  'owner = "@payments-team"',
  'version = "1.4.0"',
  'status = "ga"',
];

const SHOP = [
  '[project]',
  'owner = "@shop-team"',
  '[service.shop-api]',
  'version = "1.0.0"',
  'dependencies.requires = ["payments@^1.0"]',
  '[service.shop-admin]',
  'owner = "@admin-team"',
  'version = "1.0.0"',
  'dependencies.requires = ["payments@^1.0"]',
].join('\n');

/** An adopter's transformer: shop-admin's Component is renamed and moved to namespace shop. */
const renameShopAdmin = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-rename-shop-admin',
  register(reg) {
    reg.registerInit({
      deps: { registry: serviceRegistryEntityProviderExtensionPoint },
      async init({ registry }) {
        registry.addTransformer((entity, { service }) =>
          service?.id === 'shop-admin'
            ? {
                ...entity,
                metadata: {
                  ...entity.metadata,
                  name: 'acme-shop-admin',
                  namespace: 'shop',
                },
              }
            : entity,
        );
      },
    });
  },
});

interface NotificationView {
  payload: {
    title: string;
    description?: string;
    link?: string;
    severity?: string;
    topic?: string;
  };
}

describe.each(databases.eachSupportedId())(
  'consumer notifications in a portal backend on %p',
  databaseId => {
    it('tells the members of the groups owning the consumers, in their Backstage notifications, once the registry deprecates what they depend on', async () => {
      // each plugin its own database, as in a portal (the catalog and the notifications
      // backend would otherwise read each other's migrations)
      const knexes = {
        catalog: await databases.init(databaseId),
        notifications: await databases.init(databaseId),
        'service-registry': await databases.init(databaseId),
      };
      const knex = knexes['service-registry'];
      const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'sr-notify-'));
      const registry = path.join(dir, 'registry');
      await fs.mkdir(path.join(registry, 'services'), { recursive: true });
      await fs.mkdir(path.join(registry, 'projects', 'shop'), {
        recursive: true,
      });
      await fs.writeFile(path.join(dir, 'org.yaml'), ORG);
      await fs.writeFile(
        path.join(registry, 'services', 'catalog.toml'),
        CATALOG.join('\n'),
      );
      await fs.writeFile(
        path.join(registry, 'projects', 'shop', 'services.toml'),
        SHOP,
      );

      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          catalogModuleServiceRegistryEntityProvider,
          renameShopAdmin,
          serviceRegistryModuleNotifications,
          notificationsPlugin,
          schedulerServiceFactory,
          createServiceFactory({
            service: coreServices.database,
            deps: { plugin: coreServices.pluginMetadata },
            factory: ({ plugin }) => {
              const client = knexes[plugin.getId() as keyof typeof knexes];
              if (!client) throw new Error(`No database for ${plugin.getId()}`);
              return { getClient: async () => client };
            },
          }),
          mockServices.rootConfig.factory({
            data: {
              app: { baseUrl: 'http://localhost:3000' },
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
                locations: [
                  { type: 'file', target: path.join(dir, 'org.yaml') },
                ],
                providers: {
                  serviceRegistry: {
                    target: registry,
                    ownerGroups: false,
                    schedule: {
                      frequency: { seconds: 1 },
                      timeout: { seconds: 60 },
                      initialDelay: { seconds: 0 },
                    },
                  },
                },
              },
              serviceRegistry: {
                notifications: {
                  schedule: {
                    frequency: { seconds: 1 },
                    timeout: { seconds: 60 },
                    initialDelay: { seconds: 0 },
                  },
                },
              },
            },
          }),
        ],
      });
      const inbox = async (user: string): Promise<NotificationView[]> => {
        const res = await request(backend.server)
          .get('/api/notifications/notifications')
          .set(
            'Authorization',
            mockCredentials.user.header(`user:default/${user}`),
          );
        expect(res.status).toBe(200);
        return res.body.notifications;
      };

      try {
        // the module's first run starts from the registry as ingested: nothing is told
        await eventually(
          () => knex('service_registry_notice_baselines').select('registry_id'),
          rows => rows.length > 0,
        );
        // the consumers' entities reach their owning groups (what the notifications follow);
        // shop-admin's under the name the transformer gave it
        await eventually(
          async () =>
            (
              await request(backend.server)
                .post('/api/catalog/entities/by-refs')
                .set('Authorization', mockCredentials.user.header())
                .send({
                  entityRefs: [
                    'component:default/shop-api',
                    'component:shop/acme-shop-admin',
                  ],
                })
            ).body.items ?? [],
          (items: any[]) =>
            items.length === 2 &&
            items.every(e =>
              e?.relations?.some((r: any) => r.type === 'ownedBy'),
            ),
        );
        expect(await inbox('alice')).toEqual([]);

        await fs.writeFile(
          path.join(registry, 'services', 'catalog.toml'),
          [
            ...CATALOG.filter(l => !l.startsWith('status')),
            'status = "deprecated"',
            'deprecation_date = 2026-11-01',
            'sunset_date = 2099-01-01',
            'replacement_service = "payments-v2"',
            '[service.payments-v2]',
            'owner = "@payments-team"',
            'version = "2.0.0"',
          ].join('\n'),
        );

        const [alices] = await eventually(
          () => inbox('alice'),
          items => items.length > 0,
        );
        expect(alices.payload).toMatchObject({
          title: 'payments is deprecated',
          severity: 'normal',
          topic: 'service-registry',
          link: '/catalog/default/component/payments',
        });
        expect(alices.payload.description).toMatch(
          /^shop-api depends on payments, which is deprecated since 2026-11-01 \(sunset on 2099-01-01, in \d+ days\)\. Migrate to payments-v2\.$/,
        );
        const [bobs] = await eventually(
          () => inbox('bob'),
          items => items.length > 0,
        );
        expect(bobs.payload.description).toMatch(
          /^shop-admin depends on payments/,
        );

        // a few more provider and scheduled runs tell nothing twice, and nothing to the
        // deprecated service's own team
        await new Promise(resolve => setTimeout(resolve, 3_000));
        expect(await inbox('alice')).toHaveLength(1);
        expect(await inbox('bob')).toHaveLength(1);
        expect(await inbox('carol')).toEqual([]);

        // carol, of the deprecated service's team, reminds its consumers by hand
        const reminded = await request(backend.server)
          .post('/api/service-registry/deprecations/payments/reminders')
          .set(
            'Authorization',
            mockCredentials.user.header('user:default/carol'),
          );
        expect(reminded.status).toBe(201);
        const reminders = await eventually(
          () => inbox('alice'),
          items => items.length === 2,
        );
        expect(reminders.map(n => n.payload.title).sort()).toEqual([
          'Reminder: payments is deprecated',
          'payments is deprecated',
        ]);
        const bobsReminders = await eventually(
          () => inbox('bob'),
          items => items.length === 2,
        );
        expect(bobsReminders.map(n => n.payload.title).sort()).toEqual([
          'Reminder: payments is deprecated',
          'payments is deprecated',
        ]);
      } finally {
        await backend.stop();
        await fs.rm(dir, { recursive: true, force: true });
      }
    });
  },
);
