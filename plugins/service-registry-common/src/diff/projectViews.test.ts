import { registryOf } from '../validation/__testUtils__/registryOf';
import { diffRegistries } from './diffRegistries';

const TODAY = '2026-01-20';

const catalog = [
  '[service.shared-auth]',
  'owner = "@platform"',
  'version = "1.2.0"',
  'port = 80',
  '[service.gateway]',
  'dependencies.requires = ["cache"]',
  '[service.cache]',
  '[service.vault]',
  '[service.billing]',
  'owner = "@billing"',
  'dependencies.requires = ["shared-auth"]',
].join('\n');

function registry(pa: string[], global = catalog) {
  return registryOf({
    'services/catalog.toml': global,
    'projects/pa/services.toml': [
      '[project]',
      'owner = "@pa-team"',
      ...pa,
      '[service.pa-api]',
      'owner = "@pa-api-team"',
      'dependencies.requires = ["shared-auth", "gateway"]',
    ].join('\n'),
    'projects/pb/services.toml': [
      '[project]',
      '[service.pb-api]',
      'dependencies.requires = ["shared-auth"]',
    ].join('\n'),
  });
}

describe('diff of project overrides', () => {
  it("reports a change to an override as a change of that project's view, breaking its consumers there", () => {
    const base = registry(['[service.shared-auth]', 'port = 81']);
    const head = registry(['[service.shared-auth]', 'port = 82']);
    const diff = diffRegistries(base, head, { today: TODAY });
    expect(diff.changed).toEqual([
      {
        service: 'shared-auth',
        project: 'pa',
        override: true,
        changes: [{ path: 'port', before: 81, after: 82 }],
      },
    ]);
    expect(diff.breakingChanges).toHaveLength(1);
    const change = diff.breakingChanges[0];
    expect(change).toMatchObject({
      kind: 'port-changed',
      service: 'shared-auth',
      project: 'pa',
      position: { file: 'projects/pa/services.toml', line: 4, column: 1 },
      affectedProjects: ['pa'],
      approvers: ['@pa-api-team', '@pa-team'],
    });
    expect(change.message).toBe(
      'In project "pa": Service "shared-auth" moves from port 81 to port 82: consumers that call it on 81 break. Serve both ports during a migration window, or coordinate the change with its consumers.',
    );
    expect(change.impact.services.map(s => [s.id, s.project])).toEqual([
      ['pa-api', 'pa'],
    ]);
    expect(diff.impactByService).toEqual([
      {
        service: 'shared-auth',
        kinds: ['port-changed'],
        affectedServices: 1,
        directConsumers: 1,
        affectedProjects: ['pa'],
        approvers: ['@pa-api-team', '@pa-team'],
      },
    ]);
  });

  it('reports a dependency removed from an override', () => {
    const base = registry([
      '[service.gateway]',
      'dependencies.requires = ["cache", "vault"]',
    ]);
    const head = registry([
      '[service.gateway]',
      'dependencies.requires = ["cache"]',
    ]);
    const diff = diffRegistries(base, head, { today: TODAY });
    expect(diff.changed).toEqual([
      {
        service: 'gateway',
        project: 'pa',
        override: true,
        changes: [
          {
            path: 'dependencies.requires',
            before: ['cache', 'vault'],
            after: ['cache'],
          },
        ],
      },
    ]);
    expect(
      diff.breakingChanges.map(c => [
        c.kind,
        c.service,
        c.project,
        c.related,
        c.position.file,
        c.position.line,
        c.affectedProjects,
      ]),
    ).toEqual([
      [
        'dependency-removed',
        'gateway',
        'pa',
        ['vault'],
        'projects/pa/services.toml',
        4,
        ['pa'],
      ],
    ]);
  });

  it('reports a global change once, with the consumers of every project that inherits it', () => {
    const pa = ['[service.shared-auth]', 'version = "1.2.0"'];
    const base = registry(pa);
    const head = registry(pa, catalog.replace('port = 80', 'port = 90'));
    const diff = diffRegistries(base, head, { today: TODAY });
    expect(diff.changed.map(c => [c.service, c.project])).toEqual([
      ['shared-auth', undefined],
    ]);
    expect(
      diff.breakingChanges.map(c => [c.kind, c.service, c.project]),
    ).toEqual([['port-changed', 'shared-auth', undefined]]);
    expect(
      diff.breakingChanges[0].impact.services.map(s => s.id).sort(),
    ).toEqual(['billing', 'pa-api', 'pb-api']);
  });

  it('leaves out of a global change the consumers of a project whose override keeps the old value', () => {
    const pa = ['[service.shared-auth]', 'port = 80'];
    const base = registry(pa);
    const head = registry(pa, catalog.replace('port = 80', 'port = 90'));
    const diff = diffRegistries(base, head, { today: TODAY });
    expect(
      diff.breakingChanges.map(c => [c.kind, c.service, c.project]),
    ).toEqual([['port-changed', 'shared-auth', undefined]]);
    expect(
      diff.breakingChanges[0].impact.services.map(s => s.id).sort(),
    ).toEqual(['billing', 'pb-api']);
  });

  it('reports retiring a service in one project only for the consumers there', () => {
    const base = registry(['[service.shared-auth]', 'status = "deprecated"']);
    const head = registry(['[service.shared-auth]', 'status = "retired"']);
    const diff = diffRegistries(base, head, { today: TODAY });
    expect(diff.breakingChanges).toMatchObject([
      {
        kind: 'service-retired',
        service: 'shared-auth',
        project: 'pa',
        related: ['pa-api'],
        position: { file: 'projects/pa/services.toml', line: 4, column: 1 },
      },
    ]);
    expect(diff.breakingChanges[0].message).toContain(
      'In project "pa": Service "shared-auth" was retired while 1 service still requires it ("pa-api")',
    );
  });
});
