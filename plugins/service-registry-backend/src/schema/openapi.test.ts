import SwaggerParser from '@apidevtools/swagger-parser';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  InMemoryServiceRegistrySnapshotService,
  readRegistryDirectory,
} from '@service-registry/plugin-service-registry-node';
import {
  openApiOperation,
  openApiRoutes,
  openApiSchemaChecker,
  routerRoutes,
  readOpenApiDocument,
} from '@service-registry/test-support';
import path from 'node:path';
import request from 'supertest';
import { parse } from 'yaml';
import { ENDPOINTS } from '../../scripts/openapi/endpoints';
import {
  OPENAPI_FILE,
  writeOpenApiSpec,
} from '../../scripts/openapi/writeOpenApiSpec';
import { pendingChangesRepository } from '../__testUtils__/pendingChangesRepository';
import { snapshotOfFiles } from '../__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from '../__testUtils__/startRegistryBackend';
import { DeprecationHistoryStore } from '../database/DeprecationHistoryStore';
import { createRouter } from '../service/createRouter';

const BASE = '/api/service-registry';
const DEMO_REGISTRY = path.resolve(__dirname, '../../../../examples/registry');

const { text: committed, document: spec } = readOpenApiDocument(OPENAPI_FILE);

/** The plugin's own endpoints (the notifications module tests its reminders against the same file). */
const OWN_ENDPOINTS = ENDPOINTS.filter(e => !e.module);

/** The `GET` operation of an express path (`/impact/:service`) in the description. */
const operationOf = (expressPath: string) =>
  openApiOperation(spec, `GET ${expressPath}`);

/**
 * A value each parameter the description lists can take on the demo registry (`service` is a
 * deprecated service with consumers, so that every endpoint about one service answers `200`).
 */
const EXAMPLE_VALUES: Record<string, string> = {
  registry: 'default',
  service: 'old-api',
  project: 'project-a',
  depth: '1',
  includeOptional: 'true',
  maxDepth: '3',
  owner: '@platform-team',
  severity: 'warning',
  file: 'services/catalog.toml',
  today: '2026-12-06',
  status: 'on-track',
  tier: 'critical',
  format: 'json',
  fillFromTierPolicy: 'true',
};

/** The URL of an endpoint with its path parameters filled in, and the query given. */
function urlOf(expressPath: string, query: Record<string, string> = {}) {
  const filled = expressPath.replace(/:([A-Za-z]+)/g, (_, name: string) =>
    encodeURIComponent(EXAMPLE_VALUES[name]),
  );
  const search = new URLSearchParams(query).toString();
  return `${BASE}${filled}${search ? `?${search}` : ''}`;
}

/** Every query parameter the description lists for an endpoint, with its example value. */
function fullQuery(expressPath: string): Record<string, string> {
  return Object.fromEntries(
    (operationOf(expressPath).parameters ?? [])
      .filter(p => p.in === 'query')
      .map(p => [p.name, EXAMPLE_VALUES[p.name]]),
  );
}

async function demoBackend() {
  const snapshots = new InMemoryServiceRegistrySnapshotService();
  snapshots.publish(
    snapshotOfFiles(await readRegistryDirectory(DEMO_REGISTRY), {
      rootLocation: 'https://github.com/acme/registry/tree/main/',
    }),
  );
  // a pending change that removes project-c: breaking changes with their reach
  return startRegistryBackend(snapshots, {
    config: pendingChangesRepository(DEMO_REGISTRY, {
      'projects/project-c/services.toml': null,
    }),
  });
}

describe('the OpenAPI description of the API (src/schema/openapi.yaml)', () => {
  it('is what `yarn build:openapi` writes from the request schemas and the response types', () => {
    // a changed response type, request schema or endpoint leaves the committed file behind
    const state =
      writeOpenApiSpec() === committed
        ? 'up to date'
        : 'out of date: run `yarn build:openapi` and commit src/schema/openapi.yaml';
    expect(state).toBe('up to date');
  });

  it('is a valid OpenAPI 3.1 document whose references all resolve', async () => {
    await expect(
      SwaggerParser.validate(structuredClone(spec) as never),
    ).resolves.toBeDefined();
  });

  it('describes every route the router serves, and no other', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      discovery: mockServices.discovery(),
      logger: mockServices.logger.mock(),
      snapshots: new InMemoryServiceRegistrySnapshotService(),
      history: {} as DeprecationHistoryStore,
    });
    expect(routerRoutes(router).sort()).toEqual(openApiRoutes(spec));
    expect(openApiRoutes(spec)).toEqual(
      OWN_ENDPOINTS.map(e => `GET ${e.path}`).sort(),
    );
  });

  describe('against a backend serving the demo registry', () => {
    let server: Parameters<typeof request>[0];
    const check = openApiSchemaChecker(spec);

    beforeAll(async () => {
      ({ server } = await demoBackend());
    });

    it('has an example value for every parameter it lists', () => {
      const listed = new Set(
        Object.values(spec.paths).flatMap(p =>
          (p.get.parameters ?? []).map(q => q.name),
        ),
      );
      expect([...listed].filter(name => !(name in EXAMPLE_VALUES))).toEqual([]);
    });

    it.each(OWN_ENDPOINTS.map(e => [e.path]))(
      'GET %s answers as described, without and with every parameter it lists',
      async expressPath => {
        const operation = operationOf(expressPath);
        const described = operation.responses['200'] as {
          content: Record<string, { schema: object }>;
        };
        for (const query of [{}, fullQuery(expressPath)]) {
          const res = await request(server)
            .get(urlOf(expressPath, query))
            .set('Authorization', mockCredentials.user.header());
          expect({ query, status: res.status, body: res.body }).toMatchObject({
            status: 200,
          });
          // `/openslo` answers YAML unless asked for JSON: every answer is of a described type
          expect(Object.keys(described.content)).toContain(res.type);
          if (res.type !== 'application/json') continue;
          expect({
            query,
            errors: check(
              res.body,
              described.content['application/json'].schema,
            ),
          }).toEqual({ query, errors: [] });
        }
      },
    );

    it('tells an answer that breaks the description from one that does not', async () => {
      const res = await request(server)
        .get(urlOf('/graph'))
        .set('Authorization', mockCredentials.user.header());
      const graph = { $ref: '#/components/schemas/RegistryGraph' };
      expect(check(res.body, graph)).toEqual([]);
      const { id: _id, ...nodeWithoutId } = res.body.nodes[0];
      expect(
        check({ ...res.body, nodes: [nodeWithoutId] }, graph).join('\n'),
      ).toContain("must have required property 'id'");
      expect(
        check({ ...res.body, unexpected: true }, graph).join('\n'),
      ).toContain('must NOT have additional properties');
    });

    it("serves this description at /openapi.json, naming the plugin's URL on the portal", async () => {
      const res = await request(server)
        .get(`${BASE}/openapi.json`)
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      const { servers, ...served } = res.body;
      const { servers: _servers, ...described } = spec as unknown as Record<
        string,
        unknown
      >;
      expect(served).toEqual(described);
      expect(servers).toEqual([
        {
          url: expect.stringMatching(
            /^https?:\/\/[^/]+\/api\/service-registry$/,
          ),
          description: "The plugin's URL on this portal.",
        },
      ]);
    });

    it('answers /openslo as YAML when asked, as described', async () => {
      const res = await request(server)
        .get(urlOf('/openslo', { format: 'yaml' }))
        .set('Authorization', mockCredentials.user.header());
      expect(res.status).toBe(200);
      expect(res.type).toBe('application/yaml');
      expect(
        Object.keys(operationOf('/openslo').responses['200'] as object),
      ).toContain('content');
      const json = await request(server)
        .get(urlOf('/openslo', { format: 'json' }))
        .set('Authorization', mockCredentials.user.header());
      // the YAML holds the same documents as the JSON array
      expect(
        res.text
          .split(/^---$/m)
          .map(doc => doc.trim())
          .filter(Boolean)
          .map(doc => parse(doc)),
      ).toEqual(json.body);
    });

    it.each(OWN_ENDPOINTS.map(e => [e.path]))(
      'GET %s refuses a parameter it does not list, with the error body described',
      async expressPath => {
        const res = await request(server)
          .get(urlOf(expressPath, { ...fullQuery(expressPath), unlisted: '1' }))
          .set('Authorization', mockCredentials.user.header());
        expect(res.status).toBe(400);
        expect(res.body.error.message).toContain('unlisted');
        expect(
          check(res.body, { $ref: '#/components/schemas/ErrorResponseBody' }),
        ).toEqual([]);
        expect(operationOf(expressPath).responses).toHaveProperty('400');
      },
    );

    it('answers an unknown service, an unknown registry and a missing token with the error body described', async () => {
      const answers = [
        await request(server)
          .get(`${BASE}/services/no-such-service/summary`)
          .set('Authorization', mockCredentials.user.header()),
        await request(server)
          .get(`${BASE}/graph?registry=nope`)
          .set('Authorization', mockCredentials.user.header()),
        await request(
          (
            await startRegistryBackend(
              new InMemoryServiceRegistrySnapshotService(),
              { anonymous: true },
            )
          ).server,
        ).get(`${BASE}/graph`),
      ];
      expect(answers.map(a => a.status)).toEqual([404, 404, 401]);
      for (const answer of answers) {
        expect(
          check(answer.body, {
            $ref: '#/components/schemas/ErrorResponseBody',
          }),
        ).toEqual([]);
      }
      expect(
        operationOf('/services/:service/summary').responses,
      ).toHaveProperty('404');
    });
  });
});
