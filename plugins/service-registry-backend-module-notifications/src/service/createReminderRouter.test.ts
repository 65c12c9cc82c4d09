import request from 'supertest';
import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  notificationService,
} from '@backstage/plugin-notifications-node';
import {
  AuthorizeResult,
  EvaluatePermissionRequest,
} from '@backstage/plugin-permission-common';
import {
  ANNOTATION_REGISTRY_ID,
  ANNOTATION_SERVICE_ID,
  loadRegistry,
  serviceRegistryReadPermission,
  serviceRegistryRemindPermission,
} from '@service-registry/plugin-service-registry-common';
import {
  InMemoryServiceRegistrySnapshotService,
  serviceRegistrySnapshotServiceRef,
} from '@service-registry/plugin-service-registry-node';
import { createTestDatabases } from '@service-registry/test-support';
import { serviceRegistryModuleNotifications } from '../module';

const databases = createTestDatabases();
jest.setTimeout(60_000);

const FILES = [
  {
    path: 'services/catalog.toml',
    text: [
      '[service.payments]',
      'owner = "@payments-team"',
      'version = "1.4.0"',
      'status = "deprecated"',
      'sunset_date = 2099-01-01',
      '[service.search]',
      'version = "3.0.0"',
      '[service.lonely]',
      'status = "deprecated"',
      // an id that breaks the registry's rule, kept by the loader with a schema/invalid-id error
      '[service.Old_Pay]',
      'status = "deprecated"',
      // its Component is not in the catalog (left out: another registry holds the name)
      '[service.mailer]',
      'status = "deprecated"',
      '[service.mail-digest]',
      'dependencies.requires = ["mailer"]',
    ].join('\n'),
  },
  {
    path: 'projects/shop/services.toml',
    text: [
      '[project]',
      'owner = "@shop-team"',
      '[service.shop-api]',
      'dependencies.requires = ["payments", "search"]',
      '[service.shop-admin]',
      'owner = "@admin-team"',
      'dependencies.requires = ["payments"]',
    ].join('\n'),
  },
  {
    // a credential pasted where an owner belongs: validation reports it, answers must not serve it
    path: 'projects/billing/services.toml',
    text: [
      '[service.ledger]',
      'status = "deprecated"',
      '[service.ledger-sync]',
      'owner = "sk_live_0123456789abcdefghijklmn"',
      'dependencies.requires = ["ledger"]',
    ].join('\n'),
  },
];

/** The consumers' catalog entities, owned by their teams. */
function component(name: string, owner: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', owner, lifecycle: 'production' },
    relations: [{ type: 'ownedBy', targetRef: `group:default/${owner}` }],
  };
}

/** A service's Component as a transformer renamed it: found by its annotations. */
function renamed(
  name: string,
  namespace: string,
  serviceId: string,
  registryId: string,
): Entity {
  const entity = component(name, 'billing-team');
  entity.metadata.namespace = namespace;
  entity.metadata.annotations = {
    [ANNOTATION_SERVICE_ID]: serviceId,
    [ANNOTATION_REGISTRY_ID]: registryId,
  };
  return entity;
}

describe.each(databases.eachSupportedId())(
  'reminder endpoints on %p',
  databaseId => {
    async function start(
      options: {
        deny?: boolean;
        /** Allow every permission but `service-registry.registry.read`. */
        denyRead?: boolean;
        /**
         * Allow every permission but `service-registry.deprecation.remind` on these resources;
         * every request the router makes is recorded in `asked`.
         */
        denyRemindOn?: string[];
        providerId?: string;
        config?: Record<string, any>;
      } = {},
    ) {
      const knex = await databases.init(databaseId);
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      snapshots.publish({
        providerId: options.providerId ?? 'default',
        registry: loadRegistry(FILES),
        files: FILES,
        findings: [],
        state: 'ok',
        summary: 'test',
        updatedAt: new Date().toISOString(),
        rootLocation: 'file:/registry',
      });
      const sent: NotificationSendOptions[] = [];
      const asked: EvaluatePermissionRequest[] = [];
      const { server } = await startTestBackend({
        features: [
          serviceRegistryModuleNotifications,
          mockServices.database.factory({ knex }),
          createServiceFactory({
            service: serviceRegistrySnapshotServiceRef,
            deps: {},
            factory: () => snapshots,
          }),
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
          catalogServiceMock.factory({
            entities: [
              component('shop-api', 'shop-team'),
              component('shop-admin', 'admin-team'),
              // a consumer whose Component a transformer renamed: reminded there
              renamed('acme-ledger-sync', 'finance', 'ledger-sync', 'default'),
              // ledger's Component, renamed and moved by an entity transformer
              renamed('acme-ledger', 'finance', 'ledger', 'default'),
              // the Component of another registry's payments
              renamed('staging-payments', 'default', 'payments', 'staging'),
              // another registry's mailer, under the name this registry's would have
              renamed('mailer', 'default', 'mailer', 'staging'),
            ],
          }),
          // a request without a token is anonymous (the test backend's default is a user)
          mockServices.httpAuth.factory({
            defaultCredentials: mockCredentials.none(),
          }),
          ...(options.config
            ? [mockServices.rootConfig.factory({ data: options.config })]
            : []),
          ...(options.deny
            ? [
                mockServices.permissions.factory({
                  result: AuthorizeResult.DENY,
                }),
              ]
            : []),
          ...(options.denyRead
            ? [
                mockServices.permissions.mock({
                  authorize: async requests =>
                    requests.map(({ permission }) => ({
                      result:
                        permission.name === serviceRegistryReadPermission.name
                          ? AuthorizeResult.DENY
                          : AuthorizeResult.ALLOW,
                    })),
                }).factory,
              ]
            : []),
          ...(options.denyRemindOn
            ? [
                mockServices.permissions.mock({
                  authorize: async requests => {
                    asked.push(...requests);
                    return requests.map(asking => ({
                      result:
                        asking.permission.name ===
                          serviceRegistryRemindPermission.name &&
                        options.denyRemindOn!.includes(
                          'resourceRef' in asking
                            ? String(asking.resourceRef)
                            : '',
                        )
                          ? AuthorizeResult.DENY
                          : AuthorizeResult.ALLOW,
                    }));
                  },
                }).factory,
              ]
            : []),
        ],
      });
      return { server, sent, asked };
    }
    const jane = mockCredentials.user.header('user:default/jane');
    const path = '/api/service-registry/deprecations/payments/reminders';

    it('reminds every consumer’s owner once a day, naming who sent it, and says when the last reminder went out', async () => {
      const { server, sent } = await start();
      const before = await request(server).get(path).set('Authorization', jane);
      expect(before.status).toBe(200);
      expect(before.body).toEqual({
        registry: 'default',
        service: 'payments',
        last: null,
        canRemind: true,
      });

      const reminded = await request(server)
        .post(path)
        .set('Authorization', jane);
      expect(reminded.status).toBe(201);
      expect(reminded.body).toMatchObject({
        registry: 'default',
        service: 'payments',
        by: 'user:default/jane',
        notified: [
          { owner: '@admin-team', consumers: ['shop-admin'] },
          { owner: '@shop-team', consumers: ['shop-api'] },
        ],
        deferred: [],
      });
      expect(sent.map(s => [s.payload.title, s.recipients])).toEqual([
        [
          'Reminder: payments is deprecated',
          { type: 'entity', entityRef: ['component:default/shop-admin'] },
        ],
        [
          'Reminder: payments is deprecated',
          { type: 'entity', entityRef: ['component:default/shop-api'] },
        ],
      ]);
      expect(sent[1].payload.description).toMatch(
        /^shop-api depends on payments, which is deprecated \(sunset on 2099-01-01, in \d+ days\)\. \(Reminder sent by user:default\/jane\.\)$/,
      );

      const again = await request(server).post(path).set('Authorization', jane);
      expect(again.status).toBe(409);
      expect(again.body.error.message).toMatch(
        /^The consumers of payments were reminded today already, by user:default\/jane at \d\d:\d\d UTC: one reminder a day$/,
      );
      expect(sent).toHaveLength(2);
      const after = await request(server).get(path).set('Authorization', jane);
      expect(after.body).toMatchObject({
        canRemind: false,
        last: { by: 'user:default/jane', at: reminded.body.at },
      });
    });

    it('answers 404 for a service that is not deprecated, 409 for one nobody depends on, 400 for a bad id', async () => {
      const { server } = await start();
      const notDeprecated = await request(server)
        .post('/api/service-registry/deprecations/search/reminders')
        .set('Authorization', jane);
      expect(notDeprecated.status).toBe(404);
      const lonely = await request(server)
        .post('/api/service-registry/deprecations/lonely/reminders')
        .set('Authorization', jane);
      expect(lonely.status).toBe(409);
      expect(lonely.body.error.message).toBe(
        'lonely has no consumers left to remind',
      );
      const status = await request(server)
        .get('/api/service-registry/deprecations/lonely/reminders')
        .set('Authorization', jane);
      expect(status.body).toMatchObject({ canRemind: false });
      const unknown = await request(server)
        .get('/api/service-registry/deprecations/Not_An_Id/reminders')
        .set('Authorization', jane);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe(
        'Not_An_Id is not a deprecated or retired service of registry "default"',
      );
      // a deprecated service whose id breaks the registry's rule has its reminder status too
      const oddId = await request(server)
        .get('/api/service-registry/deprecations/Old_Pay/reminders')
        .set('Authorization', jane);
      expect(oddId.status).toBe(200);
      expect(oddId.body).toMatchObject({ canRemind: false });
      const registry = await request(server)
        .get(`${path}?registry=nope`)
        .set('Authorization', jane);
      expect(registry.status).toBe(404);
    });

    it('refuses a body it does not read, rather than reminding another registry', async () => {
      const { server, sent } = await start();
      const res = await request(server)
        .post(path)
        .set('Authorization', jane)
        .send({ registry: 'staging' });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/registry/);
      expect(sent).toEqual([]);
    });

    it('answers like the other endpoints for a registry not ingested yet (503) or unknown (404), and picks the only one', async () => {
      const config = {
        catalog: {
          providers: {
            serviceRegistry: {
              prod: { target: '/r/prod' },
              staging: { target: '/r/staging' },
            },
          },
        },
      };
      const { server } = await start({ providerId: 'prod', config });
      const staging = await request(server)
        .get(`${path}?registry=staging`)
        .set('Authorization', jane);
      expect(staging.status).toBe(503);
      expect(staging.body.error.message).toBe(
        'registry "staging" has not been ingested yet since this backend started: try again in a minute, and see the catalog\'s logs if it lasts',
      );
      const unknown = await request(server)
        .post(`${path}?registry=nope`)
        .set('Authorization', jane);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe(
        'no registry "nope": give registry= one of prod, staging (catalog.providers.serviceRegistry)',
      );

      const single = await start({
        providerId: 'main',
        config: {
          catalog: {
            providers: { serviceRegistry: { main: { target: '/r' } } },
          },
        },
      });
      const status = await request(single.server)
        .get(path)
        .set('Authorization', jane);
      expect(status.status).toBe(200);
      expect(status.body.registry).toBe('main');
    });

    it('needs a user allowed to remind: 401 without credentials, 403 for services and when the policy denies', async () => {
      const { server, sent } = await start();
      expect((await request(server).post(path)).status).toBe(401);
      const service = await request(server)
        .post(path)
        .set('Authorization', mockCredentials.service.header());
      expect(service.status).toBe(403);

      const denied = await start({ deny: true });
      const post = await request(denied.server)
        .post(path)
        .set('Authorization', jane);
      expect(post.status).toBe(403);
      expect(post.body.error.message).toBe(
        'reminding the consumers of a deprecated service is not allowed: it needs the service-registry.registry.read permission as well as service-registry.deprecation.remind',
      );
      expect(
        (await request(denied.server).get(path).set('Authorization', jane))
          .status,
      ).toBe(403);
      expect(sent).toEqual([]);
      expect(denied.sent).toEqual([]);
    });

    it('asks the policy about the deprecated service’s own catalog entity: a user may remind the consumers of one service and not of another', async () => {
      const { server, sent, asked } = await start({
        denyRemindOn: ['component:default/payments'],
      });
      const denied = await request(server)
        .post(path)
        .set('Authorization', jane);
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe(
        'reminding the consumers of payments is not allowed: the permission policy denies service-registry.deprecation.remind on component:default/payments',
      );
      expect(sent).toEqual([]);

      // ledger's Component was renamed by a transformer: the permission is asked on it, found
      // by the service id and registry annotations, not on a component:default/ledger
      const allowed = await request(server)
        .post('/api/service-registry/deprecations/ledger/reminders')
        .set('Authorization', jane);
      expect(allowed.status).toBe(201);
      expect(sent.map(s => s.recipients)).toEqual([
        { type: 'entity', entityRef: ['component:finance/acme-ledger-sync'] },
      ]);
      const refs = () =>
        asked.map(r => [
          r.permission.name,
          'resourceRef' in r ? r.resourceRef : undefined,
        ]);
      expect(refs()).toEqual([
        [serviceRegistryReadPermission.name, undefined],
        [serviceRegistryRemindPermission.name, 'component:default/payments'],
        [serviceRegistryReadPermission.name, undefined],
        [serviceRegistryRemindPermission.name, 'component:finance/acme-ledger'],
      ]);

      // the status of a service the user may not remind is read with the read permission alone
      const status = await request(server).get(path).set('Authorization', jane);
      expect(status.status).toBe(200);
      expect(refs().slice(4)).toEqual([
        [serviceRegistryReadPermission.name, undefined],
      ]);
    });

    it('refuses to remind for a service whose catalog name is another registry’s Component, rather than ask the policy about that one', async () => {
      const { server, sent, asked } = await start({ denyRemindOn: [] });
      const response = await request(server)
        .post('/api/service-registry/deprecations/mailer/reminders')
        .set('Authorization', jane);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        'reminding the consumers of mailer is not allowed: registry "default" has no Component of it in the catalog to ask the permission policy about (component:default/mailer is another registry\'s or another service\'s)',
      );
      expect(
        asked.map(r => [
          r.permission.name,
          'resourceRef' in r ? r.resourceRef : undefined,
        ]),
      ).toEqual([[serviceRegistryReadPermission.name, undefined]]);
      expect(sent).toEqual([]);
    });

    it('needs the read permission too: a user allowed to remind but not to read the registry learns nothing of it and reminds nobody', async () => {
      const { server, sent } = await start({ denyRead: true });
      for (const service of ['payments', 'lonely', 'search', 'nope']) {
        const res = await request(server)
          .post(`/api/service-registry/deprecations/${service}/reminders`)
          .set('Authorization', jane);
        // the same answer whether the service exists, is deprecated or has consumers
        expect([service, res.status, res.body.error?.message]).toEqual([
          service,
          403,
          'reminding the consumers of a deprecated service is not allowed: it needs the service-registry.registry.read permission as well as service-registry.deprecation.remind',
        ]);
        for (const registryData of ['shop-team', 'admin-team', 'shop-api']) {
          expect(res.text).not.toContain(registryData);
        }
      }
      expect(sent).toEqual([]);
    });

    it('never serves a credential written as an owner in the reminder’s answer', async () => {
      const { server, sent } = await start();
      const res = await request(server)
        .post('/api/service-registry/deprecations/ledger/reminders')
        .set('Authorization', jane);
      expect(res.status).toBe(201);
      expect(res.text).not.toContain('sk_live_0123');
      expect(res.body.notified).toEqual([
        {
          owner: expect.stringMatching(/^\(hidden: /),
          consumers: ['ledger-sync'],
        },
      ]);
      expect(sent).toHaveLength(1);
    });

    it('reads a body only once the caller may remind: a malformed one is 403 for a denied user, and never echoed', async () => {
      /** A body the reminder does not take, malformed, holding a credential. */
      const body = '{"password": "hunter2-body-secret"';
      const denied = await start({ deny: true });
      const refused = await request(denied.server)
        .post(path)
        .set('Authorization', jane)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain('hunter2-body-secret');

      const { server, sent } = await start();
      const malformed = await request(server)
        .post(path)
        .set('Authorization', jane)
        .set('Content-Type', 'application/json')
        .send(body);
      expect(malformed.status).toBe(400);
      expect(malformed.body.error.message).toBe(
        'the reminder takes no body: give registry as a query parameter (the body sent is not JSON)',
      );
      expect(malformed.text).not.toContain('hunter2-body-secret');
      // a body of another type is not silently ignored either
      const text = await request(server)
        .post(path)
        .set('Authorization', jane)
        .set('Content-Type', 'text/plain')
        .send('registry=staging');
      expect(text.status).toBe(400);
      const large = await request(server)
        .post(path)
        .set('Authorization', jane)
        .send({ note: 'x'.repeat(100_000) });
      expect(large.status).toBe(413);
      expect(sent).toEqual([]);
      // an empty body, as JSON clients may send, is no body
      const empty = await request(server)
        .post(path)
        .set('Authorization', jane)
        .send({});
      expect(empty.status).toBe(201);
    });

    it('leaves the bodies of the plugin’s other requests alone (its router runs before the plugin’s own)', async () => {
      const { server } = await start();
      const res = await request(server)
        .get('/api/service-registry/graph')
        .set('Authorization', jane)
        .set('Content-Type', 'application/json')
        .send('{"password": "hunter2-body-secret"');
      // not answered here (the service-registry backend plugin serves it): no 400 of a body
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('hunter2-body-secret');
    });
  },
);
