import { ResponseError } from '@backstage/errors';
import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { ServiceRegistryClient } from './ServiceRegistryClient';

describe('ServiceRegistryClient', () => {
  const discoveryApi = {
    getBaseUrl: async () => 'http://backend/api/service-registry',
  };

  it('asks for the graph of a registry', async () => {
    const fetch = jest.fn(
      async () => new Response(JSON.stringify({ nodes: [], edges: [] })),
    );
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    await expect(client.getGraph({ registry: 'other' })).resolves.toEqual({
      nodes: [],
      edges: [],
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/service-registry/graph?registry=other',
    );
  });

  it('asks for the neighbourhood of a service with service and depth in the query', async () => {
    const fetch = jest.fn(async () => new Response('{"nodes":[],"edges":[]}'));
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    await expect(
      client.getGraph({ registry: 'other', service: 'a b/c', depth: 3 }),
    ).resolves.toEqual({ nodes: [], edges: [] });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/service-registry/graph?registry=other&service=a+b%2Fc&depth=3',
    );
    await client.getGraph({ service: 'checkout' });
    expect(fetch).toHaveBeenLastCalledWith(
      'http://backend/api/service-registry/graph?service=checkout',
    );
  });

  it('passes the impact options and escapes the service id', async () => {
    const fetch = jest.fn(async () => new Response('{}'));
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    await client.getImpact('shared-auth', {
      includeOptional: true,
      maxDepth: 2,
    });
    expect(fetch).toHaveBeenCalledWith(
      'http://backend/api/service-registry/impact/shared-auth?includeOptional=true&maxDepth=2',
    );
  });

  it('asks for findings, deprecations and SLA with their filters', async () => {
    const fetch = jest.fn(async () => new Response('{}'));
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    await client.getFindings({ severity: 'error', project: 'shop' });
    await client.getDeprecations({ status: 'overdue', today: '2026-11-29' });
    await client.getDeprecation('old api', { today: '2026-11-29' });
    await client.getDeprecatedDependencies('shop-api');
    await client.getSlaOverview({ tier: 'critical', owner: 'team-a' });
    await client.getServiceSla('shop-api', { registry: 'other' });
    expect(fetch.mock.calls.map(c => (c as unknown[])[0])).toEqual([
      'http://backend/api/service-registry/findings?severity=error&project=shop',
      'http://backend/api/service-registry/deprecations?status=overdue&today=2026-11-29',
      'http://backend/api/service-registry/deprecations/old%20api?today=2026-11-29',
      'http://backend/api/service-registry/services/shop-api/deprecated-dependencies',
      'http://backend/api/service-registry/sla?tier=critical&owner=team-a',
      'http://backend/api/service-registry/sla/shop-api?registry=other',
    ]);
  });

  it('reads the reminder status, undefined when the backend has no reminders, and posts a reminder', async () => {
    const status = {
      registry: 'default',
      service: 'old-api',
      last: null,
      canRemind: true,
    };
    const fetch = jest
      .fn()
      .mockResolvedValueOnce(new Response(JSON.stringify(status)))
      .mockResolvedValueOnce(new Response('{"error":{}}', { status: 404 }))
      .mockResolvedValueOnce(
        new Response(JSON.stringify({ notified: [], deferred: [] }), {
          status: 201,
        }),
      );
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    await expect(client.getReminderStatus('old-api')).resolves.toEqual(status);
    await expect(
      client.getReminderStatus('old-api', { registry: 'other' }),
    ).resolves.toBeUndefined();
    await expect(client.remindConsumers('old-api')).resolves.toEqual({
      notified: [],
      deferred: [],
    });
    expect(fetch.mock.calls).toEqual([
      ['http://backend/api/service-registry/deprecations/old-api/reminders'],
      [
        'http://backend/api/service-registry/deprecations/old-api/reminders?registry=other',
      ],
      [
        'http://backend/api/service-registry/deprecations/old-api/reminders',
        { method: 'POST' },
      ],
    ]);
  });

  it('asks for the summary of a service in its registry, the id escaped', async () => {
    const body = { registry: 'other', service: { id: 'shop api' } };
    const fetch = jest.fn(async () => new Response(JSON.stringify(body)));
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    await expect(
      client.getServiceSummary('shop api', { registry: 'other' }),
    ).resolves.toEqual(body);
    await client.getServiceSummary('shop-api');
    expect(fetch.mock.calls.map(c => (c as unknown[])[0])).toEqual([
      'http://backend/api/service-registry/services/shop%20api/summary?registry=other',
      'http://backend/api/service-registry/services/shop-api/summary',
    ]);
  });

  it('rejects a summary the registry does not have with the 404 of the backend', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              name: 'NotFoundError',
              message: 'no service "ghost" in registry "default"',
            },
            response: { statusCode: 404 },
          }),
          {
            status: 404,
            statusText: 'Not Found',
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    const error = await client.getServiceSummary('ghost').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.name).toBe('NotFoundError');
  });

  it('asks for the summary of a project in its registry, and of the global services, the id escaped', async () => {
    const body = { registry: 'other', project: { id: 'shop' } };
    const fetch = jest.fn(async () => new Response(JSON.stringify(body)));
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    await expect(
      client.getProjectSummary('shop', { registry: 'other' }),
    ).resolves.toEqual(body);
    await client.getProjectSummary(GLOBAL_PROJECT_ID);
    await client.getProjectSummary('a/b');
    expect(fetch.mock.calls.map(c => (c as unknown[])[0])).toEqual([
      'http://backend/api/service-registry/projects/shop/summary?registry=other',
      'http://backend/api/service-registry/projects/%3Aglobal/summary',
      'http://backend/api/service-registry/projects/a%2Fb/summary',
    ]);
  });

  it('rejects the summary of a project the registry does not have with the 404 of the backend', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              name: 'NotFoundError',
              message: 'no project "ghost" in registry "default"',
            },
            response: { statusCode: 404 },
          }),
          {
            status: 404,
            statusText: 'Not Found',
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    const error = await client.getProjectSummary('ghost').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.statusCode).toBe(404);
    expect(error.cause.message).toBe(
      'no project "ghost" in registry "default"',
    );
  });

  it('throws a ResponseError with the backend message', async () => {
    const fetch = jest.fn(
      async () =>
        new Response(
          JSON.stringify({
            error: {
              name: 'NotFoundError',
              message: 'no service "x" in registry "default"',
            },
            response: { statusCode: 404 },
          }),
          {
            status: 404,
            statusText: 'Not Found',
            headers: { 'content-type': 'application/json' },
          },
        ),
    );
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    const error = await client.getImpact('x').catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(404);
    expect(error.cause.message).toBe('no service "x" in registry "default"');
  });

  it('gives the signal to every request, reads and writes', async () => {
    const fetch = jest.fn(async () => new Response('{}'));
    const client = new ServiceRegistryClient({
      discoveryApi,
      fetchApi: { fetch },
    });
    const { signal } = new AbortController();
    await client.getGraph(undefined, { signal });
    await client.getImpact('a', undefined, { signal });
    await client.getFindings(undefined, { signal });
    await client.getDeprecations(undefined, { signal });
    await client.getDeprecation('a', undefined, { signal });
    await client.getDeprecatedDependencies('a', undefined, { signal });
    await client.getSlaOverview(undefined, { signal });
    await client.getServiceSla('a', undefined, { signal });
    await client.getReminderStatus('a', undefined, { signal });
    await client.remindConsumers('a', { registry: 'other' }, { signal });
    await client.getServiceSummary('a', undefined, { signal });
    await client.getProjectSummary('p', undefined, { signal });
    expect(fetch.mock.calls.map(c => (c as unknown[])[1])).toEqual([
      ...Array(9).fill({ signal }),
      { method: 'POST', signal },
      { signal },
      { signal },
    ]);
  });

  describe('while the backend is not ready (503)', () => {
    const unavailable = () =>
      new Response(
        JSON.stringify({
          error: {
            name: 'ServiceUnavailableError',
            message: 'registry "default" has not been ingested yet',
          },
          response: { statusCode: 503 },
        }),
        {
          status: 503,
          statusText: 'Service Unavailable',
          headers: { 'content-type': 'application/json' },
        },
      );

    it('asks again and returns the answer once there is one', async () => {
      const fetch = jest
        .fn()
        .mockResolvedValueOnce(unavailable())
        .mockResolvedValueOnce(unavailable())
        .mockResolvedValue(new Response(JSON.stringify({ nodes: [] })));
      const client = new ServiceRegistryClient({
        discoveryApi,
        fetchApi: { fetch },
        retryDelaysMs: [0, 0, 0],
      });
      await expect(client.getGraph()).resolves.toEqual({ nodes: [] });
      expect(fetch).toHaveBeenCalledTimes(3);
    });

    it("throws the backend's 503 after the last retry", async () => {
      const fetch = jest.fn(async () => unavailable());
      const client = new ServiceRegistryClient({
        discoveryApi,
        fetchApi: { fetch },
        retryDelaysMs: [0, 0],
      });
      const error = await client.getGraph().catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(error.statusCode).toBe(503);
      expect(error.cause.message).toBe(
        'registry "default" has not been ingested yet',
      );
      expect(fetch).toHaveBeenCalledTimes(3);
    });

    it('does not repeat a reminder (a POST)', async () => {
      const fetch = jest.fn(async () => unavailable());
      const client = new ServiceRegistryClient({
        discoveryApi,
        fetchApi: { fetch },
        retryDelaysMs: [0, 0],
      });
      const error = await client.remindConsumers('legacy-search').catch(e => e);
      expect(error.statusCode).toBe(503);
      expect(fetch).toHaveBeenCalledTimes(1);
    });

    it('stops waiting and asking when the signal is aborted during the wait', async () => {
      jest.useFakeTimers();
      try {
        const fetch = jest.fn(async () => unavailable());
        const client = new ServiceRegistryClient({
          discoveryApi,
          fetchApi: { fetch },
        });
        const controller = new AbortController();
        const answer = client
          .getGraph({ registry: 'other' }, { signal: controller.signal })
          .catch(e => e);
        // the first answer (503) came, the client waits 1 s before asking again
        await jest.advanceTimersByTimeAsync(500);
        expect(fetch).toHaveBeenCalledTimes(1);
        controller.abort();
        const error = await answer;
        expect(error.name).toBe('AbortError');
        // the remaining waits (1, 2, 4 and 8 s) pass without another request
        await jest.advanceTimersByTimeAsync(20_000);
        expect(fetch).toHaveBeenCalledTimes(1);
      } finally {
        jest.useRealTimers();
      }
    });

    it('asks nothing for a signal aborted already', async () => {
      const fetch = jest.fn(async () => unavailable());
      const client = new ServiceRegistryClient({
        discoveryApi,
        fetchApi: { fetch },
        retryDelaysMs: [0, 0],
      });
      const controller = new AbortController();
      controller.abort();
      const error = await client
        .getServiceSummary('shop-api', undefined, { signal: controller.signal })
        .catch(e => e);
      expect(error.name).toBe('AbortError');
      expect(fetch).not.toHaveBeenCalled();
    });

    it('does not ask again on other errors', async () => {
      const fetch = jest.fn(
        async () => new Response('{}', { status: 500, statusText: 'Oops' }),
      );
      const client = new ServiceRegistryClient({
        discoveryApi,
        fetchApi: { fetch },
        retryDelaysMs: [0, 0],
      });
      const error = await client.getGraph().catch(e => e);
      expect(error.statusCode).toBe(500);
      expect(fetch).toHaveBeenCalledTimes(1);
    });
  });
});
