import path from 'node:path';
import {
  backendsStartingTogether,
  createTestDatabases,
} from '@service-registry/test-support';
import { DeprecationHistoryStore } from './DeprecationHistoryStore';

const databases = createTestDatabases({ mysql: true });
jest.setTimeout(60_000);

const MIGRATIONS = {
  directory: path.resolve(__dirname, '../../migrations'),
  tableName: 'service_registry_backend_knex_migrations',
};

describe.each(databases.eachSupportedId())(
  'DeprecationHistoryStore on %p',
  databaseId => {
    it('applies its migrations from scratch and stores a row only on change or after a day', async () => {
      const knex = await databases.init(databaseId);
      const store = await DeprecationHistoryStore.create(knex);
      const sample = (consumers: number, optionalConsumers = 0) => [
        {
          service: 'old-api',
          consumers,
          optionalConsumers,
          status: 'overdue' as const,
        },
      ];

      expect(
        await store.record('default', '2026-11-20T10:00:00.000Z', [
          ...sample(3, 1),
          {
            service: 'legacy-search',
            consumers: 2,
            optionalConsumers: 0,
            status: 'on-track',
          },
        ]),
      ).toEqual(['legacy-search', 'old-api']);
      // Same counts, an hour later: nothing stored.
      expect(
        await store.record('default', '2026-11-20T11:00:00.000Z', sample(3, 1)),
      ).toEqual([]);
      // The same ingestion again (another instance): nothing stored.
      expect(
        await store.record('default', '2026-11-20T10:00:00.000Z', sample(1)),
      ).toEqual([]);
      // A consumer migrated: stored.
      expect(
        await store.record('default', '2026-11-20T12:00:00.000Z', sample(2, 1)),
      ).toEqual(['old-api']);
      // An optional consumer dropped it: stored.
      expect(
        await store.record('default', '2026-11-20T13:00:00.000Z', sample(2)),
      ).toEqual(['old-api']);
      // Unchanged, but the last row is a day old: stored.
      expect(
        await store.record('default', '2026-11-21T13:00:00.000Z', sample(2)),
      ).toEqual(['old-api']);
      // Another registry keeps its own history.
      expect(
        await store.record('other', '2026-11-21T13:30:00.000Z', sample(9)),
      ).toEqual(['old-api']);

      expect(await store.history('default', 'old-api')).toEqual([
        {
          recordedAt: '2026-11-20T10:00:00.000Z',
          consumers: 3,
          optionalConsumers: 1,
          remainingConsumers: 4,
          status: 'overdue',
        },
        {
          recordedAt: '2026-11-20T12:00:00.000Z',
          consumers: 2,
          optionalConsumers: 1,
          remainingConsumers: 3,
          status: 'overdue',
        },
        {
          recordedAt: '2026-11-20T13:00:00.000Z',
          consumers: 2,
          optionalConsumers: 0,
          remainingConsumers: 2,
          status: 'overdue',
        },
        {
          recordedAt: '2026-11-21T13:00:00.000Z',
          consumers: 2,
          optionalConsumers: 0,
          remainingConsumers: 2,
          status: 'overdue',
        },
      ]);
      expect(await store.history('default', 'legacy-search')).toEqual([
        expect.objectContaining({ consumers: 2, status: 'on-track' }),
      ]);
      expect(await store.history('other', 'old-api')).toHaveLength(1);
      expect(await store.history('default', 'nope')).toEqual([]);

      // A second store on the same database finds the migrations applied.
      const again = await DeprecationHistoryStore.create(knex);
      expect(await again.history('default', 'old-api')).toHaveLength(4);
      await expect(
        store.record('default', 'not a time', sample(1)),
      ).rejects.toThrow('recordedAt must be an ISO time');
    });

    it('records the burn-down of a deprecated service whatever the length of its id', async () => {
      const knex = await databases.init(databaseId);
      const store = await DeprecationHistoryStore.create(knex);
      // the loader keeps an id longer than an entity name with a schema/invalid-id error, and the
      // deprecations page shows its burn-down like any other's
      const long = `legacy-${'billing-'.repeat(40)}v1`;
      const sample = (service: string, consumers: number) => ({
        service,
        consumers,
        optionalConsumers: 0,
        status: 'on-track' as const,
      });

      expect(
        await store.record('default', '2026-11-20T10:00:00.000Z', [
          sample('old-api', 2),
          sample(long, 3),
        ]),
      ).toEqual([long, 'old-api'].sort());
      expect(
        await store.record('default', '2026-11-20T18:00:00.000Z', [
          sample('old-api', 2),
          sample(long, 1),
        ]),
      ).toEqual([long]);
      expect(await store.history('default', 'old-api')).toHaveLength(1);
      expect(
        (await store.history('default', long)).map(p => p.consumers),
      ).toEqual([3, 1]);
      expect(await store.history('other', long)).toEqual([]);
    });

    it('goes on from the rows the previous version stored, and gives back those it could hold on the way down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({
        ...MIGRATIONS,
        name: '20261122220000_deprecation_history.js',
      });
      await knex('service_registry_deprecation_history').insert({
        registry_id: 'default',
        service_id: 'old-api',
        recorded_at: '2026-11-20T10:00:00.000Z',
        consumers: 2,
        optional_consumers: 0,
        status: 'on-track',
      });
      const store = await DeprecationHistoryStore.create(knex);
      const long = `legacy-${'x'.repeat(70)}`;
      const sample = (service: string) => ({
        service,
        consumers: 2,
        optionalConsumers: 0,
        status: 'on-track' as const,
      });

      // old-api's count has not changed within the day: its last row stands
      expect(
        await store.record('default', '2026-11-20T18:00:00.000Z', [
          sample('old-api'),
          sample(long),
        ]),
      ).toEqual([long]);
      expect(await store.history('default', 'old-api')).toHaveLength(1);

      // the previous version cannot hold the long id (it left its samples out)
      await knex.migrate.down(MIGRATIONS);
      expect(
        await knex('service_registry_deprecation_history').select(
          'service_id',
          'recorded_at',
        ),
      ).toEqual([
        { service_id: 'old-api', recorded_at: '2026-11-20T10:00:00.000Z' },
      ]);
    });

    it('migrates once when backends start together on a new database, and every one of them starts', async () => {
      const { started, applied, expected } = await backendsStartingTogether(
        await databases.init(databaseId),
        4,
        knex => DeprecationHistoryStore.create(knex),
        MIGRATIONS,
        async stores => {
          // the table works for all of them
          const samples = [
            {
              service: 'old-api',
              consumers: 1,
              optionalConsumers: 0,
              status: 'at-risk' as const,
            },
          ];
          await stores[3].record(
            'default',
            '2026-11-22T00:00:00.000Z',
            samples,
          );
          expect(await stores[0].history('default', 'old-api')).toHaveLength(1);
        },
      );
      expect(started).toBe(4);
      expect(applied).toEqual(expected);
    });

    it('never stores the same ingestion twice when instances record it at once', async () => {
      const knex = await databases.init(databaseId);
      const one = await DeprecationHistoryStore.create(knex);
      const two = await DeprecationHistoryStore.create(knex);
      const samples = [
        {
          service: 'old-api',
          consumers: 1,
          optionalConsumers: 0,
          status: 'at-risk' as const,
        },
      ];
      await Promise.all([
        one.record('default', '2026-11-22T00:00:00.000Z', samples),
        two.record('default', '2026-11-22T00:00:00.000Z', samples),
      ]);
      expect(await one.history('default', 'old-api')).toHaveLength(1);
    });
  },
);
