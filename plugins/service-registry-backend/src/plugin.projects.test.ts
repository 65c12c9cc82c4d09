import request from 'supertest';
import { publishedFiles } from './__testUtils__/snapshotOfFiles';
import { startRegistryBackend } from './__testUtils__/startRegistryBackend';

/**
 * A registry with a real project named `global` (projects/global/) beside the global services
 * (services/catalog.toml): `:global` stands for the global services, `global` is the project.
 */
const FILES = [
  {
    path: 'services/catalog.toml',
    text: `[service.auth]
owner = "platform-team"
version = "1.2.3"
status = "ga"
colour = "blue"

[service.old-api]
owner = "platform-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2026-06-01"
replacement_service = "auth"

[service.legacy]
owner = "platform-team"
version = "1.0.0"
status = "deprecated"
deprecation_date = "2026-01-01"
sunset_date = "2026-06-01"
replacement_service = "auth"
`,
  },
  {
    path: 'projects/global/services.toml',
    text: `[project]
name = "Global Payments"
[service.glob-api]
owner = "glob-team"
version = "1.0.0"
status = "ga"
[service.glob-api.dependencies]
requires = ["old-api"]
`,
  },
  {
    path: 'projects/shop/services.toml',
    text: `[project]
name = "Shop"
[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
[service.shop-api.dependencies]
requires = ["legacy"]
`,
  },
];

async function start() {
  return startRegistryBackend(publishedFiles(FILES));
}

const api = '/api/service-registry';
const ids = (items: Array<{ id?: string; service?: string }>) =>
  items.map(i => i.id ?? i.service).sort();

describe('service-registry backend: the project filters and the global services', () => {
  it('reads `global` as a project and `:global` as the global services, on every endpoint', async () => {
    const { server } = await start();

    const project = await request(server).get(`${api}/projects/global/summary`);
    expect(project.body.project).toMatchObject({ id: 'global' });
    const globals = await request(server).get(
      `${api}/projects/%3Aglobal/summary`,
    );
    expect(ids(globals.body.services)).toEqual(['auth', 'legacy', 'old-api']);

    // deprecations: of the project or consumed by it / of the global services
    const depOfProject = await request(server).get(
      `${api}/deprecations?project=global`,
    );
    expect(ids(depOfProject.body.items)).toEqual(['old-api']);
    const depOfGlobals = await request(server).get(
      `${api}/deprecations?project=%3Aglobal`,
    );
    expect(ids(depOfGlobals.body.items)).toEqual(['legacy', 'old-api']);

    // SLA: the project's services / the global services
    const slaOfProject = await request(server).get(`${api}/sla?project=global`);
    expect(
      ids(slaOfProject.body.tiers.flatMap((t: any) => t.services)),
    ).toEqual(['glob-api']);
    const slaOfGlobals = await request(server).get(
      `${api}/sla?project=%3Aglobal`,
    );
    expect(
      ids(slaOfGlobals.body.tiers.flatMap((t: any) => t.services)),
    ).toEqual(['auth', 'legacy', 'old-api']);

    // findings: about the project's services / the global services and services/catalog.toml
    const findingsOfProject = await request(server).get(
      `${api}/findings?project=global`,
    );
    expect(findingsOfProject.body.items.length).toBeGreaterThan(0);
    expect(
      findingsOfProject.body.items.every((f: any) => f.service === 'glob-api'),
    ).toBe(true);
    const findingsOfGlobals = await request(server).get(
      `${api}/findings?project=%3Aglobal`,
    );
    expect(findingsOfGlobals.body.items.length).toBeGreaterThan(0);
    expect(
      findingsOfGlobals.body.items.every(
        (f: any) => f.file === 'services/catalog.toml',
      ),
    ).toBe(true);
    // the counts of the project page are those of the findings list
    expect(
      findingsOfGlobals.body.items.filter((f: any) => f.severity === 'warning')
        .length,
    ).toBe(globals.body.findings.warnings);
  });

  it('refuses an empty or malformed project filter with 400, saying what to give', async () => {
    const { server } = await start();
    for (const path of ['/findings', '/deprecations', '/sla']) {
      for (const value of ['', 'a%2Fb', '..', 'x'.repeat(64)]) {
        const res = await request(server).get(`${api}${path}?project=${value}`);
        expect([path, value, res.status]).toEqual([path, value, 400]);
        expect(res.body.error.message).toMatch(
          /^project: not a registry project id: give the project's folder name, or :global for the global services/,
        );
      }
    }
  });
});
