import path from 'node:path';
import { Knex } from 'knex';
import {
  backendsStartingTogether,
  createTestDatabases,
} from '@service-registry/test-support';
import { ConsumerNoticeStore } from './ConsumerNoticeStore';

const databases = createTestDatabases({ mysql: true });
jest.setTimeout(60_000);

const MIGRATIONS = {
  directory: path.resolve(__dirname, '../../migrations'),
  tableName: 'service_registry_notifications_knex_migrations',
};

/** Undoes the module's migrations, latest first, until `version` is the latest applied. */
async function migrateDownTo(knex: Knex, version: string): Promise<void> {
  while ((await knex.migrate.currentVersion(MIGRATIONS)) !== version) {
    await knex.migrate.down(MIGRATIONS);
  }
}

/** Applies the module's migrations up to and including `name`. */
async function migrateUpTo(knex: Knex, name: string): Promise<void> {
  const [, pending]: [unknown, Array<{ file: string }>] =
    await knex.migrate.list(MIGRATIONS);
  for (const migration of pending) {
    await knex.migrate.up({ ...MIGRATIONS, name: migration.file });
    if (migration.file === name) return;
  }
}

describe.each(databases.eachSupportedId())(
  'ConsumerNoticeStore on %p',
  databaseId => {
    it('claims each delivery once, across stores sharing the database, and releases what could not be sent', async () => {
      const knex = await databases.init(databaseId);
      const one = await ConsumerNoticeStore.create(knex);
      // a second backend instance: its migrations find the tables there already
      const two = await ConsumerNoticeStore.create(knex);
      const at = '2026-11-30T10:00:00.000Z';
      const a = { key: 'deprecation/payments/announced', consumer: 'shop-api' };
      const b = { key: 'deprecation/payments/announced', consumer: 'shop-web' };
      const c = { key: 'breaking/search/port-changed/x', consumer: 'shop-api' };

      expect(await one.untold('default', [a, b, a])).toEqual([a, b]);
      expect(await one.claim('default', [a, b, a], at)).toEqual([a, b]);
      expect(await two.untold('default', [a, b, c])).toEqual([c]);
      expect(await two.claim('default', [a, b, c], at)).toEqual([c]);
      // another registry is told on its own
      expect(await two.claim('other', [a], at)).toEqual([a]);

      await one.release('default', [b]);
      expect(await two.claim('default', [a, b], at)).toEqual([b]);
    });

    it('migrates once when backends start together on a new database, and every one of them starts', async () => {
      const { started, applied, expected } = await backendsStartingTogether(
        await databases.init(databaseId),
        4,
        knex => ConsumerNoticeStore.create(knex),
        MIGRATIONS,
        async stores => {
          // the tables work for all of them
          const delivery = {
            key: 'deprecation/payments/announced',
            consumer: 'shop-api',
          };
          expect(
            await stores[3].claim(
              'default',
              [delivery],
              '2026-11-30T10:00:00.000Z',
            ),
          ).toEqual([delivery]);
          expect(await stores[0].untold('default', [delivery])).toEqual([]);
        },
      );
      expect(started).toBe(4);
      expect(applied).toEqual(expected);
    });

    it('gives each delivery to one of two instances claiming it at the same moment', async () => {
      const knex = await databases.init(databaseId);
      const one = await ConsumerNoticeStore.create(knex);
      const two = await ConsumerNoticeStore.create(knex);
      const at = '2026-11-30T10:00:00.000Z';
      const deliveries = Array.from({ length: 40 }, (_, i) => ({
        key: `deprecation/s${i % 4}/announced`,
        consumer: `c${i}`,
      }));

      const [byOne, byTwo] = await Promise.all([
        one.claim('default', deliveries, at),
        two.claim('default', [...deliveries].reverse(), at),
      ]);
      const pairs = [...byOne, ...byTwo].map(d => `${d.key} ${d.consumer}`);
      expect(pairs.sort()).toEqual(
        deliveries.map(d => `${d.key} ${d.consumer}`).sort(),
      );
    });

    it('never fails two instances claiming, or keeping owed, the same deliveries at once in opposite orders', async () => {
      // the race of the test above, repeated: each instance's rows in the order its plan gave;
      // rows written in opposite orders made one of the calls fail with a deadlock now and then
      // (claims and owed notices on PostgreSQL, owed notices on MySQL)
      const knex = await databases.init(databaseId);
      const one = await ConsumerNoticeStore.create(knex);
      const two = await ConsumerNoticeStore.create(knex);
      const at = '2026-11-30T10:00:00.000Z';
      const notice = (key: string) => ({
        key,
        kind: 'deprecation' as const,
        service: 'payments',
        consumers: [],
        title: 'payments is deprecated',
        description: 'Move to payments-v2.',
        severity: 'normal' as const,
        link: '/catalog/default/component/payments',
      });
      for (let round = 0; round < 8; round++) {
        const registry = `round-${round}`;
        const deliveries = Array.from({ length: 300 }, (_, i) => ({
          key: `deprecation/s${i % 7}/announced`,
          consumer: `c${i}`,
        }));
        const [byOne, byTwo] = await Promise.all([
          one.claim(registry, deliveries, at),
          two.claim(registry, [...deliveries].reverse(), at),
        ]);
        expect(byOne.length + byTwo.length).toBe(deliveries.length);

        const owed = deliveries.map(d => ({
          consumer: d.consumer,
          notice: notice(d.key),
        }));
        await Promise.all([
          one.keepPending(registry, owed, at),
          two.keepPending(registry, [...owed].reverse(), at),
        ]);
        expect(await one.pending(registry)).toHaveLength(owed.length);
      }
    });

    it('leaves out a consumer the catalog cannot name, and records the others of the call', async () => {
      const knex = await databases.init(databaseId);
      const store = await ConsumerNoticeStore.create(knex);
      const at = '2026-11-30T10:00:00.000Z';
      const ok = {
        key: 'deprecation/payments/announced',
        consumer: 'shop-api',
      };
      const longId = { key: ok.key, consumer: 'x'.repeat(64) };
      expect(await store.claim('default', [longId, ok], at)).toEqual([ok]);
      expect(await store.untold('default', [ok])).toEqual([]);
    });

    it('tells a notice once whatever the length of its key', async () => {
      const knex = await databases.init(databaseId);
      const store = await ConsumerNoticeStore.create(knex);
      // a deprecated service whose id the loader kept with a schema/invalid-id error: its
      // consumers are in the catalog, and its notices' keys hold its id
      const legacy = `legacy-${'billing-'.repeat(40)}v1`;
      const at = '2026-11-30T10:00:00.000Z';
      const announced = {
        key: `deprecation/${legacy}/announced/no-sunset/no-replacement`,
        consumer: 'shop-api',
      };
      const near = {
        key: `deprecation/${legacy}/sunset-near/2027-01-31/no-replacement`,
        consumer: 'shop-api',
      };
      expect(announced.key.length).toBeGreaterThan(255);

      expect(await store.untold('default', [announced])).toEqual([announced]);
      expect(await store.claim('default', [announced, near], at)).toEqual([
        announced,
        near,
      ]);
      expect(await store.untold('default', [announced, near])).toEqual([]);
      expect(await store.claim('default', [announced], at)).toEqual([]);

      await store.release('default', [near]);
      expect(await store.untold('default', [announced, near])).toEqual([near]);
      expect(
        await store.forgetOthers('default', 'deprecation/', new Set()),
      ).toBe(1);
      expect(await store.claim('default', [announced], at)).toEqual([
        announced,
      ]);
    });

    it('keeps a notice still owed whatever the length of its key', async () => {
      const knex = await databases.init(databaseId);
      const store = await ConsumerNoticeStore.create(knex);
      const legacy = `legacy-${'billing-'.repeat(40)}v1`;
      const notice = {
        key: `breaking/${legacy}/removed/0123456789abcdef`,
        kind: 'breaking-change' as const,
        service: legacy,
        consumers: ['shop-api'],
        title: `Breaking change to ${legacy}: removed`,
        description: `${legacy} was removed.`,
        severity: 'high' as const,
        link: '/service-registry/services/shop-api',
      };
      expect(notice.key.length).toBeGreaterThan(255);
      const at = '2026-11-30T10:00:00.000Z';

      await store.keepPending(
        'default',
        [{ consumer: 'shop-api', notice }],
        at,
      );
      await store.keepPending(
        'default',
        [{ consumer: 'shop-api', notice }],
        at,
      );
      expect(await store.pending('default')).toEqual([
        { consumer: 'shop-api', notice, plannedAt: at },
      ]);
      await store.dropPending('default', [
        { key: notice.key, consumer: 'shop-api' },
      ]);
      expect(await store.pending('default')).toEqual([]);
    });

    it('keeps what the previous version recorded, and gives back the keys it could hold on the way down', async () => {
      const knex = await databases.init(databaseId);
      await migrateUpTo(knex, '20261203130000_pending_notices.js');
      const at = '2026-11-30T10:00:00.000Z';
      const told = {
        key: 'deprecation/payments/announced',
        consumer: 'shop-api',
      };
      const notice = {
        key: 'breaking/search/port-changed/abc',
        kind: 'breaking-change' as const,
        service: 'search',
        consumers: ['shop-api'],
        title: 'Breaking change to search: port changed',
        description: 'search moves from port 8080 to port 9090.',
        severity: 'high' as const,
        link: '/service-registry/services/search',
      };
      await knex('service_registry_notices_sent').insert({
        registry_id: 'default',
        notice_key: told.key,
        consumer_id: told.consumer,
        notified_at: at,
      });
      await knex('service_registry_notices_pending').insert({
        registry_id: 'default',
        notice_key: notice.key,
        consumer_id: 'shop-api',
        notice: JSON.stringify(notice),
        planned_at: at,
      });

      const store = await ConsumerNoticeStore.create(knex);
      expect(await store.claim('default', [told], at)).toEqual([]);
      expect(await store.pending('default')).toEqual([
        { consumer: 'shop-api', notice, plannedAt: at },
      ]);
      const long = { key: `deprecation/${'x'.repeat(300)}`, consumer: 'a' };
      expect(await store.claim('default', [long], at)).toEqual([long]);

      // the previous version could not hold the long key (it told nothing of it)
      await migrateDownTo(knex, '20261203130000');
      expect(
        await knex('service_registry_notices_sent')
          .orderBy('notice_key')
          .select('notice_key', 'consumer_id'),
      ).toEqual([{ notice_key: told.key, consumer_id: told.consumer }]);
      expect(
        await knex('service_registry_notices_pending').select('notice_key'),
      ).toEqual([{ notice_key: notice.key }]);
    });

    it('keeps the notices still owed until told or too old, each once with its first planning time', async () => {
      const knex = await databases.init(databaseId);
      const one = await ConsumerNoticeStore.create(knex);
      const two = await ConsumerNoticeStore.create(knex);
      const notice = {
        key: 'breaking/payments/port-changed/abc',
        kind: 'breaking-change' as const,
        service: 'payments',
        owner: '@shop-team',
        consumers: ['shop-api', 'shop-web'],
        title: 'Breaking change to payments: port changed',
        description: 'payments moves from port 8080 to port 9090.',
        severity: 'high' as const,
        link: '/catalog/default/component/payments',
      };
      const first = '2026-11-01T10:00:00.000Z';
      await one.keepPending(
        'default',
        [
          { consumer: 'shop-api', notice },
          { consumer: 'x'.repeat(64), notice },
        ],
        first,
      );
      await two.keepPending(
        'default',
        [
          { consumer: 'shop-api', notice },
          { consumer: 'shop-web', notice },
        ],
        '2026-11-20T10:00:00.000Z',
      );
      expect(await two.pending('default')).toEqual([
        { consumer: 'shop-api', notice, plannedAt: first },
        {
          consumer: 'shop-web',
          notice,
          plannedAt: '2026-11-20T10:00:00.000Z',
        },
      ]);
      expect(await one.pending('other')).toEqual([]);
      expect(
        await one.forgetPendingOlder('default', '2026-11-10T00:00:00.000Z'),
      ).toBe(1);
      await one.dropPending('default', [
        { key: notice.key, consumer: 'shop-web' },
      ]);
      expect(await two.pending('default')).toEqual([]);
    });

    it('claims thousands of deliveries in one call', async () => {
      const knex = await databases.init(databaseId);
      const store = await ConsumerNoticeStore.create(knex);
      const many = Array.from({ length: 1_200 }, (_, i) => ({
        key: `deprecation/s${i % 700}/announced`,
        consumer: `c${i}`,
      }));
      expect(
        await store.claim('default', many, '2026-11-30T10:00:00.000Z'),
      ).toHaveLength(1_200);
      expect(
        await store.claim('default', many, '2026-11-30T11:00:00.000Z'),
      ).toEqual([]);
    });

    it('forgets deprecation notices that are no longer current and breaking changes after a while', async () => {
      const knex = await databases.init(databaseId);
      const store = await ConsumerNoticeStore.create(knex);
      const announced = {
        key: 'deprecation/payments/announced',
        consumer: 'x',
      };
      const near = { key: 'deprecation/payments/sunset-near', consumer: 'x' };
      const oldBreak = { key: 'breaking/search/port-changed/1', consumer: 'x' };
      const newBreak = { key: 'breaking/search/port-changed/2', consumer: 'x' };
      await store.claim(
        'default',
        [announced, near, oldBreak],
        '2026-10-01T00:00:00.000Z',
      );
      await store.claim('default', [newBreak], '2026-11-29T00:00:00.000Z');

      expect(
        await store.forgetOthers(
          'default',
          'deprecation/',
          new Set([near.key]),
        ),
      ).toBe(1);
      expect(
        await store.forgetOlder(
          'default',
          'breaking/',
          '2026-11-01T00:00:00.000Z',
        ),
      ).toBe(1);
      // what is left is still known; what was forgotten is told again
      expect(
        await store.claim(
          'default',
          [announced, near, oldBreak, newBreak],
          '2026-11-30T00:00:00.000Z',
        ),
      ).toEqual([announced, oldBreak]);
      await expect(
        store.forgetOthers('default', "x%' or 1=1 --", new Set()),
      ).rejects.toThrow(/Not a plain notice key prefix/);
    });

    it('records one reminder a day, naming whoever sent it however long the ref', async () => {
      const knex = await databases.init(databaseId);
      const store = await ConsumerNoticeStore.create(knex);
      // Backstage checks only that a sign-in resolver's user ref parses: a resolver may name the
      // user after a long address, or put them in a namespace of its own
      const by = `user:${'engineering-'.repeat(
        10,
      )}x/${'firstname.lastname.'.repeat(10)}example.com`;
      expect(by.length).toBeGreaterThan(255);
      const first = { at: '2026-11-30T10:00:00.000Z', by };
      const again = { at: '2026-11-30T15:00:00.000Z', by: 'user:default/ann' };

      expect(await store.recordReminder('default', 'payments', first)).toBe(
        true,
      );
      expect(await store.recordReminder('default', 'payments', again)).toBe(
        false,
      );
      expect(await store.lastReminder('default', 'payments')).toEqual(first);

      // the previous version holds 255 characters: the day's reminder stays, its sender cut
      await migrateDownTo(knex, '20261203150000');
      expect(
        await knex('service_registry_reminders').select('day', 'sent_by'),
      ).toEqual([{ day: '2026-11-30', sent_by: by.slice(0, 255) }]);
    });

    it('keeps a notice owed to many consumers, and the declarations kept of many duplicated ids', async () => {
      const knex = await databases.init(databaseId);
      const store = await ConsumerNoticeStore.create(knex);
      const consumers = Array.from({ length: 4_000 }, (_, i) => `shop-${i}`);
      const notice = {
        key: 'breaking/payments/port-changed/abc',
        kind: 'breaking-change' as const,
        service: 'payments',
        owner: '@shop-team',
        consumers,
        title: 'Breaking change to payments: port changed',
        description: `payments moves from port 8080 to port 9090; ${consumers.join(
          ', ',
        )} call it there.`,
        severity: 'high' as const,
        link: '/service-registry/services/payments',
      };
      expect(JSON.stringify(notice).length).toBeGreaterThan(65_536);
      const keptDeclarations = Object.fromEntries(
        consumers.map(id => [id, `projects/${id}-team/services.toml`]),
      );
      expect(JSON.stringify(keptDeclarations).length).toBeGreaterThan(65_536);
      const at = '2026-11-30T10:00:00.000Z';

      await store.keepPending('default', [{ consumer: 'shop-0', notice }], at);
      await store.setBaseline(
        'default',
        { fingerprint: 'f1', files: [], keptDeclarations },
        at,
      );

      expect(await store.pending('default')).toEqual([
        { consumer: 'shop-0', notice, plannedAt: at },
      ]);
      expect((await store.getBaseline('default'))?.keptDeclarations).toEqual(
        keptDeclarations,
      );
    });

    it('keeps one baseline per registry, replaced as a whole', async () => {
      const knex = await databases.init(databaseId);
      const store = await ConsumerNoticeStore.create(knex);
      expect(await store.getBaseline('default')).toBeUndefined();
      expect(await store.getBaselineFingerprint('default')).toBeUndefined();
      const text = '[service.a]\nname = "Ä — ünïcode"\n'.repeat(5_000);
      await store.setBaseline(
        'default',
        { fingerprint: 'f1', files: [{ path: 'services/catalog.toml', text }] },
        '2026-11-30T10:00:00.000Z',
      );
      await store.setBaseline(
        'default',
        {
          fingerprint: 'f2',
          files: [{ path: 'services/catalog.toml', text: `${text}#` }],
        },
        '2026-11-30T11:00:00.000Z',
      );
      expect(await store.getBaselineFingerprint('default')).toBe('f2');
      expect(await store.getBaseline('default')).toEqual({
        fingerprint: 'f2',
        files: [{ path: 'services/catalog.toml', text: `${text}#` }],
      });
      expect(await store.getBaseline('other')).toBeUndefined();
    });

    it('never sets a baseline back to an older snapshot (another instance moved it on)', async () => {
      const knex = await databases.init(databaseId);
      const one = await ConsumerNoticeStore.create(knex);
      const two = await ConsumerNoticeStore.create(knex);
      const files = [{ path: 'services/catalog.toml', text: '' }];
      const at = '2026-11-30T10:00:00.000Z';
      await one.setBaseline('default', { fingerprint: 'f1', files }, at);
      await one.setBaseline(
        'default',
        { fingerprint: 'f2', files, snapshotAt: '2026-11-30T09:05:00.000Z' },
        at,
      );
      await two.setBaseline(
        'default',
        { fingerprint: 'f1', files, snapshotAt: '2026-11-30T09:00:00.000Z' },
        at,
      );
      expect(await two.getBaselineMark('default')).toEqual({
        fingerprint: 'f2',
        snapshotAt: '2026-11-30T09:05:00.000Z',
      });
      await two.setBaseline(
        'default',
        { fingerprint: 'f3', files, snapshotAt: '2026-11-30T09:05:00.000Z' },
        at,
      );
      expect(await one.getBaseline('default')).toMatchObject({
        fingerprint: 'f3',
        snapshotAt: '2026-11-30T09:05:00.000Z',
      });
    });
  },
);
