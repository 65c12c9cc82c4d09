/*
 * A real Backstage backend (catalog only) for the benchmarks, run as a child process so that its
 * memory can be measured on its own. Modes:
 *   none      the catalog with no registry at all (memory baseline)
 *   yaml      the catalog ingesting the registry's entities from one YAML Location (Backstage itself)
 *   provider  the catalog with the service-registry entity provider reading the TOML registry
 *   api       provider + the service-registry backend plugin (and the permission backend)
 *   none-api  the catalog and the permission backend (memory baseline of api)
 * argv: <mode> <registry dir or YAML file> <port> <token> [<database>]
 * database: `sqlite` (in memory, the default) or `pg:<prefix>` (PostgreSQL at PGHOST/PGPORT/PGUSER,
 * default 127.0.0.1:5432 postgres; one database per plugin named `<prefix><plugin id>`, created on
 * start: a fresh prefix gives a fresh database).
 *
 * The catalog re-processes every entity each 5 s (BENCH_PROCESSING_INTERVAL=<seconds>, or
 * `default` for Backstage's own 100 to 150 s).
 *
 * Over the IPC channel (when the parent opened one) it answers `{ type: 'memory', id, gc }` with
 * `{ type: 'memory', id, ...process.memoryUsage() }`, after full garbage collections when `gc` is
 * set (the child runs with --expose-gc): two regular ones, then V8's last-resort one, which also
 * gives the heap's free pages back to the system.
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';

const [mode, target, port, token, databaseArg = 'sqlite'] =
  process.argv.slice(2);

function databaseConfig(): JsonObject {
  if (databaseArg === 'sqlite') {
    return { client: 'better-sqlite3', connection: ':memory:' };
  }
  if (databaseArg.startsWith('pg:')) {
    return {
      client: 'pg',
      connection: {
        host: process.env.PGHOST ?? '127.0.0.1',
        port: Number(process.env.PGPORT ?? 5432),
        user: process.env.PGUSER ?? 'postgres',
        ...(process.env.PGPASSWORD ? { password: process.env.PGPASSWORD } : {}),
      },
      prefix: databaseArg.slice('pg:'.length),
    };
  }
  throw new Error(`unknown database ${databaseArg}`);
}

const processingInterval = process.env.BENCH_PROCESSING_INTERVAL ?? '5';
const providerFrequency = Number(process.env.BENCH_PROVIDER_FREQUENCY ?? '2');
const catalog: JsonObject = {
  ...(processingInterval === 'default'
    ? {}
    : { processingInterval: { seconds: Number(processingInterval) } }),
  rules: [{ allow: ['Component', 'System', 'Group', 'Resource', 'Location'] }],
};
if (mode === 'yaml') {
  catalog.locations = [{ type: 'file', target }];
}
if (mode === 'provider' || mode === 'api') {
  catalog.providers = {
    serviceRegistry: {
      target,
      schedule: {
        frequency: { seconds: providerFrequency },
        timeout: { minutes: 5 },
        initialDelay: { seconds: 0 },
      },
    },
  };
}

const backend = createBackend();
backend.add(
  mockServices.rootConfig.factory({
    data: {
      backend: {
        baseUrl: `http://localhost:${port}`,
        listen: { port: Number(port) },
        database: databaseConfig(),
        auth: {
          externalAccess: [
            { type: 'static', options: { token, subject: 'bench' } },
          ],
        },
      },
      catalog,
    },
  }),
);
backend.add(import('@backstage/plugin-catalog-backend'));
if (mode === 'provider' || mode === 'api') {
  backend.add(
    import('@service-registry/plugin-catalog-backend-module-service-registry'),
  );
}
if (mode === 'api') {
  backend.add(import('@service-registry/plugin-service-registry-backend'));
}
if (mode === 'api' || mode === 'none-api') {
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    import('@backstage/plugin-permission-backend-module-allow-all-policy'),
  );
}
backend.start().then(() => process.stdout.write('READY\n'));

if (typeof global.gc === 'function' && !process.send) {
  // the ingestion benchmark reads the RSS only: collect now and then so that it settles
  setInterval(() => global.gc?.(), 2000).unref();
}

process.on(
  'message',
  (message: { type?: string; id?: number; gc?: boolean }) => {
    if (message?.type !== 'memory') return;
    if (message.gc && typeof global.gc === 'function') {
      global.gc();
      global.gc();
      global.gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    }
    process.send?.({
      type: 'memory',
      id: message.id,
      ...process.memoryUsage(),
    });
  },
);
