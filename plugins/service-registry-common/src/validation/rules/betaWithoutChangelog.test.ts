import { catalog, runRule } from '../__testUtils__/registryOf';
import { betaWithoutChangelog } from './betaWithoutChangelog';

describe('betaWithoutChangelog', () => {
  it('warns about a beta service without governance.change_log, at its status', () => {
    expect(
      runRule(
        betaWithoutChangelog,
        catalog(
          '[service.tracker]',
          'version = "1.0.0-beta.1"',
          'status = "beta"',
          '[service.tracker.governance]',
          'approvers = ["@team"]',
        ),
      ),
    ).toEqual([
      {
        severity: 'warning',
        code: 'lifecycle/beta-without-changelog',
        message:
          'Service "tracker" is beta without a governance.change_log: the lifecycle requires a changelog in beta, where breaking changes come with notice (30 days, unless its governance.break_changes_notice or the policies\' change_control.beta_change_notice_days say otherwise) and early adopters need to follow them. Add change_log = "<link to the changelog>" under [service.tracker.governance].',
        file: 'services/catalog.toml',
        line: 3,
        column: 1,
        service: 'tracker',
      },
    ]);
  });

  it('counts a blank change_log as none', () => {
    expect(
      runRule(
        betaWithoutChangelog,
        catalog(
          '[service.a]',
          'status = "beta"',
          'governance.change_log = " "',
        ),
      ).map(f => f.code),
    ).toEqual(['lifecycle/beta-without-changelog']);
  });

  it('accepts a beta service with a changelog, and services in other stages without one', () => {
    expect(
      runRule(
        betaWithoutChangelog,
        catalog(
          '[service.a]',
          'status = "beta"',
          'governance.change_log = "https://example.com/a/CHANGELOG.md"',
          '[service.b]',
          'status = "ga"',
          '[service.c]',
          'status = "development"',
          '[service.d]',
        ),
      ),
    ).toEqual([]);
  });

  it('leaves a change_log of the wrong type to the schema error', () => {
    expect(
      runRule(
        betaWithoutChangelog,
        catalog('[service.a]', 'status = "beta"', 'governance.change_log = 3'),
      ),
    ).toEqual([]);
  });

  it('reports a project that sets a global service back to beta, in its project', () => {
    const findings = runRule(betaWithoutChangelog, {
      'services/catalog.toml': ['[service.search]', 'status = "ga"'].join('\n'),
      'projects/shop/services.toml': [
        '[project]',
        '[service.search]',
        'status = "beta"',
      ].join('\n'),
    });
    expect(findings.map(f => [f.file, f.line, f.project])).toEqual([
      ['projects/shop/services.toml', 3, 'shop'],
    ]);
    expect(findings[0].message).toMatch(
      /^In project "shop": Service "search" is beta/,
    );
  });
});
