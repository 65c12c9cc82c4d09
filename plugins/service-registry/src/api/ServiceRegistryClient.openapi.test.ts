import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ServiceRegistryApi } from './ServiceRegistryApi';
import { ServiceRegistryClient } from './ServiceRegistryClient';

/*
 * The client asks only what the backend's OpenAPI description (`src/schema/openapi.yaml` of the
 * backend plugin, written from the router's request schemas) says the API takes: every request
 * of every method, with every option given, is an operation of the description, with parameters
 * it lists and values its schemas allow. A renamed option or a parameter the backend does not
 * know (which it answers `400`) fails here rather than in the portal.
 */

interface ParameterSchema {
  enum?: string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
}
interface Operation {
  parameters?: Array<{ name: string; in: string; schema: ParameterSchema }>;
}
const DESCRIPTION = parse(
  fs.readFileSync(
    path.resolve(
      __dirname,
      '../../../service-registry-backend/src/schema/openapi.yaml',
    ),
    'utf8',
  ),
) as { paths: Record<string, Record<string, Operation>> };

const BASE = 'http://backend/api/service-registry';

/** Every method of the API, called with every option it takes. */
const CALLS: {
  [M in keyof ServiceRegistryApi]: (
    api: ServiceRegistryApi,
  ) => Promise<unknown>;
} = {
  getGraph: api =>
    api.getGraph({ registry: 'staging', service: 'old-api', depth: 3 }),
  getImpact: api =>
    api.getImpact('old-api', {
      registry: 'staging',
      includeOptional: true,
      maxDepth: 4,
    }),
  getFindings: api =>
    api.getFindings({
      registry: 'staging',
      service: 'old-api',
      project: ':global',
      owner: '@platform-team',
      severity: 'warning',
      file: 'services/catalog.toml',
    }),
  getDeprecations: api =>
    api.getDeprecations({
      registry: 'staging',
      today: '2026-12-06',
      project: 'shop',
      owner: 'shop-team',
      status: 'at-risk',
    }),
  getDeprecation: api =>
    api.getDeprecation('old-api', { registry: 'staging', today: '2026-12-06' }),
  getDeprecatedDependencies: api =>
    api.getDeprecatedDependencies('shop-api', {
      registry: 'staging',
      today: '2026-12-06',
    }),
  getSlaOverview: api =>
    api.getSlaOverview({
      registry: 'staging',
      project: 'shop',
      tier: 'critical',
      owner: 'shop-team',
    }),
  getServiceSla: api => api.getServiceSla('old-api', { registry: 'staging' }),
  getReminderStatus: api =>
    api.getReminderStatus('old-api', { registry: 'staging' }),
  remindConsumers: api =>
    api.remindConsumers('old-api', { registry: 'staging' }),
  getServiceSummary: api =>
    api.getServiceSummary('old-api', { registry: 'staging' }),
  getProjectSummary: api =>
    api.getProjectSummary(':global', { registry: 'staging' }),
  getPendingChanges: api => api.getPendingChanges({ today: '2026-12-06' }),
};

/** The operation of the description a request is, and what is wrong with its parameters. */
function describeRequest(method: string, url: string): string[] {
  const { pathname, searchParams } = new URL(url);
  const requestPath = pathname.slice(new URL(BASE).pathname.length);
  const match = Object.entries(DESCRIPTION.paths).find(
    ([template, item]) =>
      item[method.toLowerCase()] &&
      new RegExp(`^${template.replace(/\{[A-Za-z]+\}/g, '[^/]+')}$`).test(
        requestPath,
      ),
  );
  if (!match) return [`${method} ${requestPath}: no such operation`];
  const [template, item] = match;
  const listed = new Map(
    (item[method.toLowerCase()].parameters ?? [])
      .filter(p => p.in === 'query')
      .map(p => [p.name, p.schema]),
  );
  const problems: string[] = [];
  for (const [name, value] of searchParams) {
    const schema = listed.get(name);
    const where = `${method} ${template}?${name}=${value}`;
    if (!schema) problems.push(`${where}: not a parameter of the operation`);
    else if (schema.enum && !schema.enum.includes(value)) {
      problems.push(`${where}: not one of ${schema.enum.join(', ')}`);
    } else if (schema.pattern && !new RegExp(schema.pattern).test(value)) {
      problems.push(`${where}: does not match ${schema.pattern}`);
    } else if (
      value.length < (schema.minLength ?? 0) ||
      value.length > (schema.maxLength ?? Infinity)
    ) {
      problems.push(`${where}: of a length the operation does not take`);
    }
  }
  return problems;
}

describe("ServiceRegistryClient against the backend's OpenAPI description", () => {
  it.each(Object.keys(CALLS) as Array<keyof ServiceRegistryApi>)(
    '%s asks an operation of the description, with parameters it lists',
    async name => {
      const requests: Array<{ method: string; url: string }> = [];
      const client = new ServiceRegistryClient({
        discoveryApi: { getBaseUrl: async () => BASE },
        fetchApi: {
          fetch: async (url: RequestInfo | URL, init?: RequestInit) => {
            requests.push({ method: init?.method ?? 'GET', url: String(url) });
            return new Response('{}', { status: 200 });
          },
        },
      });
      await CALLS[name](client);
      expect(requests).toHaveLength(1);
      expect(requests.flatMap(r => describeRequest(r.method, r.url))).toEqual(
        [],
      );
      // every option became a parameter: none was dropped on the way
      expect(new URL(requests[0].url).searchParams.size).toBeGreaterThan(0);
    },
  );

  it('tells a request the description does not have from one it has', () => {
    expect(describeRequest('GET', `${BASE}/graph?registry=a&depth=2`)).toEqual(
      [],
    );
    expect(describeRequest('GET', `${BASE}/graph?registry=a&deep=2`)).toEqual([
      'GET /graph?deep=2: not a parameter of the operation',
    ]);
    expect(
      describeRequest('GET', `${BASE}/impact/x?includeOptional=yes`),
    ).toEqual([
      'GET /impact/{service}?includeOptional=yes: not one of true, false',
    ]);
    expect(describeRequest('POST', `${BASE}/graph`)).toEqual([
      'POST /graph: no such operation',
    ]);
  });
});
