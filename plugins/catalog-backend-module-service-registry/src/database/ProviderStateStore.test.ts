import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import { createTestDatabases } from '@service-registry/test-support';
import { ProviderStateStore, ProviderRunStatus } from './ProviderStateStore';

const databases = createTestDatabases({ mysql: true });
jest.setTimeout(60_000);

const MIGRATIONS = {
  directory: path.resolve(__dirname, '../../migrations'),
  tableName: 'service_registry_provider_knex_migrations',
};
/** Where the previous version kept the declarations of duplicated ids, among the files. */
const PREVIOUS_RECORD_PATH = '.service-registry/kept-declarations.json';
const AAA = 'projects/aaa/services.toml';
const ZZZ = 'projects/zzz/services.toml';

/** Undoes the module's migrations, latest first, until `version` is the latest applied. */
async function migrateDownTo(knex: Knex, version: string): Promise<void> {
  while ((await knex.migrate.currentVersion(MIGRATIONS)) !== version) {
    await knex.migrate.down(MIGRATIONS);
  }
}

const STATUS: ProviderRunStatus = {
  state: 'ok',
  summary: 'applied',
  findings: [],
  sourceHash: 'abc',
  updatedAt: '2026-12-01T00:00:00.000Z',
};

describe.each(databases.eachSupportedId())(
  'ProviderStateStore on %p',
  databaseId => {
    it('keeps the declarations a commit kept, through its status, until a commit without them', async () => {
      const store = await ProviderStateStore.create(
        await databases.init(databaseId),
      );
      const files = [
        { path: AAA, text: '[project]\n[service.orders]\n' },
        { path: ZZZ, text: '[project]\n[service.orders]\n' },
      ];
      expect(await store.getKeptDeclarations('main')).toBeUndefined();

      // the first run of a registry has no status yet when it commits, and records nothing: it
      // kept the first declaration in path order, which its files give again
      await store.commit('main', {
        files,
        entities: new Map(),
        keptDeclarations: new Map([['orders', AAA]]),
      });
      await store.setStatus('main', STATUS);
      expect(await store.getKeptDeclarations('main')).toBeUndefined();
      // a later run that keeps a declaration against path order records it
      await store.commit('main', {
        files,
        entities: new Map(),
        keptDeclarations: new Map([['orders', ZZZ]]),
      });
      expect(await store.getKeptDeclarations('main')).toEqual(
        new Map([['orders', ZZZ]]),
      );
      expect(await store.getStatus('main')).toEqual(STATUS);
      expect([...(await store.getFiles('main')).keys()]).toEqual([AAA, ZZZ]);
      expect(await store.getKeptDeclarations('other')).toBeUndefined();

      // a blocked run records its status only: the declarations stay with the files
      await store.setStatus('main', { ...STATUS, state: 'blocked' });
      expect(await store.getKeptDeclarations('main')).toEqual(
        new Map([['orders', ZZZ]]),
      );

      await store.commit('main', {
        files: files.slice(0, 1),
        entities: new Map(),
      });
      expect(await store.getKeptDeclarations('main')).toBeUndefined();
      await store.commit('main', {
        files,
        entities: new Map(),
        keptDeclarations: new Map([['orders', AAA]]),
      });
      await store.commit('main', {
        files,
        entities: new Map(),
        keptDeclarations: new Map(),
      });
      expect(await store.getKeptDeclarations('main')).toBeUndefined();
    });

    it("keeps the status Resource's owner an applied run recorded through the statuses of runs that record none, per registry", async () => {
      const knex = await databases.init(databaseId);
      const store = await ProviderStateStore.create(knex);
      expect(await store.getStatusOwner('main')).toBeUndefined();

      await store.setStatus('main', STATUS, 'group:default/team-platform');
      await store.setStatus('other', STATUS, 'group:default/platform');
      // a blocked run records its status only
      await store.setStatus('main', { ...STATUS, state: 'blocked' });
      expect(await store.getStatusOwner('main')).toBe(
        'group:default/team-platform',
      );
      expect((await store.getStatus('main'))!.state).toBe('blocked');
      await store.setStatus('main', STATUS, 'group:default/platform');
      expect(await store.getStatusOwner('main')).toBe('group:default/platform');
      expect(await store.getStatusOwner('other')).toBe(
        'group:default/platform',
      );

      // the previous version's schema has no such column, and the next one up starts without it
      await migrateDownTo(knex, '20261203170000');
      expect(
        await knex.schema.hasColumn(
          'service_registry_provider_status',
          'status_owner',
        ),
      ).toBe(false);
      await knex.migrate.latest(MIGRATIONS);
      expect(await store.getStatusOwner('main')).toBeUndefined();
      expect((await store.getStatus('main'))!.state).toBe('ok');
    });

    it('takes over the declarations the previous version kept among the files, and gives them back on the way down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({
        ...MIGRATIONS,
        name: '20261122000000_init.js',
      });
      await knex('service_registry_provider_status').insert({
        provider_id: 'main',
        state: 'ok',
        summary: 'applied',
        findings: '[]',
        source_hash: 'abc',
        updated_at: STATUS.updatedAt,
      });
      await knex('service_registry_provider_files').insert([
        { provider_id: 'main', path: AAA, content: '[project]\n' },
        {
          provider_id: 'main',
          path: PREVIOUS_RECORD_PATH,
          content: JSON.stringify({ orders: ZZZ }),
        },
      ]);

      const store = await ProviderStateStore.create(knex);
      expect(await store.getKeptDeclarations('main')).toEqual(
        new Map([['orders', ZZZ]]),
      );
      expect([...(await store.getFiles('main')).keys()]).toEqual([AAA]);
      expect((await store.getStatus('main'))?.sourceHash).toBe('abc');

      await migrateDownTo(knex, '20261122000000');
      const rows = await knex('service_registry_provider_files')
        .where('provider_id', 'main')
        .select('path', 'content');
      expect(new Map(rows.map(row => [row.path, row.content]))).toEqual(
        new Map([
          [AAA, '[project]\n'],
          [PREVIOUS_RECORD_PATH, JSON.stringify({ orders: ZZZ })],
        ]),
      );
    });

    it('keeps the last good content of a file whose path is longer than 512 characters', async () => {
      const store = await ProviderStateStore.create(
        await databases.init(databaseId),
      );
      // the readers take any depth of folders, each name up to the file system's 255 bytes: a
      // project folder with notes below it is read (and warned about) like any other file
      const deep = `projects/${'payments-'.repeat(28)}x/${'archive-'.repeat(
        31,
      )}y/${'z'.repeat(240)}.toml`;
      expect(deep.length).toBeGreaterThan(512);
      const files = [
        { path: AAA, text: '[project]\n' },
        { path: deep, text: '# notes\n' },
      ];

      await store.commit('main', { files, entities: new Map() });
      await store.commit('main', { files, entities: new Map() });

      expect(await store.getFiles('main')).toEqual(
        new Map([
          [AAA, '[project]\n'],
          [deep, '# notes\n'],
        ]),
      );
      expect(await store.getFiles('main', [deep])).toEqual(
        new Map([[deep, '# notes\n']]),
      );
    });

    it('keeps apart two files whose paths differ only in case', async () => {
      const store = await ProviderStateStore.create(
        await databases.init(databaseId),
      );
      // a case-sensitive checkout keeps both; MySQL compares text without case by default
      const misnamed = 'projects/aaa/services.TOML';
      await store.commit('main', {
        files: [
          { path: AAA, text: 'lower' },
          { path: misnamed, text: 'upper' },
        ],
        entities: new Map(),
      });
      expect(await store.getFiles('main', [misnamed])).toEqual(
        new Map([[misnamed, 'upper']]),
      );
      expect(await store.getFiles('main', [AAA])).toEqual(
        new Map([[AAA, 'lower']]),
      );
    });

    it('keeps the files the previous version stored, and gives back those it could hold on the way down', async () => {
      const knex = await databases.init(databaseId);
      await knex.migrate.up({ ...MIGRATIONS, name: '20261122000000_init.js' });
      await knex.migrate.up({
        ...MIGRATIONS,
        name: '20261201000000_kept_declarations.js',
      });
      // the longest path the previous version could hold
      const longest = `projects/${'p'.repeat(
        512 - 'projects//a.toml'.length,
      )}/a.toml`;
      expect(longest).toHaveLength(512);
      await knex('service_registry_provider_files').insert([
        { provider_id: 'main', path: AAA, content: 'aaa' },
        { provider_id: 'main', path: longest, content: 'longest' },
        { provider_id: 'other', path: AAA, content: 'other aaa' },
      ]);

      const store = await ProviderStateStore.create(knex);
      expect(await store.getFiles('main', [longest, ZZZ])).toEqual(
        new Map([[longest, 'longest']]),
      );
      expect(await store.getFiles('other')).toEqual(
        new Map([[AAA, 'other aaa']]),
      );
      const longer = `${longest}/b.toml`;
      await store.commit('main', {
        files: [
          { path: AAA, text: 'aaa' },
          { path: longest, text: 'longest' },
          { path: longer, text: 'longer' },
        ],
        entities: new Map(),
      });

      // the previous version cannot hold the longer path: that file is read afresh there
      await migrateDownTo(knex, '20261201000000');
      const rows = await knex('service_registry_provider_files')
        .orderBy(['provider_id', 'path'])
        .select('provider_id', 'path', 'content');
      expect(rows).toEqual([
        { provider_id: 'main', path: AAA, content: 'aaa' },
        { provider_id: 'main', path: longest, content: 'longest' },
        { provider_id: 'other', path: AAA, content: 'other aaa' },
      ]);
    });

    it('keeps a registry file and findings larger than 64 KiB', async () => {
      const store = await ProviderStateStore.create(
        await databases.init(databaseId),
      );
      // a global catalog of a few thousand services, and a warning for each of them
      const catalog = Array.from(
        { length: 3_000 },
        (_, i) => `[service.service-${i}]\nowner = "team-${i % 40}"\n`,
      ).join('\n');
      expect(catalog.length).toBeGreaterThan(65_536);
      const findings = Array.from({ length: 3_000 }, (_, i) => ({
        severity: 'warning',
        code: 'lifecycle/no-version',
        message: `service-${i} declares no version: add version = "1.0.0".`,
        file: 'services/catalog.toml',
        line: 3 * i + 1,
        column: 1,
        service: `service-${i}`,
      }));
      const status = { ...STATUS, findings, summary: 'x'.repeat(70_000) };

      await store.commit('main', {
        files: [{ path: 'services/catalog.toml', text: catalog }],
        entities: new Map(),
      });
      await store.setStatus('main', status);

      expect(await store.getFiles('main')).toEqual(
        new Map([['services/catalog.toml', catalog]]),
      );
      expect(await store.getStatus('main')).toEqual(status);
    });

    it('keeps a registry whose files together are larger than a MySQL packet', async () => {
      const store = await ProviderStateStore.create(
        await databases.init(databaseId),
      );
      // 40 files of 512 KiB: 20 MiB together, more than one statement may carry on MariaDB's
      // default max_allowed_packet (16 MiB)
      const files = Array.from({ length: 40 }, (_, i) => ({
        path: `projects/p${String(i).padStart(2, '0')}/services.toml`,
        text: `# project ${i}\n${'#'.repeat(512 * 1024)}\n`,
      }));

      await store.commit('main', { files, entities: new Map() });

      expect(await store.getFiles('main')).toEqual(
        new Map(files.map(f => [f.path, f.text])),
      );
    });

    it('reads a record it cannot understand as no record', async () => {
      const knex = await databases.init(databaseId);
      const store = await ProviderStateStore.create(knex);
      await store.setStatus('main', STATUS);
      for (const record of ['["orders"]', 'not json', 'null']) {
        await knex('service_registry_provider_status')
          .where('provider_id', 'main')
          .update({ kept_declarations: record });
        expect(await store.getKeptDeclarations('main')).toBeUndefined();
      }
    });
  },
);

const serverIds = databases
  .eachSupportedId()
  .filter(([id]) => id !== 'SQLITE_3');

describe.each(serverIds)('ProviderStateStore on a new %p', databaseId => {
  it('migrates once when backends start together, and every one of them starts', async () => {
    const first = await databases.init(databaseId);
    // other backends: their own connection pools on the same database
    const others: Knex[] = [0, 1, 2].map(() =>
      knexFactory({ ...first.client.config }),
    );
    try {
      const stores = await Promise.all(
        [first, ...others].map(knex => ProviderStateStore.create(knex)),
      );
      expect(stores).toHaveLength(4);
      const applied = await first('service_registry_provider_knex_migrations')
        .select('name')
        .orderBy('name');
      expect(applied.length).toBeGreaterThan(0);
      expect(new Set(applied.map(r => r.name)).size).toBe(applied.length);
      // the tables work for all of them
      await stores[3].setStatus('main', STATUS);
      expect((await stores[0].getRunState('main'))?.summary).toBe('applied');
    } finally {
      await Promise.all(others.map(knex => knex.destroy()));
    }
  });

  it('migrates with a pool of one connection', async () => {
    const first = await databases.init(databaseId);
    const single = knexFactory({
      ...first.client.config,
      pool: { min: 0, max: 1 },
      acquireConnectionTimeout: 5000,
    });
    try {
      const store = await ProviderStateStore.create(single, {
        migrationAttempts: 1,
      });
      await store.setStatus('main', STATUS);
      expect((await store.getRunState('main'))?.summary).toBe('applied');
    } finally {
      await single.destroy();
    }
  });
});
