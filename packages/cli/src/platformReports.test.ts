import path from 'node:path';
import { useBuiltCli } from './__testUtils__/builtCli';
import {
  cli,
  git,
  initRepository,
  VALID_REGISTRY as VALID,
  writeFiles,
} from './__testUtils__/cliProcess';

jest.setTimeout(60_000);

const tmp = useBuiltCli('platform-reports-test-');

/** A git repository whose registry is in `registry/`, with `files` committed on main. */
function repository(name: string, files: Record<string, string>) {
  const root = path.join(tmp.root, name);
  writeFiles(path.join(root, 'registry'), files);
  initRepository(root);
  return root;
}

const MISSING_SHOP_DB = {
  ...VALID,
  'projects/shop/services.toml': VALID['projects/shop/services.toml'].replace(
    'requires = ["shop-api"]',
    'requires = ["shop-api", "shop-db"]',
  ),
};

/** The report `--format gitlab` printed, checked to be a JSON array of Code Quality issues. */
function report(stdout: string): any[] {
  const issues = JSON.parse(stdout);
  expect(Array.isArray(issues)).toBe(true);
  for (const issue of issues) {
    expect(issue).toEqual({
      description: expect.any(String),
      check_name: expect.any(String),
      fingerprint: expect.stringMatching(/^[0-9a-f]{32}$/),
      severity: expect.stringMatching(/^(info|minor|major|critical|blocker)$/),
      location: {
        path: expect.any(String),
        positions: {
          begin: { line: expect.any(Number), column: expect.any(Number) },
        },
      },
    });
  }
  return issues;
}

describe('--format gitlab (a GitLab Code Quality report)', () => {
  it('validate: each finding at its path from the repository root, line and column; an error is major and fails the job', () => {
    const root = repository('validate', MISSING_SHOP_DB);
    for (const [cwd, dir] of [
      [root, 'registry'],
      [path.join(root, 'registry'), '.'],
    ]) {
      const run = cli(['validate', dir, '--format', 'gitlab'], cwd);
      expect(run.code).toBe(1);
      expect(report(run.stdout)).toEqual([
        expect.objectContaining({
          check_name: 'dependency/missing-required',
          severity: 'major',
          description: expect.stringContaining('shop-db'),
          location: {
            path: 'registry/projects/shop/services.toml',
            positions: { begin: { line: 17, column: expect.any(Number) } },
          },
        }),
      ]);
    }
    // a valid registry: an empty report, and the job passes
    const valid = repository('valid', VALID);
    const clean = cli(['validate', 'registry', '--format', 'gitlab'], valid);
    expect(clean.code).toBe(0);
    expect(report(clean.stdout)).toEqual([]);
  });

  it('validate: a fingerprint follows the problem, not its line, so GitLab sees it as the same issue after lines are added above it', () => {
    const root = repository('moved', MISSING_SHOP_DB);
    const before = report(
      cli(['validate', 'registry', '--format', 'gitlab'], root).stdout,
    );
    writeFiles(path.join(root, 'registry'), {
      'projects/shop/services.toml': `# the shop's services\n\n${MISSING_SHOP_DB['projects/shop/services.toml']}`,
    });
    const after = report(
      cli(['validate', 'registry', '--format', 'gitlab'], root).stdout,
    );
    expect(after[0].location.positions.begin.line).toBe(19);
    expect(after[0].fingerprint).toBe(before[0].fingerprint);

    // another missing dependency is another issue
    writeFiles(path.join(root, 'registry'), {
      'projects/shop/services.toml': MISSING_SHOP_DB[
        'projects/shop/services.toml'
      ].replace('"shop-db"]', '"shop-db", "shop-cache"]'),
    });
    const two = report(
      cli(['validate', 'registry', '--format', 'gitlab'], root).stdout,
    );
    expect(two).toHaveLength(2);
    expect(new Set(two.map(issue => issue.fingerprint)).size).toBe(2);
  });

  it("diff: what the change brings (breaking changes with their impact, a removed service at its file's first line) and head's findings", () => {
    const root = repository('diff', {
      ...VALID,
      'projects/shop/services.toml': `${VALID['projects/shop/services.toml']}
[service.shop-admin]
owner = "shop-team"
version = "1.0.0"
status = "ga"
`,
      'projects/ops/services.toml': `[project]
name = "Ops"

[service.ops-reports]
owner = "ops-team"
version = "1.0.0"
status = "ga"
[service.ops-reports.dependencies]
requires = ["shop-admin"]
`,
    });
    git(root, 'checkout', '-qb', 'feature');
    writeFiles(path.join(root, 'registry'), {
      'services/catalog.toml': VALID['services/catalog.toml'].replace(
        'port = 8080',
        'port = 9090',
      ),
      // shop-admin removed; shop-web now requires a service nobody declares
      'projects/shop/services.toml':
        MISSING_SHOP_DB['projects/shop/services.toml'],
    });
    const run = cli(['diff', 'main', 'registry', '--format', 'gitlab'], root);
    expect(run.code).toBe(1);
    const issues = report(run.stdout);
    expect(issues).toEqual([
      expect.objectContaining({
        check_name: 'breaking/port-changed',
        severity: 'minor',
        description: expect.stringMatching(
          /port 8080 to port 9090.* Affects 2 services in 1 project; approvers: shop-team\. No migration guide: set migration\.guide_url\.$/,
        ),
        location: {
          path: 'registry/services/catalog.toml',
          positions: { begin: { line: 5, column: 1 } },
        },
      }),
      expect.objectContaining({
        check_name: 'breaking/service-removed',
        description: expect.stringMatching(
          /shop-admin.*\(It was declared at projects\/shop\/services\.toml:19:1 in main:registry\.\)$/,
        ),
        location: {
          path: 'registry/projects/shop/services.toml',
          positions: { begin: { line: 1, column: 1 } },
        },
      }),
      expect.objectContaining({ check_name: 'dependency/missing-required' }),
      expect.objectContaining({ check_name: 'dependency/missing-required' }),
    ]);
    expect(
      issues
        .slice(2)
        .map(issue => issue.description)
        .sort(),
    ).toEqual([
      expect.stringContaining('"ops-reports" requires "shop-admin"'),
      expect.stringContaining('"shop-web" requires "shop-db"'),
    ]);
  });
});

describe('--format sarif (for GitHub code scanning)', () => {
  it('validate and diff: every finding and change as a result at its path from the repository root, line and column', () => {
    const root = repository('sarif', VALID);
    git(root, 'checkout', '-qb', 'feature');
    writeFiles(path.join(root, 'registry'), MISSING_SHOP_DB);
    writeFiles(path.join(root, 'registry'), {
      'services/catalog.toml': VALID['services/catalog.toml'].replace(
        'port = 8080',
        'port = 9090',
      ),
    });
    const results = (args: string[]) => {
      const run = cli([...args, '--format', 'sarif'], root);
      expect(run.code).toBe(1);
      const log = JSON.parse(run.stdout);
      expect(log.version).toBe('2.1.0');
      return log.runs[0].results.map((r: any) => ({
        rule: r.ruleId,
        level: r.level,
        uri: r.locations[0].physicalLocation.artifactLocation.uri,
        line: r.locations[0].physicalLocation.region.startLine,
      }));
    };
    expect(results(['validate', 'registry'])).toEqual([
      {
        rule: 'dependency/missing-required',
        level: 'error',
        uri: 'registry/projects/shop/services.toml',
        line: 17,
      },
    ]);
    expect(results(['diff', 'main', 'registry'])).toEqual([
      {
        rule: 'breaking/port-changed',
        level: 'warning',
        uri: 'registry/services/catalog.toml',
        line: 5,
      },
      {
        rule: 'dependency/missing-required',
        level: 'error',
        uri: 'registry/projects/shop/services.toml',
        line: 17,
      },
    ]);
  });
});
