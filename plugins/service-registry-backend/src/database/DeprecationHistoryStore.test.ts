import { createTestDatabases } from '@service-registry/test-support';
import { DeprecationHistoryStore } from './DeprecationHistoryStore';

const databases = createTestDatabases();
jest.setTimeout(60_000);

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

    it('records the other services of an ingestion when one id is longer than an entity name', async () => {
      const knex = await databases.init(databaseId);
      const store = await DeprecationHistoryStore.create(knex);
      // the loader keeps such an id with a schema/invalid-id error; the catalog has no entity for it
      const long = `legacy-${'x'.repeat(70)}`;
      const sample = (service: string) => ({
        service,
        consumers: 1,
        optionalConsumers: 0,
        status: 'on-track' as const,
      });

      expect(
        await store.record('default', '2026-11-20T10:00:00.000Z', [
          sample('old-api'),
          sample(long),
        ]),
      ).toEqual(['old-api']);
      expect(await store.history('default', 'old-api')).toHaveLength(1);
      expect(await store.history('default', long)).toEqual([]);
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
