import { projectAToml, sharedAuthToml } from '@service-registry/test-support';
import { loadRegistry } from '../load/buildRegistry';
import { summarizePendingChange } from './summarizePendingChange';

const registry = (files: Record<string, string>) =>
  loadRegistry(Object.entries(files).map(([path, text]) => ({ path, text })));

describe('summarizePendingChange', () => {
  it('lists what a change adds, removes and changes, its breaking changes with their reach, and its findings', () => {
    const base = registry({
      'services/catalog.toml': `${sharedAuthToml(
        8000,
      )}\n[service.old-job]\nowner = "ops"\n`,
      'projects/project-a/services.toml': projectAToml(),
    });
    const head = registry({
      'services/catalog.toml': sharedAuthToml(9000),
      'projects/project-a/services.toml': projectAToml(`
[service.pa-web]
version = "0.1.0"
[service.pa-web.dependencies]
requires = ["billing"]
`),
    });
    expect(summarizePendingChange(base, head, { today: '2026-12-06' })).toEqual(
      {
        added: ['pa-web'],
        removed: ['old-job'],
        changed: ['shared-auth'],
        breakingChanges: [
          {
            kind: 'port-changed',
            service: 'shared-auth',
            message: expect.stringContaining('8000'),
            affectedProjects: ['project-a'],
            affectedServices: 1,
            consumers: ['pa-api'],
          },
        ],
        // pa-web requires billing, which no one declares
        findings: { errors: 1, warnings: expect.any(Number) },
      },
    );
  });

  it('finds nothing in a change that changes nothing', () => {
    const files = {
      'services/catalog.toml': sharedAuthToml(8000),
      'projects/project-a/services.toml': projectAToml(),
    };
    expect(
      summarizePendingChange(registry(files), registry(files), {
        today: '2026-12-06',
      }),
    ).toMatchObject({
      added: [],
      removed: [],
      changed: [],
      breakingChanges: [],
      findings: { errors: 0 },
    });
  });
});
