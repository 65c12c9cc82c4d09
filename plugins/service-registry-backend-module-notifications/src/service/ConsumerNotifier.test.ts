import { mockServices } from '@backstage/backend-test-utils';
import { ConflictError } from '@backstage/errors';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  NotificationSendOptions,
  NotificationService,
} from '@backstage/plugin-notifications-node';
import {
  computeDeprecation,
  dependencyGraphOf,
  loadRegistry,
  RegistryFileInput,
} from '@service-registry/plugin-service-registry-common';
import {
  InMemoryServiceRegistrySnapshotService,
  RegistrySnapshot,
} from '@service-registry/plugin-service-registry-node';
import { createTestDatabases } from '@service-registry/test-support';
import { serviceComponent } from '../__testUtils__/serviceComponent';
import { ConsumerNoticeStore } from '../database/ConsumerNoticeStore';
import { ConsumerNotifier } from './ConsumerNotifier';
import { reachableInCatalog } from './reachableInCatalog';

const databases = createTestDatabases();
jest.setTimeout(60_000);

/** Records what is sent; fails the sends it is told to. */
class RecordingNotifications implements NotificationService {
  sent: NotificationSendOptions[] = [];
  failing = false;
  async send(options: NotificationSendOptions): Promise<void> {
    if (this.failing) throw new Error('notifications backend unavailable');
    this.sent.push(options);
  }
  /** Title and recipient entities of each send since the last call. */
  take(): Array<[string, string[]]> {
    const taken = this.sent.map((s): [string, string[]] => [
      s.payload.title,
      s.recipients.type === 'entity' ? [s.recipients.entityRef].flat() : [],
    ]);
    this.sent = [];
    return taken;
  }
}

const PAYMENTS = [
  '[service.payments]',
  'owner = "@payments-team"',
  'version = "1.4.0"',
  'port = 8080',
];
const DEPRECATED = [
  'status = "deprecated"',
  'deprecation_date = 2026-11-01',
  'sunset_date = 2027-03-01',
];
const SHOP = [
  '[project]',
  'owner = "@shop-team"',
  '[service.shop-api]',
  'dependencies.requires = ["payments@^1.0"]',
  '[service.shop-admin]',
  'owner = "@admin-team"',
  'dependencies.requires = ["payments@^1.0"]',
];

function snapshotOf(
  catalog: string[],
  shop: string[] = SHOP,
  providerId = 'default',
): RegistrySnapshot {
  const files: RegistryFileInput[] = [
    { path: 'services/catalog.toml', text: catalog.join('\n') },
    { path: 'projects/shop/services.toml', text: shop.join('\n') },
  ];
  return {
    providerId,
    registry: loadRegistry(files),
    files,
    findings: [],
    state: 'ok',
    summary: 'test',
    updatedAt: new Date().toISOString(),
    rootLocation: 'file:/registry',
  };
}

describe.each(databases.eachSupportedId())(
  'ConsumerNotifier on %p',
  databaseId => {
    async function setup() {
      const knex = await databases.init(databaseId);
      const notifications = new RecordingNotifications();
      let now = new Date('2026-11-30T09:00:00Z');
      // the consumers whose catalog entity has an owner (undefined: all of them)
      let inCatalog: string[] | undefined;
      // every consumer looked up in the catalog
      const lookedUp: string[] = [];
      const logger = mockServices.logger.mock();
      const create = async () =>
        new ConsumerNotifier({
          store: await ConsumerNoticeStore.create(knex),
          notifications,
          logger,
          reachable: async consumers => {
            lookedUp.push(...consumers);
            return new Map(
              consumers
                .filter(c => !inCatalog || inCatalog.includes(c))
                .map(c => [c, [`component:default/${c}`]]),
            );
          },
          now: () => now,
        });
      return {
        notifications,
        create,
        notifier: await create(),
        setDay: (day: string) => {
          now = new Date(`${day}T09:00:00Z`);
        },
        setCatalog: (ids: string[] | undefined) => {
          inCatalog = ids;
        },
        lookedUp,
        logger,
      };
    }

    it('starts quiet, then tells each owner of consumers once when a dependency is deprecated', async () => {
      const { notifier, notifications } = await setup();
      // what is already true when the module is installed is not announced
      expect(
        await notifier.enqueue(snapshotOf([...PAYMENTS, ...DEPRECATED])),
      ).toMatchObject({ mode: 'first', planned: 2, sent: [] });
      expect(notifications.take()).toEqual([]);

      const quiet = await notifier.enqueue(snapshotOf(PAYMENTS));
      expect(quiet).toMatchObject({ mode: 'changed', sent: [] });

      const deprecated = snapshotOf([...PAYMENTS, ...DEPRECATED]);
      await notifier.enqueue(deprecated);
      expect(notifications.take()).toEqual([
        ['payments is deprecated', ['component:default/shop-admin']],
        ['payments is deprecated', ['component:default/shop-api']],
      ]);
      // the same registry again (the next ingestion, another instance's publish): nothing new
      await notifier.enqueue(deprecated);
      await notifier.enqueue(snapshotOf([...PAYMENTS, ...DEPRECATED]));
      expect(notifications.take()).toEqual([]);

      // a new consumer of an owner already told: only it is added to that owner's notice
      await notifier.enqueue(
        snapshotOf(
          [...PAYMENTS, ...DEPRECATED],
          [
            ...SHOP,
            '[service.shop-web]',
            'dependencies.requires = ["payments"]',
          ],
        ),
      );
      expect(notifications.sent).toHaveLength(1);
      expect(notifications.sent[0].payload).toMatchObject({
        title: 'payments is deprecated',
        severity: 'normal',
        topic: 'service-registry',
        link: '/catalog/default/component/payments',
        scope:
          'service-registry:default:deprecation/payments/announced/2027-03-01/no-replacement:@shop-team',
      });
      expect(notifications.sent[0].payload.description).toMatch(
        /^shop-api and shop-web depend on payments/,
      );
      expect(notifications.take()).toEqual([
        ['payments is deprecated', ['component:default/shop-web']],
      ]);
    });

    it('tells and reminds the owners of a consumer whose Component a transformer renamed, at that Component', async () => {
      const knex = await databases.init(databaseId);
      const notifications = new RecordingNotifications();
      const notifier = new ConsumerNotifier({
        store: await ConsumerNoticeStore.create(knex),
        notifications,
        logger: mockServices.logger.mock(),
        reachable: reachableInCatalog(
          catalogServiceMock({
            entities: [
              // the registry's cart, renamed and moved by an entity transformer
              serviceComponent({
                namespace: 'shop',
                name: 'acme-cart',
                service: { id: 'cart', registry: 'default' },
              }),
              // another registry's cart, under the provider's name for it
              serviceComponent({
                name: 'cart',
                service: { id: 'cart', registry: 'staging' },
                owner: 'staging-team',
              }),
              // ingested before the provider wrote the annotations
              serviceComponent({ name: 'shop-api' }),
            ],
          }),
          mockServices.auth(),
        ),
        now: () => new Date('2026-11-30T09:00:00Z'),
      });
      const shop = [
        '[project]',
        'owner = "@shop-team"',
        '[service.shop-api]',
        'dependencies.requires = ["payments@^1.0"]',
        '[service.cart]',
        'dependencies.requires = ["payments@^1.0"]',
      ];
      await notifier.enqueue(snapshotOf(PAYMENTS, shop));
      const deprecated = snapshotOf([...PAYMENTS, ...DEPRECATED], shop);

      expect(await notifier.enqueue(deprecated)).toMatchObject({
        deferred: 0,
      });
      expect(notifications.take()).toEqual([
        [
          'payments is deprecated',
          ['component:shop/acme-cart', 'component:default/shop-api'],
        ],
      ]);

      const reminded = await notifier.remind(
        deprecated,
        computeDeprecation(
          deprecated.registry,
          dependencyGraphOf(deprecated.registry),
          'payments',
          '2026-11-30',
        )!,
        'user:default/jane',
      );
      expect(reminded).toMatchObject({
        notified: [{ owner: '@shop-team', consumers: ['cart', 'shop-api'] }],
        deferred: [],
      });
      expect(notifications.take()).toEqual([
        [
          'Reminder: payments is deprecated',
          ['component:shop/acme-cart', 'component:default/shop-api'],
        ],
      ]);
    });

    it('never sends a credential written in the registry, in a notice or a reminder', async () => {
      const { notifier, notifications } = await setup();
      const leaky = [
        ...PAYMENTS,
        ...DEPRECATED,
        '[service.payments.migration]',
        'guide_url = "https://wiki:s3cretpass@wiki.example.com/payments"',
      ];
      await notifier.enqueue(snapshotOf(PAYMENTS));
      const snapshot = snapshotOf(leaky);
      await notifier.enqueue(snapshot);
      const record = computeDeprecation(
        snapshot.registry,
        dependencyGraphOf(snapshot.registry),
        'payments',
        '2026-11-30',
      )!;
      await notifier.remind(snapshot, record, 'user:default/jane');
      expect(notifications.sent).toHaveLength(4);
      for (const { payload } of notifications.sent) {
        expect(JSON.stringify(payload)).not.toContain('s3cretpass');
        expect(payload.description).toContain(
          'Migration guide: https://wiki:(hidden)@wiki.example.com/payments',
        );
      }
    });

    it('tells a sunset coming near and passing on its day, from the scheduled check', async () => {
      const { notifier, notifications, setDay } = await setup();
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      await notifier.enqueue(snapshotOf(PAYMENTS));
      snapshots.publish(snapshotOf([...PAYMENTS, ...DEPRECATED]));
      await notifier.checkAll(snapshots);
      expect(notifications.take()).toHaveLength(2);

      setDay('2027-01-30');
      await notifier.checkAll(snapshots);
      expect(notifications.take()).toEqual([]);
      setDay('2027-01-31');
      const [near] = await notifier.checkAll(snapshots);
      expect(near.mode).toBe('unchanged');
      expect(notifications.take()).toEqual([
        [
          'payments reaches its sunset in 29 days',
          ['component:default/shop-admin'],
        ],
        [
          'payments reaches its sunset in 29 days',
          ['component:default/shop-api'],
        ],
      ]);
      setDay('2027-02-20');
      await notifier.checkAll(snapshots);
      expect(notifications.take()).toEqual([]);
      setDay('2027-03-02');
      await notifier.checkAll(snapshots);
      expect(notifications.sent.map(s => s.payload.severity)).toEqual([
        'critical',
        'critical',
      ]);
      expect(notifications.take().map(([title]) => title)).toEqual([
        'payments is past its sunset',
        'payments is past its sunset',
      ]);
    });

    it('finds breaking changes against the registry consumers were last told about, after a restart too', async () => {
      const { notifier, notifications, create } = await setup();
      await notifier.enqueue(snapshotOf(PAYMENTS));
      await notifier.stop();

      // the registry changed while this backend was down
      const restarted = await create();
      const run = await restarted.enqueue(
        snapshotOf(
          PAYMENTS.map(l => (l === 'port = 8080' ? 'port = 9090' : l)),
        ),
      );
      expect(run?.mode).toBe('changed');
      expect(notifications.take()).toEqual([
        [
          'Breaking change to payments: port changed',
          ['component:default/shop-admin'],
        ],
        [
          'Breaking change to payments: port changed',
          ['component:default/shop-api'],
        ],
      ]);
      // the baseline moved on: the same registry has nothing more to tell
      await restarted.enqueue(
        snapshotOf(
          PAYMENTS.map(l => (l === 'port = 8080' ? 'port = 9090' : l)),
        ),
      );
      expect(notifications.take()).toEqual([]);
    });

    it('tells nothing when a duplicate declaration the catalog never took is removed', async () => {
      const { notifier, notifications } = await setup();
      // projects/aaa declared "orders" after projects/zzz: the provider kept zzz's, although
      // path order alone would keep aaa's
      const snapshot = (aaaDeclares: boolean): RegistrySnapshot => {
        const files: RegistryFileInput[] = [
          {
            path: 'projects/aaa/services.toml',
            text: aaaDeclares
              ? '[project]\nowner = "@a-team"\n[service.orders]\nversion = "9.0.0"\nport = 1\n'
              : '[project]\nowner = "@a-team"\n',
          },
          {
            path: 'projects/zzz/services.toml',
            text: '[project]\nowner = "@z-team"\n[service.orders]\nversion = "1.2.0"\nport = 8080\n',
          },
          {
            path: 'projects/shop/services.toml',
            text: SHOP.join('\n').replace(/payments/g, 'orders'),
          },
        ];
        return {
          ...snapshotOf(PAYMENTS),
          registry: loadRegistry(files, {
            preferredDeclarations: new Map([
              ['orders', 'projects/zzz/services.toml'],
            ]),
          }),
          files,
        };
      };
      const first = snapshot(true);
      expect(first.registry.services.get('orders')!.version).toBe('1.2.0');
      await notifier.enqueue(first);
      expect(notifications.take()).toEqual([]);

      const run = await notifier.enqueue(snapshot(false));

      expect(run?.mode).toBe('changed');
      expect(notifications.take()).toEqual([]);
    });

    it('puts off telling a consumer whose catalog entity has no owner yet, and tells it at a later run', async () => {
      const { notifier, notifications, setCatalog, lookedUp } = await setup();
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      await notifier.enqueue(snapshotOf(PAYMENTS));
      // shop-admin is not processed by the catalog yet
      setCatalog(['shop-api']);
      snapshots.publish(snapshotOf([...PAYMENTS, ...DEPRECATED]));
      const [run] = await notifier.checkAll(snapshots);
      expect(run).toMatchObject({ deferred: 1 });
      expect(notifications.take()).toEqual([
        ['payments is deprecated', ['component:default/shop-api']],
      ]);
      setCatalog(undefined);
      await notifier.checkAll(snapshots);
      expect(notifications.take()).toEqual([
        ['payments is deprecated', ['component:default/shop-admin']],
      ]);
      // consumers told already are not looked up again
      expect(lookedUp).toEqual(['shop-admin', 'shop-api', 'shop-admin']);
      lookedUp.length = 0;
      // (another registry object with the same text: planned again, not settled)
      expect(
        await notifier.enqueue(snapshotOf([...PAYMENTS, ...DEPRECATED])),
      ).toMatchObject({ mode: 'unchanged', planned: 2 });
      expect(lookedUp).toEqual([]);
    });

    it('tells again at the next run what the notifications backend could not take', async () => {
      const { notifier, notifications } = await setup();
      await notifier.enqueue(snapshotOf(PAYMENTS));
      notifications.failing = true;
      const failed = await notifier.enqueue(
        snapshotOf([...PAYMENTS, ...DEPRECATED]),
      );
      expect(failed).toMatchObject({ failed: 2, sent: [] });
      notifications.failing = false;
      await notifier.enqueue(snapshotOf([...PAYMENTS, ...DEPRECATED]));
      expect(notifications.take()).toHaveLength(2);
    });

    it('tells the other consumers when one consumer id is longer than a catalog entity name', async () => {
      const { notifier, notifications, logger } = await setup();
      // kept by the loader with a schema/invalid-id error; the catalog has no entity for it
      const long = 'x'.repeat(70);
      const shop = [
        ...SHOP,
        `[service.${long}]`,
        'dependencies.requires = ["payments@^1.0"]',
      ];
      const deprecated = [...PAYMENTS, ...DEPRECATED];
      expect(
        await notifier.enqueue(snapshotOf(deprecated, shop)),
      ).toMatchObject({ mode: 'first', planned: 2 });
      const run = await notifier.enqueue(
        snapshotOf(deprecated, [
          ...shop,
          '[service.shop-new]',
          'dependencies.requires = ["payments"]',
        ]),
      );
      expect(run).toMatchObject({ mode: 'changed', deferred: 0 });
      expect(notifications.sent.map(s => s.payload.description)).toEqual([
        'shop-api and shop-new depend on payments, which is deprecated since 2026-11-01 (sunset on 2027-03-01, in 91 days).',
      ]);
      expect(notifications.take()).toEqual([
        ['payments is deprecated', ['component:default/shop-new']],
      ]);
      expect(logger.warn).toHaveBeenCalledTimes(1);
      expect(logger.warn).toHaveBeenCalledWith(
        `Services of registry "default" whose id is longer than 63 characters are told nothing (the catalog has no entity for them): ${long}`,
      );
    });

    it('tells nothing about a snapshot older than the one consumers were last told about (another instance ran ahead)', async () => {
      const { notifier, notifications, create } = await setup();
      const other = await create();
      const moved = PAYMENTS.map(l =>
        l === 'port = 8080' ? 'port = 9090' : l,
      );
      // each instance publishes its own copy of an ingestion, with the ingestion's time
      const at = (catalog: string[], updatedAt: string) => ({
        ...snapshotOf(catalog),
        updatedAt,
      });
      await notifier.enqueue(at(PAYMENTS, '2026-11-30T08:00:00.000Z'));
      await other.enqueue(at(PAYMENTS, '2026-11-30T08:00:00.000Z'));
      await notifier.enqueue(at(moved, '2026-11-30T08:05:00.000Z'));
      expect(notifications.take()).toHaveLength(2);

      // the other instance is behind: it processes the first ingestion again
      expect(
        await other.enqueue(at(PAYMENTS, '2026-11-30T08:00:00.000Z')),
      ).toMatchObject({ mode: 'stale', planned: 0, sent: [] });
      expect(notifications.take()).toEqual([]);
      // the baseline was not set back: the latest registry has nothing more to tell
      expect(
        await other.enqueue(at(moved, '2026-11-30T08:05:00.000Z')),
      ).toMatchObject({ mode: 'unchanged', sent: [] });
      // a later ingestion going back to port 8080 is a change, told
      expect(
        await other.enqueue(at(PAYMENTS, '2026-11-30T08:10:00.000Z')),
      ).toMatchObject({ mode: 'changed' });
      expect(notifications.sent[0]?.payload.description).toMatch(
        /^payments moves from port 9090 to port 8080\./,
      );
    });

    it('tells a breaking change at a later run when the notifications backend could not take it, once, whichever instance runs', async () => {
      const { notifier, notifications, create } = await setup();
      const other = await create();
      const moved = PAYMENTS.map(l =>
        l === 'port = 8080' ? 'port = 9090' : l,
      );
      await notifier.enqueue(snapshotOf(PAYMENTS));
      notifications.failing = true;
      expect(await notifier.enqueue(snapshotOf(moved))).toMatchObject({
        mode: 'changed',
        planned: 2,
        failed: 2,
      });
      notifications.failing = false;
      // the same registry again, on both instances at once
      const runs = await Promise.all([
        notifier.enqueue(snapshotOf(moved)),
        other.enqueue(snapshotOf(moved)),
      ]);
      expect(runs.map(r => r?.mode)).toEqual(['unchanged', 'unchanged']);
      expect(notifications.take().sort()).toEqual([
        [
          'Breaking change to payments: port changed',
          ['component:default/shop-admin'],
        ],
        [
          'Breaking change to payments: port changed',
          ['component:default/shop-api'],
        ],
      ]);
      expect(notifications.sent).toEqual([]);
      await notifier.enqueue(snapshotOf(moved));
      await other.enqueue(snapshotOf(moved));
      expect(notifications.take()).toEqual([]);
    });

    it('tells a breaking change to a consumer put off (no owner in the catalog yet) at a later run', async () => {
      const { notifier, notifications, setCatalog } = await setup();
      const moved = PAYMENTS.map(l =>
        l === 'port = 8080' ? 'port = 9090' : l,
      );
      await notifier.enqueue(snapshotOf(PAYMENTS));
      setCatalog(['shop-api']);
      expect(await notifier.enqueue(snapshotOf(moved))).toMatchObject({
        mode: 'changed',
        deferred: 1,
      });
      expect(notifications.take()).toEqual([
        [
          'Breaking change to payments: port changed',
          ['component:default/shop-api'],
        ],
      ]);
      // still not in the catalog: still owed
      expect(await notifier.enqueue(snapshotOf(moved))).toMatchObject({
        deferred: 1,
        sent: [],
      });
      setCatalog(undefined);
      await notifier.enqueue(snapshotOf(moved));
      expect(notifications.sent[0]?.payload.description).toMatch(
        /^payments moves from port 8080 to port 9090\. shop-admin depends on it/,
      );
      expect(notifications.take()).toEqual([
        [
          'Breaking change to payments: port changed',
          ['component:default/shop-admin'],
        ],
      ]);
      expect(await notifier.enqueue(snapshotOf(moved))).toMatchObject({
        deferred: 0,
        sent: [],
      });
    });

    it('owes a put-off breaking change no more to a consumer removed meanwhile, nor after 30 days', async () => {
      const { notifier, notifications, setCatalog, setDay, logger } =
        await setup();
      const moved = PAYMENTS.map(l =>
        l === 'port = 8080' ? 'port = 9090' : l,
      );
      await notifier.enqueue(snapshotOf(PAYMENTS));
      setCatalog(['shop-api']);
      await notifier.enqueue(snapshotOf(moved));
      notifications.take();
      // shop-admin is removed, then declared again: it was never told, and is not now
      const withoutAdmin = SHOP.slice(0, 4);
      await notifier.enqueue(snapshotOf(moved, withoutAdmin));
      setCatalog(undefined);
      await notifier.enqueue(snapshotOf(moved));
      expect(notifications.take()).toEqual([]);

      // a consumer whose entity never gets an owner: given up after 30 days
      const back = PAYMENTS;
      setCatalog(['shop-api']);
      await notifier.enqueue(snapshotOf(back));
      expect(notifications.take()).toHaveLength(1);
      setDay('2026-12-31');
      setCatalog(undefined);
      expect(await notifier.enqueue(snapshotOf(back))).toMatchObject({
        deferred: 0,
        sent: [],
      });
      expect(logger.warn).toHaveBeenCalledWith(
        'Consumer notifications of registry "default" gave up 1 breaking-change delivery not told in 30 days (the notifications backend failing, or consumers without an owner in the catalog)',
      );
    });

    it('tells each notice once when two backend instances run on the same snapshots at the same time', async () => {
      const { notifier, notifications, create } = await setup();
      const other = await create();
      await notifier.enqueue(snapshotOf(PAYMENTS));
      await other.enqueue(snapshotOf(PAYMENTS));
      const deprecated = snapshotOf([...PAYMENTS, ...DEPRECATED]);
      const runs = await Promise.all([
        notifier.enqueue(deprecated),
        other.enqueue(deprecated),
      ]);
      await notifier.enqueue(deprecated);
      await other.enqueue(deprecated);
      expect(runs.map(r => r?.planned)).toEqual([2, 2]);
      expect(
        notifications
          .take()
          .map(([, to]) => to)
          .sort(),
      ).toEqual([
        ['component:default/shop-admin'],
        ['component:default/shop-api'],
      ]);
    });

    it('reminds by hand once a day, again the next day, and records nothing when nobody could be reminded', async () => {
      const { notifier, notifications, setDay, setCatalog } = await setup();
      const deprecated = snapshotOf([...PAYMENTS, ...DEPRECATED]);
      const payments = (day: string) =>
        computeDeprecation(
          deprecated.registry,
          dependencyGraphOf(deprecated.registry),
          'payments',
          day,
        )!;

      setCatalog([]);
      await expect(
        notifier.remind(
          deprecated,
          payments('2026-11-30'),
          'user:default/jane',
        ),
      ).rejects.toThrow(
        'No consumer of payments can be reminded: none is in the catalog with an owner',
      );
      setCatalog(['shop-api']);
      notifications.failing = true;
      await expect(
        notifier.remind(
          deprecated,
          payments('2026-11-30'),
          'user:default/jane',
        ),
      ).rejects.toThrow('notifications backend unavailable');
      notifications.failing = false;

      // neither attempt counted as the day's reminder
      const first = await notifier.remind(
        deprecated,
        payments('2026-11-30'),
        'user:default/jane',
      );
      expect(first).toMatchObject({
        by: 'user:default/jane',
        notified: [{ owner: '@shop-team', consumers: ['shop-api'] }],
        deferred: ['shop-admin'],
      });
      expect(notifications.take()).toEqual([
        ['Reminder: payments is deprecated', ['component:default/shop-api']],
      ]);
      await expect(
        notifier.remind(deprecated, payments('2026-11-30'), 'user:default/joe'),
      ).rejects.toThrow(
        /^The consumers of payments were reminded today already, by user:default\/jane at 09:00 UTC/,
      );
      setDay('2026-12-01');
      await notifier.remind(
        deprecated,
        payments('2026-12-01'),
        'user:default/joe',
      );
      expect(notifications.sent[0].payload).toMatchObject({
        scope:
          'service-registry:default:reminder/payments/2026-12-01:@shop-team',
        severity: 'normal',
      });
      expect(notifications.sent[0].payload.description).toMatch(
        /\(Reminder sent by user:default\/joe\.\)$/,
      );
    });

    it('refuses a reminder, with a conflict, for a service whose id is longer than 63 characters', async () => {
      const { notifier, notifications } = await setup();
      const deprecated = snapshotOf([...PAYMENTS, ...DEPRECATED]);
      const payments = computeDeprecation(
        deprecated.registry,
        dependencyGraphOf(deprecated.registry),
        'payments',
        '2026-11-30',
      )!;
      const long = 'y'.repeat(70);
      const reminded = notifier.remind(
        deprecated,
        { ...payments, service: long },
        'user:default/jane',
      );
      await expect(reminded).rejects.toThrow(ConflictError);
      await expect(reminded).rejects.toThrow(
        `The consumers of ${long} cannot be reminded: its id is longer than the 63 characters of a catalog entity name (rename it in the registry)`,
      );
      expect(notifications.take()).toEqual([]);
      // the service's other reminders are not affected
      await notifier.remind(deprecated, payments, 'user:default/jane');
      expect(notifications.take()).toHaveLength(2);
    });

    it('does not plan again for the very registry of a run that left nothing to tell, the same day', async () => {
      const { notifier, notifications, setDay } = await setup();
      await notifier.enqueue(snapshotOf(PAYMENTS));
      const deprecated = snapshotOf([...PAYMENTS, ...DEPRECATED]);
      expect(await notifier.enqueue(deprecated)).toMatchObject({
        mode: 'changed',
      });
      // a blocked provider publishes its last good registry again
      const blocked = { ...deprecated, state: 'blocked' as const };
      expect(await notifier.enqueue(blocked)).toMatchObject({
        mode: 'settled',
      });
      // the same text loaded again is another registry: planned, nothing new to tell
      expect(
        await notifier.enqueue(snapshotOf([...PAYMENTS, ...DEPRECATED])),
      ).toMatchObject({ mode: 'unchanged', planned: 2, sent: [] });
      setDay('2027-02-01');
      expect(await notifier.enqueue(blocked)).toMatchObject({
        mode: 'unchanged',
        planned: 2,
      });
      expect(notifications.take().map(([title]) => title)).toEqual([
        'payments is deprecated',
        'payments is deprecated',
        'payments reaches its sunset in 28 days',
        'payments reaches its sunset in 28 days',
      ]);
    });

    it('runs on the snapshots published before and after it starts, until stopped', async () => {
      const { notifier, notifications } = await setup();
      const snapshots = new InMemoryServiceRegistrySnapshotService();
      snapshots.publish(snapshotOf(PAYMENTS));
      notifier.start(snapshots);
      snapshots.publish(snapshotOf([...PAYMENTS, ...DEPRECATED]));
      await notifier.idle();
      expect(notifications.take()).toHaveLength(2);
      await notifier.stop();
      snapshots.publish(snapshotOf(PAYMENTS.map(l => l.replace('8080', '9'))));
      await notifier.idle();
      expect(notifications.take()).toEqual([]);
    });
  },
);
