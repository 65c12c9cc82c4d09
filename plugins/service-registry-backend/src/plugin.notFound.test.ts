import { registryNotFoundKind } from '@service-registry/plugin-service-registry-common';
import request from 'supertest';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

/*
 * The portal's cards show "Not in the service registry" for a service or project the registry
 * lacks, and an error for anything else (an unknown registry above all): they read what a 404 did
 * not find from its message with registryNotFoundKind. Every 404 the backend answers must read
 * back as what it did not find.
 */
const FILES = [
  {
    path: 'projects/shop/services.toml',
    text: `[project]
name = "Shop"

[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
`,
  },
];

const api = '/api/service-registry';

describe('service-registry backend: its 404 answers', () => {
  it('say what they did not find, in words the portal reads back', async () => {
    const { server } = await startRegistryBackend(publishedFiles(FILES));
    const cases: Array<[string, string]> = [
      [`${api}/services/ghost`, 'service'],
      [`${api}/services/ghost/summary`, 'service'],
      [`${api}/graph?service=ghost`, 'service'],
      [`${api}/impact/ghost`, 'service'],
      [`${api}/sla/ghost`, 'service'],
      [`${api}/deprecations/ghost`, 'service'],
      [`${api}/deprecations/ghost/history`, 'service'],
      [`${api}/openslo?service=ghost`, 'service'],
      [`${api}/services/ghost/deprecated-dependencies`, 'service'],
      [`${api}/deprecations/shop-api`, 'not-deprecated'],
      [`${api}/projects/ghost/summary`, 'project'],
      [`${api}/projects/%3Aglobal/summary`, 'project'],
      [`${api}/services/shop-api/summary?registry=renamed`, 'registry'],
      [`${api}/graph?registry=renamed`, 'registry'],
      [`${api}/findings?registry=renamed`, 'registry'],
    ];
    const answers = [];
    for (const [url] of cases) {
      const res = await request(server).get(url);
      answers.push([
        url,
        res.status,
        registryNotFoundKind(res.body?.error?.message ?? ''),
      ]);
    }
    expect(answers).toEqual(cases.map(([url, kind]) => [url, 404, kind]));
  });
});
