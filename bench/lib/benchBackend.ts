/*
 * A real Backstage backend (catalog only, in-memory SQLite) for the ingestion benchmark, run as a
 * child process so that its memory can be measured on its own. Modes:
 *   none      the catalog with no registry at all (memory baseline)
 *   yaml      the catalog ingesting the registry's entities from one YAML Location (Backstage itself)
 *   provider  the catalog with the service-registry entity provider reading the TOML registry
 *   api       provider + the service-registry backend plugin (and the permission backend)
 * argv: <mode> <registry dir or YAML file> <port> <token>
 */
import { createBackend } from '@backstage/backend-defaults';
import { mockServices } from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';

const [mode, target, port, token] = process.argv.slice(2);

const catalog: JsonObject = {
  processingInterval: { seconds: 5 },
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
        frequency: { seconds: 2 },
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
        database: { client: 'better-sqlite3', connection: ':memory:' },
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
  backend.add(import('@backstage/plugin-permission-backend'));
  backend.add(
    import('@backstage/plugin-permission-backend-module-allow-all-policy'),
  );
}
backend.start().then(() => process.stdout.write('READY\n'));

if (typeof global.gc === 'function') {
  setInterval(() => global.gc?.(), 2000).unref();
}
