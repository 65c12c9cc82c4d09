import request from 'supertest';
import {
  indexRegistryGraph,
  RegistryGraph,
  selectRegistryNeighbourhood,
} from '@service-registry/plugin-service-registry-common';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import {
  startRegistryBackend,
  StartRegistryBackendOptions,
} from './__testUtils__/startRegistryBackend';

/*
 * `GET /graph?service=&depth=`: the neighbourhood the service topology card draws, instead of the
 * whole graph. A chain with a diamond: mobile -> web -> api -> pay -> auth -> vault (no file
 * declares vault), api -> auth (optional); loop-a <-> loop-b, and loop-a requires auth.
 */
const FILES = [
  {
    path: 'services/catalog.toml',
    text: `[service.auth]
owner = "platform-team"
version = "2.0.0"
status = "ga"
[service.auth.dependencies]
requires = ["vault"]

[service.pay]
owner = "payments-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2026-06-01"
replacement_service = "auth"
[service.pay.dependencies]
requires = ["auth@^2.0"]
`,
  },
  {
    path: 'projects/shop/services.toml',
    text: `[project]
name = "Shop"
owner = "shop-team"
tier = "high"

[service.mobile]
owner = "shop-team"
version = "1.0.0"
status = "beta"
[service.mobile.dependencies]
requires = ["web"]

[service.web]
owner = "shop-team"
version = "1.0.0"
status = "ga"
[service.web.dependencies]
requires = ["api"]

[service.api]
owner = "shop-team"
version = "1.0.0"
status = "ga"
[service.api.dependencies]
requires = ["pay"]
optional = ["auth"]

[service.loop-a]
owner = "shop-team"
version = "1.0.0"
[service.loop-a.dependencies]
requires = ["loop-b", "auth"]

[service.loop-b]
owner = "shop-team"
version = "1.0.0"
[service.loop-b.dependencies]
requires = ["loop-a"]
`,
  },
];

async function start(options: StartRegistryBackendOptions = {}) {
  return startRegistryBackend(publishedFiles(FILES), options);
}

async function graph(
  server: Parameters<typeof request>[0],
  query = '',
): Promise<RegistryGraph> {
  const res = await request(server).get(`/api/service-registry/graph${query}`);
  expect([query, res.status]).toEqual([query, 200]);
  return res.body;
}

const sorted = (g: RegistryGraph) => g.nodes.map(n => n.id).sort();
const edgesOf = (g: RegistryGraph) =>
  g.edges.map(e => `${e.from}->${e.to}`).sort();

describe('GET /graph?service=&depth=', () => {
  it('answers the services within depth hops of the service, both ways, and the edges between them', async () => {
    const { server } = await start();
    const one = await graph(server, '?service=api&depth=1');
    expect(sorted(one)).toEqual(['api', 'auth', 'pay', 'web']);
    expect(edgesOf(one)).toEqual([
      'api->auth',
      'api->pay',
      'pay->auth',
      'web->api',
    ]);
    expect(one.cycles).toEqual([]);

    const two = await graph(server, '?service=api&depth=2');
    expect(sorted(two)).toEqual([
      'api',
      'auth',
      'mobile',
      'pay',
      'vault',
      'web',
    ]);
    expect(edgesOf(two)).toEqual([
      'api->auth',
      'api->pay',
      'auth->vault',
      'mobile->web',
      'pay->auth',
      'web->api',
    ]);
  });

  it('walks downstream from a provider, with the cycles through its services whole', async () => {
    const { server } = await start();
    const one = await graph(server, '?service=auth&depth=1');
    expect(sorted(one)).toEqual(['api', 'auth', 'loop-a', 'pay', 'vault']);
    expect(one.cycles).toEqual([['loop-a', 'loop-b', 'loop-a']]);
    const two = await graph(server, '?service=auth&depth=2');
    expect(sorted(two)).toEqual([
      'api',
      'auth',
      'loop-a',
      'loop-b',
      'pay',
      'vault',
      'web',
    ]);
    expect(sorted(await graph(server, '?service=auth&depth=3'))).toContain(
      'mobile',
    );
  });

  it('serves the nodes, edges and placeholders for undeclared dependencies as the whole graph does', async () => {
    const { server } = await start();
    const whole = await graph(server);
    const part = await graph(server, '?service=vault&depth=2');
    expect(sorted(part)).toEqual(['api', 'auth', 'loop-a', 'pay', 'vault']);
    expect(part.nodes.find(n => n.id === 'vault')).toEqual({
      id: 'vault',
      name: 'vault',
      declared: false,
      project: null,
    });
    const byId = new Map(whole.nodes.map(n => [n.id, n]));
    for (const node of part.nodes) expect(node).toEqual(byId.get(node.id));
    expect(part.nodes.find(n => n.id === 'pay')).toMatchObject({
      status: 'deprecated',
      project: null,
      sunsetDate: '2026-06-01',
      replacement: 'auth',
    });
    expect(part.edges).toContainEqual({
      from: 'pay',
      to: 'auth',
      optional: false,
      range: '^2.0',
    });
    expect(part.edges).toContainEqual({
      from: 'api',
      to: 'auth',
      optional: true,
    });
    expect(part).toMatchObject({
      registry: whole.registry,
      updatedAt: whole.updatedAt,
      state: whole.state,
    });
    expect(part.projects).toEqual(whole.projects);
    expect((await graph(server, '?service=pay&depth=1')).projects).toEqual(
      whole.projects,
    );
    expect(
      (await graph(server, '?service=auth&depth=1&registry=default')).nodes,
    ).toHaveLength(5);
  });

  it('holds what the topology card draws of the whole graph, at every depth', async () => {
    const { server } = await start();
    const whole = indexRegistryGraph(await graph(server));
    for (const service of whole.nodes.keys()) {
      for (let depth = 1; depth <= 5; depth++) {
        const part = indexRegistryGraph(
          await graph(
            server,
            `?service=${encodeURIComponent(service)}&depth=${depth}`,
          ),
        );
        expect(selectRegistryNeighbourhood(part, service, depth)).toEqual(
          selectRegistryNeighbourhood(whole, service, depth),
        );
      }
    }
  });

  it('walks 2 hops when the depth is left out', async () => {
    const { server } = await start();
    expect(sorted(await graph(server, '?service=api'))).toEqual(
      sorted(await graph(server, '?service=api&depth=2')),
    );
  });

  it('answers 404 for a service the registry neither declares nor depends on', async () => {
    const { server } = await start();
    const res = await request(server).get(
      '/api/service-registry/graph?service=nope&depth=1',
    );
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      'no service "nope" in registry "default"',
    );
  });

  it('refuses a depth out of 1 to 5, not a whole number, or without a service', async () => {
    const { server } = await start();
    for (const query of [
      '?service=api&depth=0',
      '?service=api&depth=6',
      '?service=api&depth=10',
      '?service=api&depth=1.5',
      '?service=api&depth=-1',
      '?service=api&depth=%202',
      '?service=api&depth=two',
      '?service=api&depth=',
      '?depth=2',
      '?service=',
    ]) {
      const res = await request(server).get(
        `/api/service-registry/graph${query}`,
      );
      expect([query, res.status]).toEqual([query, 400]);
    }
    const alone = await request(server).get(
      '/api/service-registry/graph?depth=2',
    );
    expect(alone.body.error.message).toMatch(/^depth: .*service=/);
    const far = await request(server).get(
      '/api/service-registry/graph?service=api&depth=6',
    );
    expect(far.body.error.message).toContain('from 1 to 5');
  });

  it('serves the whole graph unchanged without a service, serialised once with an ETag', async () => {
    const { server } = await start();
    const res = await request(server).get('/api/service-registry/graph');
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBeDefined();
    expect(sorted(res.body)).toEqual([
      'api',
      'auth',
      'loop-a',
      'loop-b',
      'mobile',
      'pay',
      'vault',
      'web',
    ]);
    expect(res.body.edges).toHaveLength(9);
    expect(res.body.cycles).toEqual([['loop-a', 'loop-b', 'loop-a']]);
    const again = await request(server)
      .get('/api/service-registry/graph')
      .set('If-None-Match', res.headers.etag);
    expect(again.status).toBe(304);
  });

  it('answers a neighbourhood asked for again with its ETag: 304 while the registry is unchanged, each depth its own', async () => {
    const { server } = await start();
    const url = '/api/service-registry/graph?service=api&depth=1';
    const first = await request(server).get(url);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[0-9a-f]{40}"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const again = await request(server)
      .get(url)
      .set('If-None-Match', first.headers.etag);
    expect(again.status).toBe(304);
    // another depth is another answer
    const deeper = await request(server)
      .get('/api/service-registry/graph?service=api&depth=2')
      .set('If-None-Match', first.headers.etag);
    expect(deeper.status).toBe(200);
    expect(deeper.headers.etag).not.toBe(first.headers.etag);
    expect(sorted(deeper.body)).not.toEqual(sorted(first.body));
    // sent again, the same bytes
    const third = await request(server).get(url);
    expect(third.body).toEqual(first.body);
    expect(third.headers.etag).toBe(first.headers.etag);
  });

  it('refuses unauthenticated calls with 401 and denied ones with 403', async () => {
    const anonymous = await start({ anonymous: true });
    expect(
      (
        await request(anonymous.server).get(
          '/api/service-registry/graph?service=api&depth=1',
        )
      ).status,
    ).toBe(401);
    const denied = await start({ deny: true });
    expect(
      (
        await request(denied.server).get(
          '/api/service-registry/graph?service=api&depth=1',
        )
      ).status,
    ).toBe(403);
  });
});
