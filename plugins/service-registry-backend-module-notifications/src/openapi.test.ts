import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { notificationService } from '@backstage/plugin-notifications-node';
// a test of the module inside the plugin it extends (never imported outside tests)
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import serviceRegistryPlugin from '@service-registry/plugin-service-registry-backend';
import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import {
  InMemoryServiceRegistrySnapshotService,
  serviceRegistrySnapshotServiceRef,
} from '@service-registry/plugin-service-registry-node';
import {
  openApiOperation,
  openApiRoutes,
  openApiSchemaChecker,
  routerRoutes,
  OpenApiDocument,
} from '@service-registry/test-support';
import request from 'supertest';
import { serviceComponent } from './__testUtils__/serviceComponent';
import { ConsumerNoticeStore } from './database/ConsumerNoticeStore';
import { serviceRegistryModuleNotifications } from './module';
import { ConsumerNotifier } from './service/ConsumerNotifier';
import { createReminderRouter } from './service/createReminderRouter';

/*
 * The OpenAPI description the service-registry backend plugin serves (`GET /openapi.json`, its
 * `src/schema/openapi.yaml`) lists the reminder endpoints this module adds to the plugin's API,
 * marked with `x-service-registry-module`: they must be the routes this module serves, and answer
 * as described, in a backend with the plugin and this module.
 */

const MODULE =
  '@service-registry/plugin-service-registry-backend-module-notifications';
const databases = TestDatabases.create({
  ids: ['SQLITE_3'],
  disableDocker: true,
});

const FILES = [
  {
    path: 'services/catalog.toml',
    text: [
      '[service.payments]',
      'owner = "@payments-team"',
      'version = "1.4.0"',
      'status = "deprecated"',
      'sunset_date = 2099-01-01',
      '[service.shop-api]',
      'owner = "@shop-team"',
      'dependencies.requires = ["payments"]',
    ].join('\n'),
  },
];

async function start() {
  const snapshots = new InMemoryServiceRegistrySnapshotService();
  snapshots.publish({
    providerId: 'default',
    registry: loadRegistry(FILES),
    files: FILES,
    findings: [],
    state: 'ok',
    summary: 'test',
    updatedAt: new Date().toISOString(),
    rootLocation: 'file:/registry',
  });
  const { server } = await startTestBackend({
    features: [
      // the plugin whose router the module's endpoints are mounted on, and which serves the description
      serviceRegistryPlugin,
      serviceRegistryModuleNotifications,
      mockServices.database.factory({
        knex: await databases.init('SQLITE_3'),
      }),
      createServiceFactory({
        service: serviceRegistrySnapshotServiceRef,
        deps: {},
        factory: () => snapshots,
      }),
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({ send: async () => {} }),
      }),
      catalogServiceMock.factory({
        entities: [
          serviceComponent({ name: 'payments', owner: 'payments-team' }),
          serviceComponent({ name: 'shop-api', owner: 'shop-team' }),
        ],
      }),
    ],
  });
  return server;
}

/** The schema of an answer the description gives for an operation and a status. */
function described(
  document: OpenApiDocument,
  route: string,
  status: number,
): object {
  const answer = openApiOperation(document, route).responses[String(status)] as
    | { content?: Record<string, { schema: object }>; $ref?: string }
    | undefined;
  if (!answer) throw new Error(`${route} does not describe a ${status}`);
  if (answer.$ref) {
    // a shared answer (`#/components/responses/…`): the error body
    return { $ref: '#/components/schemas/ErrorResponseBody' };
  }
  return answer.content!['application/json'].schema;
}

describe("the reminder endpoints in the backend's OpenAPI description", () => {
  const jane = mockCredentials.user.header('user:default/jane');
  let server: Awaited<ReturnType<typeof start>>;
  let document: OpenApiDocument;

  beforeAll(async () => {
    server = await start();
    const served = await request(server)
      .get('/api/service-registry/openapi.json')
      .set('Authorization', jane);
    if (served.status !== 200) {
      throw new Error(`GET /openapi.json answered ${served.status}`);
    }
    document = served.body;
  });

  it('are the routes this module serves, and no other of the description is', async () => {
    const router = await createReminderRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      catalog: catalogServiceMock(),
      auth: mockServices.auth(),
      snapshots: new InMemoryServiceRegistrySnapshotService(),
      notifier: {} as ConsumerNotifier,
      store: {} as ConsumerNoticeStore,
    });
    expect(routerRoutes(router).sort()).toEqual(
      openApiRoutes(document, MODULE),
    );
  });

  it('answer as described: the status, a reminder, a second one the same day, a bad parameter', async () => {
    const check = openApiSchemaChecker(document);
    const url = '/api/service-registry/deprecations/payments/reminders';
    const answers = [
      ['GET', await request(server).get(url).set('Authorization', jane)],
      ['POST', await request(server).post(url).set('Authorization', jane)],
      ['POST', await request(server).post(url).set('Authorization', jane)],
      [
        'GET',
        await request(server)
          .get(`${url}?unlisted=1`)
          .set('Authorization', jane),
      ],
      [
        'POST',
        await request(server)
          .post('/api/service-registry/deprecations/shop-api/reminders')
          .set('Authorization', jane),
      ],
    ] as const;
    expect(answers.map(([method, res]) => `${method} ${res.status}`)).toEqual([
      'GET 200',
      'POST 201',
      'POST 409',
      'GET 400',
      'POST 404',
    ]);
    for (const [method, res] of answers) {
      const route = `${method} /deprecations/:service/reminders`;
      expect({
        route,
        status: res.status,
        problems: check(res.body, described(document, route, res.status)),
      }).toEqual({ route, status: res.status, problems: [] });
    }
  });
});
