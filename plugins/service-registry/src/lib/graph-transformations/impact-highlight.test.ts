import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { demoImpactOfAuth } from '../../testUtils/graphFixture';
import { impactHighlight, isImpactEdge } from './impact-highlight';

describe('impactHighlight', () => {
  const highlight = impactHighlight(demoImpactOfAuth());

  it('collects the affected services and counts them per project', () => {
    expect([...highlight.affected].sort()).toEqual([
      'api',
      'checkout',
      'pay-v2',
      'reporting',
      'shipping',
      'web',
    ]);
    expect(highlight.perProject).toEqual([
      { project: 'project-a', count: 3, direct: 1 },
      { project: GLOBAL_PROJECT_ID, count: 1, direct: 1 },
      { project: 'project-b', count: 1, direct: 0 },
      { project: 'project-c', count: 1, direct: 1 },
    ]);
  });

  it('highlights the edges along which the change propagates', () => {
    expect(isImpactEdge(highlight, 'api', 'auth')).toBe(true);
    expect(isImpactEdge(highlight, 'checkout', 'api')).toBe(true);
    expect(isImpactEdge(highlight, 'reporting', 'ghost')).toBe(false);
    expect(isImpactEdge(highlight, 'shipping', 'legacy')).toBe(false);
  });

  it('counts a project named global apart from the global services', () => {
    const report = demoImpactOfAuth();
    const renamed = report.byProject.map(group =>
      group.project === 'project-b'
        ? {
            project: 'global',
            services: group.services.map(x => ({ ...x, project: 'global' })),
          }
        : group,
    );
    expect(
      impactHighlight({ ...report, byProject: renamed }).perProject,
    ).toEqual([
      { project: 'project-a', count: 3, direct: 1 },
      { project: GLOBAL_PROJECT_ID, count: 1, direct: 1 },
      { project: 'global', count: 1, direct: 0 },
      { project: 'project-c', count: 1, direct: 1 },
    ]);
  });
});
