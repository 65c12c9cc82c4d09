import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { mockServices } from '@backstage/backend-test-utils';
import { routerRoutes } from '@service-registry/test-support';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import { pendingChangesRepository } from './__testUtils__/pendingChangesRepository';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';
import { createRouter } from './service/createRouter';

/*
 * The endpoint table of the plugin's README is what adopters build on: it must list every route
 * of the router, and each endpoint with exactly the query parameters it takes (fs is fine in
 * tests).
 */

const README = fs.readFileSync(path.resolve(__dirname, '../README.md'), 'utf8');
const PREFIX = '/api/service-registry';

/** An endpoint row of the README's API table: method, path and its query parameters. */
interface DocumentedEndpoint {
  method: string;
  path: string;
  params: string[];
}

function documentedEndpoints(markdown: string): DocumentedEndpoint[] {
  const api = markdown.split(/^## /m).find(s => s.startsWith('API'));
  if (!api) throw new Error('README.md has no "## API" section');
  const endpoints: DocumentedEndpoint[] = [];
  for (const line of api.split('\n')) {
    const cell = line.split(/(?<!\\)\|/)[1]?.trim() ?? '';
    const match =
      /^`(GET|POST) \/api\/service-registry(\/[^`?]*)(?:\?([^`]*))?`$/.exec(
        cell,
      );
    if (!match) continue;
    endpoints.push({
      method: match[1],
      path: match[2],
      params: (match[3] ?? '')
        .split('&')
        .filter(Boolean)
        .map(p => p.replace(/=.*$/, '')),
    });
  }
  return endpoints;
}

/** The registry the requests read: a deprecated service with consumers, in a project. */
const FILES = [
  {
    path: 'services/catalog.toml',
    text: `[service.auth]
owner = "platform-team"
version = "1.2.3"
status = "ga"

[service.old-api]
owner = "platform-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2026-06-01"
replacement_service = "auth"
`,
  },
  {
    path: 'projects/shop/services.toml',
    text: `[project]
name = "Shop"
owner = "shop-team"
tier = "high"

[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
[service.shop-api.dependencies]
requires = ["auth@^1.0", "old-api"]
`,
  },
];

/** A valid value of each query parameter the API knows, and of each path parameter. */
const SAMPLE: Record<string, string> = {
  registry: 'default',
  includeOptional: 'true',
  maxDepth: '2',
  depth: '2',
  service: 'shop-api',
  project: 'shop',
  owner: 'shop-team',
  severity: 'error',
  file: 'services/catalog.toml',
  today: '2026-11-22',
  status: 'overdue',
  tier: 'high',
  format: 'json',
  fillFromTierPolicy: 'true',
};
const PATH_SAMPLE: Record<string, string> = {
  service: 'old-api',
  project: 'shop',
};

/**
 * The endpoints that take `registry` without the table's saying so (see "registry selects"): all
 * but those about the registries and the API themselves, and the pending changes (read from the
 * one configured repository).
 */
const takesRegistry = (e: DocumentedEndpoint) =>
  e.path !== '/registries' &&
  e.path !== '/openapi.json' &&
  e.path !== '/pending-changes';

function urlOf(endpoint: DocumentedEndpoint, params: string[]): string {
  const filled = endpoint.path.replace(
    /:([A-Za-z]+)/g,
    (_, name: string) => PATH_SAMPLE[name],
  );
  const query = params.map(p => `${p}=${encodeURIComponent(SAMPLE[p])}`);
  return `${PREFIX}${filled}${query.length ? `?${query.join('&')}` : ''}`;
}

describe('the README of the service-registry backend plugin', () => {
  const endpoints = documentedEndpoints(README);

  it('lists every route of the router, and no other', async () => {
    const router = await createRouter({
      httpAuth: mockServices.httpAuth(),
      permissions: mockServices.permissions(),
      discovery: mockServices.discovery(),
      snapshots: publishedFiles(FILES),
      logger: mockServices.logger.mock(),
      history: {} as any,
    });
    const routes = routerRoutes(router);
    expect(endpoints.map(e => `${e.method} ${e.path}`).sort()).toEqual(
      [...routes].sort(),
    );
  });

  it('has a sample value for every parameter it documents', () => {
    const documented = new Set(endpoints.flatMap(e => e.params));
    expect([...documented].filter(p => !(p in SAMPLE))).toEqual([]);
  });

  it('documents the query parameters each endpoint takes, and only those', async () => {
    const { server } = await startRegistryBackend(publishedFiles(FILES), {
      config: pendingChangesRepository(
        path.resolve(__dirname, '../../../examples/registry'),
        {},
      ),
    });
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const endpoint of endpoints) {
      const params = [
        ...endpoint.params,
        ...(takesRegistry(endpoint) ? ['registry'] : []),
      ];
      const all = await request(server).get(urlOf(endpoint, params));
      outcomes.push(`${endpoint.path} with its parameters: ${all.status}`);
      expected.push(`${endpoint.path} with its parameters: 200`);
      for (const other of Object.keys(SAMPLE).filter(
        p => !params.includes(p),
      )) {
        const res = await request(server).get(urlOf(endpoint, [other]));
        outcomes.push(`${endpoint.path}?${other}=: ${res.status}`);
        expected.push(`${endpoint.path}?${other}=: 400`);
      }
    }
    expect(outcomes).toEqual(expected);
  });
});
