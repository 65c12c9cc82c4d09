import { pendingChangesOfService } from './pendingChangesOfService';
import { PendingChange } from './pendingChangesResponse';

/** A pending change on `branch` with the given parts (nothing else). */
function change(branch: string, parts: Partial<PendingChange>): PendingChange {
  return {
    branch,
    commit: 'b'.repeat(40),
    base: 'a'.repeat(40),
    subject: branch,
    author: 'Ana Platform',
    date: '2026-12-06T10:00:00+00:00',
    added: [],
    removed: [],
    changed: [],
    breakingChanges: [],
    findings: { errors: 0, warnings: 0 },
    newFindings: { errors: 0, warnings: 0, listed: [] },
    unreadFiles: [],
    ...parts,
  };
}

const breaking = (service: string, kind: string, consumers: string[]) => ({
  kind,
  service,
  message: `${service}: ${kind}`,
  affectedProjects: [],
  affectedServices: consumers.length,
  consumers,
});

describe('pendingChangesOfService', () => {
  const changes = [
    change('service-registry/bump-auth', {
      changed: ['shared-auth'],
      breakingChanges: [
        breaking('shared-auth', 'major-version-bump', ['pa-api', 'pa-web']),
        breaking('shared-auth', 'port-changed', ['pa-api', 'pa-web']),
      ],
    }),
    change('service-registry/add-pa-job', { added: ['pa-job'] }),
    change('service-registry/drop-billing', {
      removed: ['billing'],
      breakingChanges: [breaking('billing', 'service-removed', ['pa-api'])],
    }),
  ];

  it('finds the changes of the service itself, with the kinds of its breaking changes', () => {
    expect(pendingChangesOfService(changes, 'shared-auth')).toEqual([
      {
        change: changes[0],
        own: 'changed',
        breaks: ['major-version-bump', 'port-changed'],
        breaksDependencies: [],
      },
    ]);
    expect(
      pendingChangesOfService(changes, 'pa-job').map(f => [
        f.change.branch,
        f.own,
      ]),
    ).toEqual([['service-registry/add-pa-job', 'added']]);
  });

  it('finds the changes that break what the service depends on', () => {
    expect(
      pendingChangesOfService(changes, 'pa-api').map(f => [
        f.change.branch,
        f.own,
        f.breaksDependencies,
      ]),
    ).toEqual([
      ['service-registry/bump-auth', undefined, ['shared-auth']],
      ['service-registry/drop-billing', undefined, ['billing']],
    ]);
  });

  it('finds nothing for a service no change concerns', () => {
    expect(pendingChangesOfService(changes, 'orders')).toEqual([]);
  });
});
