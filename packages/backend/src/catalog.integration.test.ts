import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import {
  createTestDatabases,
  eventually,
} from '@service-registry/test-support';

const databases = createTestDatabases();
const examplesDir = path.resolve(__dirname, '../../../examples');

jest.setTimeout(120_000);

describe('the portal catalog on a real database', () => {
  it.each(databases.eachSupportedId())(
    'ingests a file location and answers entity queries on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const backend = await startTestBackend({
        features: [
          catalogPlugin,
          mockServices.database.factory({ knex }),
          mockServices.rootConfig.factory({
            data: {
              catalog: {
                processingInterval: { seconds: 1 },
                rules: [{ allow: ['Component', 'System', 'API', 'Location'] }],
                locations: [
                  {
                    type: 'file',
                    target: path.join(examplesDir, 'entities.yaml'),
                  },
                ],
              },
            },
          }),
        ],
      });
      try {
        const res = await eventually(
          () =>
            request(backend.server)
              .get('/api/catalog/entities/by-query')
              .query({ filter: 'kind=component' })
              .set('Authorization', mockCredentials.user.header()),
          r => r.status === 200 && r.body.items.length > 0,
        );
        const body = res.body;
        expect(body.items.map((e: any) => e.metadata.name)).toContain(
          'example-website',
        );
      } finally {
        await backend.stop();
      }
    },
  );
});
