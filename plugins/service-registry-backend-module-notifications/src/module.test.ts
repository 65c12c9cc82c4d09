import request from 'supertest';
import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockCredentials } from '@backstage/backend-test-utils';
import notificationsPlugin from '@backstage/plugin-notifications-backend';
import { serviceRegistryEntityProviderExtensionPoint } from '@service-registry/plugin-catalog-backend-module-service-registry';
import {
  createTestDatabases,
  eventually,
} from '@service-registry/test-support';
import { startNotificationsBackend } from './__testUtils__/startNotificationsBackend';

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
      const backend = await startNotificationsBackend({
        databases,
        databaseId,
        org: ORG,
        registry: {
          'services/catalog.toml': CATALOG.join('\n'),
          'projects/shop/services.toml': SHOP,
        },
        features: [renameShopAdmin, notificationsPlugin],
        notifyEverySecond: true,
      });
      const knex = await backend.database('service-registry');
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
        await backend.untilOwned([
          'component:default/shop-api',
          'component:shop/acme-shop-admin',
        ]);
        expect(await inbox('alice')).toEqual([]);

        await backend.writeRegistryFile(
          'services/catalog.toml',
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
      }
    });
  },
);
