import fs from 'node:fs';
import path from 'node:path';
import { mockServices } from '@backstage/backend-test-utils';
import { RootConfigService } from '@backstage/backend-plugin-api';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  createTestDatabases,
  routerRoutes,
} from '@service-registry/test-support';
import { InMemoryServiceRegistrySnapshotService } from '@service-registry/plugin-service-registry-node';
import type { Config as ConfigSchema } from '../config';
import { createConsumerNotifier } from './service/createConsumerNotifier';
import { createReminderRouter } from './service/createReminderRouter';
import {
  readmeConfigurationYaml,
  recordingConfig,
} from '@service-registry/test-support';

/*
 * The reminder endpoints the module's README lists are those its router serves; its
 * Configuration section gives exactly the settings that config.d.ts declares and the module
 * reads, and its example schedule is the default it says it is (fs is fine in tests).
 */

const README = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const CONFIG_SCHEMA = fs.readFileSync(
  path.resolve(__dirname, '../config.d.ts'),
  'utf8',
);
const databases = createTestDatabases();

type NotificationSettings = NonNullable<
  NonNullable<ConfigSchema['serviceRegistry']>['notifications']
>;

/**
 * The settings config.d.ts declares under `serviceRegistry.notifications`: the compiler keeps
 * this list equal to the declaration (a setting left out, or one config.d.ts lacks, fails `tsc`).
 */
const DECLARED_SETTINGS: { [K in keyof Required<NotificationSettings>]: K } = {
  schedule: 'schedule',
};

/** A duration as the README writes it in YAML: `{ minutes: 5 }`. */
function yamlDuration(duration: object): string {
  return `{ ${Object.entries(duration)
    .map(([unit, value]) => `${unit}: ${value}`)
    .join(', ')} }`;
}

/**
 * Starts the notifier as the module does, on `data` as the app-config: the keys it read, and the
 * schedule of its check of deprecations.
 */
async function startNotifier(
  data: NonNullable<Parameters<typeof mockServices.rootConfig>[0]>['data'],
) {
  const reads = new Set<string>();
  const scheduler = mockServices.scheduler.mock();
  const knex = await databases.init('SQLITE_3');
  const notifier = await createConsumerNotifier({
    config: recordingConfig<RootConfigService>(
      mockServices.rootConfig({ data }),
      reads,
    ),
    database: { getClient: async () => knex },
    logger: mockServices.logger.mock(),
    scheduler,
    lifecycle: mockServices.lifecycle.mock(),
    snapshots: new InMemoryServiceRegistrySnapshotService(),
    notifications: { send: jest.fn() } as unknown as NotificationService,
    catalog: catalogServiceMock(),
    auth: mockServices.auth(),
    httpRouter: mockServices.httpRouter.mock(),
    httpAuth: mockServices.httpAuth(),
    permissions: mockServices.permissions(),
  });
  await notifier.stop();
  const { id, fn, ...schedule } = scheduler.scheduleTask.mock.calls[0][0];
  return { reads, schedule };
}

/** `GET /deprecations/:service/reminders`, ... as the README's endpoint rows write them. */
function documentedRoutes(markdown: string): string[] {
  const routes: string[] = [];
  for (const line of markdown.split('\n')) {
    const cell = line.split('|')[1]?.trim() ?? '';
    const match =
      /^`(GET|POST|PUT|PATCH|DELETE) \/api\/service-registry(\/[^`?]*)(?:\?[^`]*)?`$/.exec(
        cell,
      );
    if (match) routes.push(`${match[1]} ${match[2]}`);
  }
  return routes;
}

describe('the README of the notifications module', () => {
  it('lists every reminder endpoint the module adds to the service-registry router, and no other', async () => {
    const router = await createReminderRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      catalog: {} as any,
      auth: mockServices.auth(),
      snapshots: new InMemoryServiceRegistrySnapshotService(),
      notifier: {} as any,
      store: {} as any,
    });
    const routes = routerRoutes(router);
    expect(documentedRoutes(README).sort()).toEqual([...routes].sort());
  });
});

describe('the configuration of the notifications module', () => {
  const documented = readmeConfigurationYaml(README);
  const prefix = 'serviceRegistry.notifications.';

  it('reads exactly the settings config.d.ts declares, and the README documents them all', async () => {
    const { reads } = await startNotifier({});
    const read = [...reads]
      .filter(key => key.startsWith(prefix))
      .map(key => key.slice(prefix.length).split('.')[0]);
    const declared = Object.keys(DECLARED_SETTINGS).sort();
    expect([...new Set(read)].sort()).toEqual(declared);
    expect(documented).toMatch(/^serviceRegistry:\n {2}notifications:\n/);
    for (const key of declared) {
      expect(documented).toMatch(new RegExp(`^ {4}${key}:`, 'm'));
    }
  });

  it("writes out the default schedule in its example, as the example's comment says", async () => {
    const { schedule } = await startNotifier({});
    const lines = Object.entries(schedule)
      .filter(([, value]) => value !== undefined)
      .map(
        ([name, value]) => `      ${name}: ${yamlDuration(value as object)}`,
      );
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(documented.split('\n')).toContain(line);
    expect(documented).toContain('the default, as written here');
  });

  it('declares no setting visible to the frontend: only the backend reads them', () => {
    expect(CONFIG_SCHEMA).not.toMatch(/@visibility\s+frontend/);
  });
});
