import { registryOf } from '../validation/__testUtils__/registryOf';
import { diffRegistries } from './diffRegistries';
import { BreakingChange, BreakingChangeKind } from './types';

const TODAY = '2026-01-15';

const diffOf = (
  files: (value: string) => Record<string, string>,
  before: string,
  after: string,
) =>
  diffRegistries(registryOf(files(before)), registryOf(files(after)), {
    today: TODAY,
  });

const changeOf = (
  changes: BreakingChange[],
  kind: BreakingChangeKind,
): BreakingChange => {
  const change = changes.find(c => c.kind === kind);
  if (!change) throw new Error(`no ${kind} change`);
  return change;
};

const impactOf = (change: BreakingChange) =>
  change.impact.services.map(s => [s.id, s.depth, s.project]);

describe('changeImpact: every project view of a consumer', () => {
  // gw is global and requires nothing; pa and pb each override it with a dependency on x
  const files = (version: string) => ({
    'services/catalog.toml': [
      '[service.x]',
      `version = "${version}"`,
      '[service.gw]',
      'version = "1.0.0"',
    ].join('\n'),
    'projects/pa/services.toml': [
      '[project]',
      'owner = "@pa-team"',
      '[service.gw]',
      'owner = "@pa-gw"',
      'dependencies.requires = ["x"]',
      '[service.pa-web]',
      'dependencies.requires = ["gw"]',
    ].join('\n'),
    'projects/pb/services.toml': [
      '[project]',
      'owner = "@pb-team"',
      '[service.gw]',
      'owner = "@pb-gw"',
      'dependencies.requires = ["x"]',
      '[service.pb-web]',
      'dependencies.requires = ["gw"]',
    ].join('\n'),
  });

  it("lists a consumer in each project whose view of it is affected, not the first project's only", () => {
    const diff = diffOf(files, '1.0.0', '2.0.0');
    const bump = changeOf(diff.breakingChanges, 'major-version-bump');
    expect(bump.affectedProjects).toEqual(['pa', 'pb']);
    expect(impactOf(bump)).toEqual([
      ['gw', 1, 'pa'],
      ['gw', 1, 'pb'],
      ['pa-web', 2, 'pa'],
      ['pb-web', 2, 'pb'],
    ]);
    expect(bump.impact.byProject.map(g => g.project)).toEqual(['pa', 'pb']);
    expect(bump.impact.counts).toEqual({
      services: 4,
      direct: 2,
      transitive: 2,
      projects: 2,
    });
    expect(
      bump.impact.services.map(s => [s.id, s.project, s.owner, s.via]),
    ).toEqual([
      ['gw', 'pa', '@pa-gw', 'x'],
      ['gw', 'pb', '@pb-gw', 'x'],
      // without an owner of its own, a service is its project owner's
      ['pa-web', 'pa', '@pa-team', 'gw'],
      ['pb-web', 'pb', '@pb-team', 'gw'],
    ]);
    expect(bump.approvers).toEqual(
      expect.arrayContaining(['@pa-gw', '@pb-gw', '@pa-team', '@pb-team']),
    );
    expect(diff.impactByService).toMatchObject([
      { service: 'x', affectedProjects: ['pa', 'pb'] },
    ]);
  });

  it.each([
    ['service-retired', 'status = "deprecated"', 'status = "retired"'],
    ['port-changed', 'port = 80', 'port = 90'],
  ] as const)(
    'lists every project view of the consumer for %s too',
    (kind, before, after) => {
      const withX = (line: string) => {
        const all = files('1.0.0');
        return {
          ...all,
          'services/catalog.toml': all['services/catalog.toml'].replace(
            'version = "1.0.0"',
            `version = "1.0.0"\n${line}`,
          ),
        };
      };
      const diff = diffOf(withX, before, after);
      const change = changeOf(diff.breakingChanges, kind);
      expect(change.affectedProjects).toEqual(['pa', 'pb']);
      expect(impactOf(change)).toEqual([
        ['gw', 1, 'pa'],
        ['gw', 1, 'pb'],
        ['pa-web', 2, 'pa'],
        ['pb-web', 2, 'pb'],
      ]);
    },
  );

  it("lists a project's view of a consumer at a greater depth than another project's view of it", () => {
    // pa's view of gw requires x directly, pb's through mid
    const deeper = (port: string) => ({
      'services/catalog.toml': [
        '[service.x]',
        `port = ${port}`,
        '[service.mid]',
        'dependencies.requires = ["x"]',
        '[service.gw]',
      ].join('\n'),
      'projects/pa/services.toml': [
        '[project]',
        '[service.gw]',
        'dependencies.requires = ["x"]',
      ].join('\n'),
      'projects/pb/services.toml': [
        '[project]',
        '[service.gw]',
        'dependencies.requires = ["mid"]',
      ].join('\n'),
    });
    const diff = diffOf(deeper, '80', '90');
    const ported = changeOf(diff.breakingChanges, 'port-changed');
    expect(impactOf(ported)).toEqual([
      ['gw', 1, 'pa'],
      ['mid', 1, null],
      ['gw', 2, 'pb'],
    ]);
    expect(ported.affectedProjects).toEqual(['pa', 'pb']);
  });
});

describe('changeImpact: the global declaration of a consumer and its project views', () => {
  // the global gw requires x through mid; pa's view of gw requires x directly
  const files = (port: string) => ({
    'services/catalog.toml': [
      '[service.x]',
      `port = ${port}`,
      '[service.mid]',
      'dependencies.requires = ["x"]',
      '[service.gw]',
      'dependencies.requires = ["mid"]',
      '[service.g]',
      'dependencies.requires = ["gw"]',
    ].join('\n'),
    'projects/pa/services.toml': [
      '[project]',
      '[service.gw]',
      'dependencies.requires = ["x"]',
    ].join('\n'),
  });

  it("lists the global declaration affected at a greater depth than a project's view of it", () => {
    const diff = diffOf(files, '80', '90');
    const ported = changeOf(diff.breakingChanges, 'port-changed');
    expect(
      ported.impact.services.map(s => [s.id, s.depth, s.project, s.via]),
    ).toEqual([
      ['gw', 1, 'pa', 'x'],
      ['mid', 1, null, 'x'],
      ['gw', 2, null, 'mid'],
      ['g', 3, null, 'gw'],
    ]);
    expect(ported.affectedProjects).toEqual(['pa']);
    expect(diff.impactByService).toMatchObject([
      { service: 'x', affectedServices: 3, directConsumers: 2 },
    ]);
  });
});

describe('changeImpact: a raised compat_version_min', () => {
  it('counts only the consumers whose range the new minimum leaves out, and their projects', () => {
    const files = (min: string) => ({
      'services/catalog.toml': [
        '[service.x]',
        'version = "2.0.0"',
        `compat_version_min = "${min}"`,
        '[service.g]',
        'dependencies.requires = ["pb-z"]',
      ].join('\n'),
      'projects/pa/services.toml': [
        '[project]',
        '[service.pa-y]',
        'dependencies.requires = ["x@>=1.0.0"]',
        '[service.pa-web]',
        'dependencies.requires = ["pa-y"]',
      ].join('\n'),
      'projects/pb/services.toml': [
        '[project]',
        '[service.pb-z]',
        'dependencies.requires = ["x@~1.2.0"]',
      ].join('\n'),
    });
    const diff = diffOf(files, '1.0.0', '1.5.0');
    const raised = changeOf(diff.breakingChanges, 'compat-min-raised');
    expect(raised.related).toEqual(['pb-z']);
    expect(raised.affectedProjects).toEqual(['pb']);
    // pa-y's range still accepts 1.5.0: neither it nor pa-web is affected
    expect(impactOf(raised)).toEqual([
      ['pb-z', 1, 'pb'],
      ['g', 2, null],
    ]);
    expect(diff.impactByService).toMatchObject([
      {
        service: 'x',
        affectedServices: 2,
        directConsumers: 1,
        affectedProjects: ['pb'],
      },
    ]);
  });

  it("counts a project's view of a global consumer whose override writes the range the minimum leaves out", () => {
    const files = (min: string) => ({
      'services/catalog.toml': [
        '[service.x]',
        'version = "2.0.0"',
        `compat_version_min = "${min}"`,
        '[service.gw]',
        'dependencies.requires = ["x@>=1.0.0"]',
        '[service.g]',
        'dependencies.requires = ["gw"]',
      ].join('\n'),
      'projects/pa/services.toml': [
        '[project]',
        '[service.gw]',
        'dependencies.requires = ["x@~1.2.0"]',
        '[service.pa-web]',
        'dependencies.requires = ["gw"]',
      ].join('\n'),
    });
    const diff = diffOf(files, '1.0.0', '1.5.0');
    const raised = changeOf(diff.breakingChanges, 'compat-min-raised');
    expect(raised.message).toContain('"gw" (~1.2.0 in project "pa")');
    expect(raised.related).toEqual(['gw']);
    expect(raised.affectedProjects).toEqual(['pa']);
    // the global gw (and g, which uses it) still accept 1.5.0; pa's view of gw and pa-web do not
    expect(impactOf(raised)).toEqual([
      ['gw', 1, 'pa'],
      ['pa-web', 2, 'pa'],
    ]);
  });

  it('counts the same consumers in a notice-not-honoured change that comes with the raise', () => {
    const files = (min: string) => ({
      'services/catalog.toml': [
        '[service.x]',
        'version = "2.0.0"',
        `compat_version_min = "${min}"`,
        'governance.break_changes_notice = 30',
      ].join('\n'),
      'projects/pa/services.toml': [
        '[project]',
        '[service.pa-y]',
        'dependencies.requires = ["x@>=1.0.0"]',
      ].join('\n'),
      'projects/pb/services.toml': [
        '[project]',
        '[service.pb-z]',
        'dependencies.requires = ["x@~1.2.0"]',
      ].join('\n'),
    });
    const diff = diffOf(files, '1.0.0', '1.5.0');
    expect(
      diff.breakingChanges.map(c => [c.kind, c.affectedProjects, impactOf(c)]),
    ).toEqual([
      ['compat-min-raised', ['pb'], [['pb-z', 1, 'pb']]],
      ['notice-not-honoured', ['pb'], [['pb-z', 1, 'pb']]],
    ]);
  });
});

describe('changeImpact: retired consumers', () => {
  // gw (global) requires x; pa retires its view of gw, pb keeps it running
  const files = (version: string) => ({
    'services/catalog.toml': [
      '[service.x]',
      `version = "${version}"`,
      '[service.gw]',
      'dependencies.requires = ["x"]',
      '[service.app]',
      'dependencies.requires = ["gw"]',
    ].join('\n'),
    'projects/pa/services.toml': [
      '[project]',
      'owner = "@pa-team"',
      '[service.gw]',
      'status = "retired"',
      '[service.pa-web]',
      'dependencies.requires = ["gw"]',
    ].join('\n'),
    'projects/pb/services.toml': [
      '[project]',
      'owner = "@pb-team"',
      '[service.gw]',
      'owner = "@pb-gw"',
      '[service.pb-web]',
      'dependencies.requires = ["gw"]',
      '[service.pb-old]',
      'status = "retired"',
      'dependencies.requires = ["gw", "x"]',
    ].join('\n'),
  });

  it("leaves out a project's retired view of a consumer, and retired services, keeping the other views", () => {
    const diff = diffOf(files, '1.0.0', '2.0.0');
    const bump = changeOf(diff.breakingChanges, 'major-version-bump');
    // the global declaration of gw stands for pb's view; pa's view, pa-web and pb-old are out
    expect(impactOf(bump)).toEqual([
      ['gw', 1, null],
      ['app', 2, null],
      ['pb-web', 2, 'pb'],
    ]);
    expect(bump.affectedProjects).toEqual(['pb']);
    expect(bump.approvers).not.toContain('@pa-team');
  });
});
