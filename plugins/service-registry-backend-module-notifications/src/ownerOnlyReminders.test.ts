import request from 'supertest';
import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import permissionPlugin from '@backstage/plugin-permission-backend';
import {
  AuthorizeResult,
  isPermission,
} from '@backstage/plugin-permission-common';
import { policyExtensionPoint } from '@backstage/plugin-permission-node/alpha';
import { serviceRegistryRemindPermission } from '@service-registry/plugin-service-registry-common';
import { createTestDatabases } from '@service-registry/test-support';
import { startNotificationsBackend } from './__testUtils__/startNotificationsBackend';

const databases = createTestDatabases();
jest.setTimeout(180_000);

/**
 * The policy the README shows: only the owners of a deprecated service may remind its consumers,
 * a conditional decision the catalog evaluates on the service's Component; everything else is
 * allowed.
 */
const ownersRemindPolicy = createBackendModule({
  pluginId: 'permission',
  moduleId: 'owners-remind-policy',
  register(reg) {
    reg.registerInit({
      deps: { policy: policyExtensionPoint },
      async init({ policy }) {
        policy.setPolicy({
          async handle(req, user) {
            if (isPermission(req.permission, serviceRegistryRemindPermission)) {
              return createCatalogConditionalDecision(
                req.permission,
                catalogConditions.isEntityOwner({
                  claims: user?.info.ownershipEntityRefs ?? [],
                }),
              );
            }
            return { result: AuthorizeResult.ALLOW };
          },
        });
      },
    });
  },
});

/**
 * The mock auth service, but a plugin's token on behalf of a user names the plugin as its actor,
 * as the real auth service's do: the permission backend and the catalog's apply-conditions
 * endpoint refuse a user's request without one (a "direct user request").
 */
const authWithActors = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }) {
    const auth = mockServices.auth({ pluginId: plugin.getId() });
    const serviceToken = auth.getPluginRequestToken.bind(auth);
    auth.getPluginRequestToken = async options => {
      const { onBehalfOf } = options;
      if (!auth.isPrincipal(onBehalfOf, 'user')) return serviceToken(options);
      return {
        token: mockCredentials.user.token(onBehalfOf.principal.userEntityRef, {
          actor: { subject: `plugin:${plugin.getId()}` },
        }),
      };
    };
    return auth;
  },
});

/** The groups each user belongs to, as a sign-in resolver puts them in the user's token. */
const MEMBERSHIPS: Record<string, string[]> = {
  'user:default/carol': ['group:default/payments-team'],
  'user:default/dave': ['group:default/search-team'],
  'user:default/erin': ['group:default/shop-team'],
};

const ORG = ['payments-team', 'search-team', 'shop-team']
  .map(
    name => `apiVersion: backstage.io/v1alpha1
kind: Group
metadata: { name: ${name} }
spec: { type: team, children: [] }`,
  )
  .join('\n---\n');

/** Two deprecated services of different teams, and a service of a third team using both. */
const CATALOG = [
  '[service.payments]',
  'owner = "@payments-team"',
  'version = "1.4.0"',
  'status = "deprecated"',
  'sunset_date = 2099-01-01',
  '[service.search]',
  'owner = "@search-team"',
  'version = "3.0.0"',
  'status = "deprecated"',
  'sunset_date = 2099-01-01',
].join('\n');

const SHOP = [
  '[project]',
  'owner = "@shop-team"',
  '[service.shop-api]',
  'version = "1.0.0"',
  'dependencies.requires = ["payments", "search"]',
].join('\n');

describe.each(databases.eachSupportedId())(
  'owner-only reminders with the permission backend and the catalog on %p',
  databaseId => {
    it('lets the owners of a deprecated service remind its consumers, and refuses everybody else with a 403 naming the permission and the service', async () => {
      const sent: NotificationSendOptions[] = [];

      const backend = await startNotificationsBackend({
        databases,
        databaseId,
        org: ORG,
        registry: {
          'services/catalog.toml': CATALOG,
          'projects/shop/services.toml': SHOP,
        },
        features: [
          permissionPlugin,
          ownersRemindPolicy,
          authWithActors,
          // the notifications backend itself is exercised by module.test.ts
          createServiceFactory({
            service: notificationService,
            deps: {},
            factory: () => ({
              send: async (notification: NotificationSendOptions) => {
                sent.push(notification);
              },
            }),
          }),
          createServiceFactory({
            service: coreServices.userInfo,
            deps: { auth: coreServices.auth },
            factory: ({ auth }) => ({
              async getUserInfo(credentials) {
                if (!auth.isPrincipal(credentials, 'user')) {
                  throw new Error('not a user');
                }
                const { userEntityRef } = credentials.principal;
                return {
                  userEntityRef,
                  ownershipEntityRefs: [
                    userEntityRef,
                    ...(MEMBERSHIPS[userEntityRef] ?? []),
                  ],
                };
              },
            }),
          }),
        ],
        config: { permission: { enabled: true } },
      });
      const remind = (user: string, service: string) =>
        request(backend.server)
          .post(`/api/service-registry/deprecations/${service}/reminders`)
          .set(
            'Authorization',
            mockCredentials.user.header(`user:default/${user}`),
          );
      const reminded = () =>
        sent
          .filter(n => n.payload.title.startsWith('Reminder: '))
          .map(n => n.payload.title);

      try {
        // the deprecated services' Components reach their owning groups (what the catalog's
        // isEntityOwner condition reads)
        await backend.untilOwned([
          'component:default/payments',
          'component:default/search',
          'component:default/shop-api',
        ]);

        // carol, of payments-team, reminds the consumers of payments, not those of search
        const own = await remind('carol', 'payments');
        expect([own.status, own.body.by]).toEqual([201, 'user:default/carol']);
        expect(own.body.notified).toEqual([
          { owner: '@shop-team', consumers: ['shop-api'] },
        ]);
        const other = await remind('carol', 'search');
        expect(other.status).toBe(403);
        expect(other.body.error.message).toBe(
          'reminding the consumers of search is not allowed: the permission policy denies service-registry.deprecation.remind on component:default/search',
        );

        // dave, of search-team, the other way round
        expect((await remind('dave', 'search')).status).toBe(201);

        // erin owns a consumer of both, not the services: she may remind neither
        const consumer = await remind('erin', 'payments');
        expect(consumer.status).toBe(403);
        expect(consumer.body.error.message).toBe(
          'reminding the consumers of payments is not allowed: the permission policy denies service-registry.deprecation.remind on component:default/payments',
        );

        expect(reminded()).toEqual([
          'Reminder: payments is deprecated',
          'Reminder: search is deprecated',
        ]);
      } finally {
        await backend.stop();
      }
    });
  },
);
