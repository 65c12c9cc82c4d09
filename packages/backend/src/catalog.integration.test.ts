import path from 'node:path';
import request from 'supertest';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { createTestDatabases } from '@service-registry/test-support';

const databases = createTestDatabases();
const examplesDir = path.resolve(__dirname, '../../../examples');

jest.setTimeout(120_000);

async function waitFor<T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 250));
  }
}

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
        const body = await waitFor(async () => {
          const res = await request(backend.server)
            .get('/api/catalog/entities/by-query')
            .query({ filter: 'kind=component' })
            .set('Authorization', mockCredentials.user.header());
          return res.status === 200 && res.body.items.length > 0
            ? res.body
            : undefined;
        });
        expect(body.items.map((e: any) => e.metadata.name)).toContain(
          'example-website',
        );
      } finally {
        await backend.stop();
      }
    },
  );
});
