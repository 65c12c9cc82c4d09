import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin } from './__testUtils__/buildCli';
import { useBuiltCli } from './__testUtils__/builtCli';
import {
  cli,
  VALID_REGISTRY as VALID,
  writeFiles as writeRegistry,
} from './__testUtils__/cliProcess';

jest.setTimeout(60_000);

const tmp = useBuiltCli('cli-test-');

function registry(name: string, files: Record<string, string>) {
  const dir = path.join(tmp.root, name);
  writeRegistry(dir, files);
  return dir;
}

describe('service-registry validate', () => {
  it('exits 0 on a valid registry and says so', () => {
    const dir = registry('valid', VALID);
    const { code, stdout } = cli(['validate', '.'], dir);
    expect(stdout).toContain('✔ 0 errors, 0 warnings');
    expect(code).toBe(0);
  });

  it('runs from the TypeScript sources inside the monorepo (yarn service-registry)', () => {
    // Without SERVICE_REGISTRY_CLI_RUN_BUNDLE the executable ignores dist/, which may be older
    // than the sources, and runs them through Backstage's node transform.
    const dir = registry('valid-sources', VALID);
    const { code, stdout, stderr } = cli(['validate', '.'], dir, {
      SERVICE_REGISTRY_CLI_RUN_BUNDLE: undefined,
    });
    expect(stderr).toBe('');
    expect(stdout).toContain('✔ 0 errors, 0 warnings');
    expect(code).toBe(0);
  });

  it('exits 1 with the missing dependency at its file:line:col in every format', () => {
    const dir = registry('missing', {
      ...VALID,
      'projects/shop/services.toml': VALID[
        'projects/shop/services.toml'
      ].replace(
        'requires = ["shop-api"]',
        'requires = ["shop-api", "shop-db"]',
      ),
    });

    const text = cli(['validate', '.'], dir);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /projects\/shop\/services\.toml:17:\d+ +error +.*shop-db.*dependency\/missing-required/,
    );
    expect(text.stdout).toContain('✖ 1 error');

    const json = cli(['validate', '.', '--format', 'json'], dir);
    expect(json.code).toBe(1);
    const doc = JSON.parse(json.stdout);
    expect(doc).toMatchObject({
      schemaVersion: 1,
      command: 'validate',
      summary: { errors: 1 },
    });
    expect(doc.findings[0]).toMatchObject({
      severity: 'error',
      code: 'dependency/missing-required',
      file: 'projects/shop/services.toml',
      line: 17,
      service: 'shop-web',
    });

    const markdown = cli(['validate', '.', '--format', 'markdown'], dir);
    expect(markdown.code).toBe(1);
    expect(markdown.stdout).toContain('## Service registry validation');
    expect(markdown.stdout).toMatch(
      /\| 🔴 error \| `projects\/shop\/services\.toml:17:\d+` \| `shop-web` \|/,
    );

    const github = cli(['validate', '.', '--format', 'github'], dir);
    expect(github.code).toBe(1);
    expect(github.stdout).toMatch(
      /^::error file=projects\/shop\/services\.toml,line=17,col=\d+,title=dependency\/missing-required::.*shop-db/m,
    );
  });

  it('counts columns in UTF-16 code units, as the README says (an emoji counts 2)', () => {
    const dir = registry('utf16-columns', {
      ...VALID,
      'services/catalog.toml': `x = "😀😀" ; y = 1\n`,
    });
    const json = JSON.parse(
      cli(['validate', '.', '--format', 'json'], dir).stdout,
    );
    expect(json.findings).toContainEqual(
      expect.objectContaining({
        code: 'toml/syntax',
        file: 'services/catalog.toml',
        line: 1,
        column: 12,
      }),
    );
  });

  it('fails on more warnings than --max-warnings allows', () => {
    const dir = registry('warnings', {
      ...VALID,
      'services/catalog.toml': `${VALID['services/catalog.toml']}mystery_field = 1\n`,
    });
    expect(cli(['validate', '.'], dir).code).toBe(0);
    expect(cli(['validate', '.', '--max-warnings', '5'], dir).code).toBe(0);
    const strict = cli(['validate', '.', '--max-warnings', '0'], dir);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('schema/unknown-field');
  });

  it('warns, as the catalog will, about an owner and a tag the catalog cannot take as written', () => {
    const dir = registry('catalog-names', {
      ...VALID,
      'services/catalog.toml': VALID['services/catalog.toml'].replace(
        'owner = "platform-team"',
        'owner = "Платформа"\ntags = ["日本語"]',
      ),
    });
    const run = cli(['validate', '.', '--format', 'json'], dir);
    expect(run.code).toBe(0);
    expect(
      JSON.parse(run.stdout).findings.map(
        (f: { code: string; line: number; service: string }) => [
          f.code,
          f.line,
          f.service,
        ],
      ),
    ).toEqual([
      ['catalog/owner-unusable', 2, 'shared-auth'],
      ['catalog/tag-dropped', 3, 'shared-auth'],
    ]);
  });

  it('exits 2 on usage problems', () => {
    expect(cli(['validate', 'no-such-dir'], tmp.root)).toMatchObject({
      code: 2,
    });
    expect(
      cli(['validate', '.', '--format', 'xml'], tmp.root).stderr,
    ).toContain('--format must be one of');
    expect(cli(['frobnicate'], tmp.root).code).toBe(2);
    // with --help too: the command is still unknown
    for (const args of [
      ['frobnicate', '--help'],
      ['-h', 'frobnicate'],
    ]) {
      const run = cli(args, tmp.root);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain('unknown command frobnicate');
    }
    expect(cli(['diff', '--help'], tmp.root)).toMatchObject({ code: 0 });
    expect(cli(['validate', '--today', '22/11/2026'], tmp.root).code).toBe(2);
    expect(cli([], tmp.root).code).toBe(2);
    expect(cli(['--help'], tmp.root)).toMatchObject({ code: 0 });
  });

  it('refuses a folder whose registry lies below it, naming where, and says on stderr when a folder holds no registry', () => {
    // an empty folder is an empty, valid registry (exit 0), but a CI job pointed at the wrong
    // folder must not pass without a word
    const empty = path.join(tmp.root, 'not-a-registry');
    fs.mkdirSync(empty);
    const none = cli(['validate', '.', '--format', 'json'], empty);
    expect(none.code).toBe(0);
    expect(JSON.parse(none.stdout).summary).toEqual({
      errors: 0,
      warnings: 0,
      infos: 0,
    });
    expect(none.stderr).toContain(
      'service-registry: . holds no registry file (*.toml)',
    );

    // the repository's root, with the registry in registry/: refused, as the catalog provider
    // refuses such a target, rather than passed having read nothing
    const repository = path.join(tmp.root, 'repository-root');
    writeRegistry(path.join(repository, 'registry'), VALID);
    const parent = cli(['validate', 'repository-root'], tmp.root);
    expect(parent.code).toBe(2);
    expect(parent.stdout).toBe('');
    expect(parent.stderr).toContain(
      `service-registry: none of the 2 *.toml files of repository-root is a file of the registry layout: the registry's root looks to be ${path.join(
        'repository-root',
        'registry',
      )}: give it`,
    );
    const diff = cli(['diff', 'repository-root', 'repository-root'], tmp.root);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain(
      'service-registry: none of the 2 *.toml files of repository-root is a file of the registry layout',
    );
    // the commands that print what the registry holds would print nothing, and docs would write
    // the documents of an empty registry there
    for (const args of [
      ['graph', 'repository-root'],
      ['openslo', 'repository-root'],
      ['impact', 'shop-api', 'repository-root'],
      ['docs', 'repository-root', '--check'],
    ]) {
      const run = cli(args, tmp.root);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        "none of the 2 *.toml files of repository-root is a file of the registry layout: the registry's root looks to be",
      );
    }

    // *.toml files of no registry at all (a tool's settings): an empty registry, said on stderr
    const tools = path.join(tmp.root, 'tools');
    fs.mkdirSync(tools);
    fs.writeFileSync(path.join(tools, 'rustfmt.toml'), 'edition = "2021"\n');
    const other = cli(['validate', 'tools'], tmp.root);
    expect(other.code).toBe(0);
    expect(other.stderr).toContain(
      "the only *.toml file of tools is not a file of the registry layout, so it is read as an empty registry (each is ignored, with a registry/unknown-file warning); give the registry's root directory",
    );

    // the registry itself: nothing said
    expect(
      cli(['validate', path.join('repository-root', 'registry')], tmp.root),
    ).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('service-registry validate --only', () => {
  // a missing dependency (dependency/) and a credential in a value (security/)
  const files = {
    ...VALID,
    'projects/shop/services.toml': VALID['projects/shop/services.toml'].replace(
      'requires = ["shop-api"]',
      'requires = ["shop-api", "shop-db"]',
    ),
    'services/catalog.toml': `${VALID['services/catalog.toml']}[service.shared-auth.metadata.env]
DB_PASSWORD = "hunter2-but-longer"
`,
  };
  const codesOf = (stdout: string): string[] =>
    JSON.parse(stdout).findings.map((f: { code: string }) => f.code);

  it('shows and counts only the findings of the named areas, for a CI step per area', () => {
    const dir = registry('only-areas', files);
    const all = cli(['validate', '.', '--format', 'json'], dir);
    expect(codesOf(all.stdout)).toEqual(
      expect.arrayContaining([
        'dependency/missing-required',
        'security/secret-value',
      ]),
    );

    const security = cli(
      ['validate', '.', '--format', 'json', '--only', 'security'],
      dir,
    );
    expect(codesOf(security.stdout)).toEqual(['security/secret-value']);
    expect(JSON.parse(security.stdout).summary).toMatchObject({ errors: 1 });
    expect(security.code).toBe(1);

    const both = cli(['validate', '.', '--only', 'dependency, security/'], dir);
    expect(both.stdout).toContain('dependency/missing-required');
    expect(both.stdout).toContain('security/secret-value');

    // nothing wrong in this area: the step passes
    const lifecycle = cli(['validate', '.', '--only', 'lifecycle'], dir);
    expect(lifecycle.stdout).toContain('✔ 0 errors, 0 warnings');
    expect(lifecycle.code).toBe(0);
  });

  it('always shows a file that could not be read, whose services no area checked', () => {
    const dir = registry('only-unread', {
      ...files,
      'projects/shop/services.toml': '[service.shop-api\n',
    });
    const run = cli(
      ['validate', '.', '--format', 'json', '--only', 'security'],
      dir,
    );
    expect(codesOf(run.stdout)).toEqual([
      'toml/syntax',
      'security/secret-value',
    ]);
    expect(run.code).toBe(1);
  });

  it('refuses an area validation does not report, naming those it does', () => {
    const dir = registry('only-unknown', VALID);
    for (const value of ['secrets', '', ',']) {
      const run = cli(['validate', '.', '--only', value], dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(
        '--only takes areas of finding codes, comma-separated (catalog, compat, dependency,',
      );
    }
    expect(cli(['diff', '.', '.', '--only', 'security'], dir).stderr).toContain(
      '--only is not an option of diff',
    );
  });
});

describe('service-registry diff', () => {
  it('reports breaking changes against a git revision, with their impact', () => {
    const dir = registry('git', VALID);
    const git = (...args: string[]) =>
      execFileSync('git', args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    git('-c', 'user.email=ci@example.com', '-c', 'user.name=CI', 'add', '.');
    git(
      '-c',
      'user.email=ci@example.com',
      '-c',
      'user.name=CI',
      'commit',
      '-qm',
      'base',
    );
    writeRegistry(dir, {
      'services/catalog.toml': VALID['services/catalog.toml']
        .replace('version = "1.2.3"', 'version = "2.0.0"')
        .replace('port = 8080', 'port = 9090'),
    });

    const text = cli(['diff', 'main', '.'], dir);
    expect(text.stdout).toContain('changed: shared-auth: port, version\n');
    expect(text.stdout).not.toContain('(override)');
    expect(text.stdout).toMatch(/port-changed shared-auth/);
    expect(text.stdout).toMatch(/major-version-bump shared-auth/);

    const json = JSON.parse(
      cli(['diff', 'main', '.', '--format', 'json'], dir).stdout,
    );
    const kinds = json.diff.breakingChanges.map((c: any) => c.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['port-changed', 'major-version-bump']),
    );
    const port = json.diff.breakingChanges.find(
      (c: any) => c.kind === 'port-changed',
    );
    expect(port.affectedProjects).toEqual(['shop']);
    expect(port.impact.services.map((s: any) => [s.id, s.depth])).toEqual([
      ['shop-api', 1],
      ['shop-web', 2],
    ]);

    const markdown = cli(
      ['diff', 'main', '.', '--format', 'markdown'],
      dir,
    ).stdout;
    expect(markdown).toContain('### Breaking changes');
    expect(markdown).toContain('#### Impacted projects');
    expect(markdown).toContain('`shop`: `shop-api`, `shop-web`');

    expect(cli(['diff', 'main', '.', '--fail-on-breaking'], dir).code).toBe(1);
    expect(cli(['diff', 'no-such-ref', '.'], dir)).toMatchObject({ code: 2 });
  });

  it('names the consumers a breaking change degrades through an optional dependency', () => {
    const base = registry('optional-base', {
      ...VALID,
      'projects/ops/services.toml': `[project]
name = "Ops"

[service.ops-reports]
owner = "ops-team"
version = "1.0.0"
status = "ga"
[service.ops-reports.dependencies]
optional = ["shared-auth"]
`,
    });
    const head = registry('optional-head', {});
    fs.cpSync(base, head, { recursive: true });
    writeRegistry(head, {
      'services/catalog.toml': VALID['services/catalog.toml'].replace(
        'port = 8080',
        'port = 9090',
      ),
    });

    const text = cli(['diff', base, '.'], head).stdout;
    expect(text).toMatch(/port-changed shared-auth/);
    expect(text).toContain(
      '    optional consumers (degrade, not break): ops-reports (ops)\n',
    );
    const github = cli(['diff', base, '.', '--format', 'github'], head).stdout;
    expect(github).toContain(
      'Affects 2 services in 1 project; degrades 1 optional consumer;',
    );
  });
});

describe('service-registry diff of a registry that already has errors', () => {
  // main already requires a service no one declares: an error no pull request brings
  const withMissing = (extra = '') => ({
    ...VALID,
    'projects/shop/services.toml': `${extra}${VALID[
      'projects/shop/services.toml'
    ].replace('requires = ["shop-api"]', 'requires = ["shop-api", "ghost"]')}`,
  });

  it('tells the findings the change brings, and with --new-findings-only fails on those alone', () => {
    const base = registry('had-errors-base', withMissing());
    // lines written above the error move it: still the error base had
    const head = registry(
      'had-errors-head',
      withMissing('# the shop\n# owned by shop-team\n'),
    );

    const text = cli(['diff', base, '.'], head);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(
      /projects\/shop\/services\.toml:19:\d+ +error .*"ghost"/,
    );
    expect(text.stdout).toContain(
      '  brought by this change: 0 errors, 0 warnings (base had the others)\n',
    );

    const only = cli(['diff', base, '.', '--new-findings-only'], head);
    expect(only.code).toBe(0);
    expect(only.stdout).toContain('"ghost"');
    expect(only.stderr).toBe(
      "service-registry: 1 error of head's registry base already had: reported, but not failing the run (--new-findings-only).\n",
    );

    const json = JSON.parse(
      cli(['diff', base, '.', '--format', 'json'], head).stdout,
    );
    expect(json.summary).toMatchObject({
      errors: 1,
      introduced: { errors: 0, warnings: 0, infos: 0 },
    });
    expect(
      cli(['diff', base, '.', '--format', 'markdown'], head).stdout,
    ).toContain(
      '❌ 1 error, 0 warnings. This change brings 0 errors and 0 warnings of them; the others were there before it.',
    );

    // a change that brings an error of its own fails all the same
    const worse = registry('had-errors-worse', {
      ...withMissing(),
      'services/catalog.toml': `${VALID['services/catalog.toml']}[service.shared-auth.dependencies]\nrequires = ["vault"]\n`,
    });
    const failing = cli(['diff', base, '.', '--new-findings-only'], worse);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain(
      '  brought by this change: 1 error, 0 warnings (base had the others)\n',
    );
    // and --max-warnings counts the warnings it brings: main's unknown key is not one of them
    const withWarning = (extra = '') => ({
      ...VALID,
      'services/catalog.toml': `${extra}${VALID['services/catalog.toml']}colour = "blue"\n`,
    });
    const warnedBase = registry('had-warning-base', withWarning());
    const warnedHead = registry('had-warning-head', withWarning('# auth\n'));
    const maxWarnings = ['--max-warnings', '0'];
    expect(
      cli(['diff', warnedBase, '.', ...maxWarnings], warnedHead).code,
    ).toBe(1);
    expect(
      cli(
        ['diff', warnedBase, '.', ...maxWarnings, '--new-findings-only'],
        warnedHead,
      ).code,
    ).toBe(0);
  });

  it('refuses --new-findings-only where it means nothing', () => {
    const dir = registry('had-errors-validate', withMissing());
    const run = cli(['validate', '.', '--new-findings-only'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--new-findings-only');
  });
});

describe('service-registry diff and SLA impact', () => {
  const withSla = (availability: string) => ({
    ...VALID,
    'services/catalog.toml': `${VALID['services/catalog.toml']}[service.shared-auth.sla]
availability = "${availability}"
`,
    'projects/shop/services.toml': VALID['projects/shop/services.toml'].replace(
      '[service.shop-api.dependencies]',
      '[service.shop-api.sla]\navailability = "99.95%"\n[service.shop-api.dependencies]',
    ),
  });

  it('reports a consumed service whose SLA drops below what a consumer promises, as a warning that is not breaking', () => {
    const base = registry('sla-base', withSla('99.99%'));
    const head = registry('sla-head', withSla('99.9%'));

    const text = cli(['diff', base, '.'], head);
    expect(text.stdout).toContain('Breaking changes: 0\n');
    expect(text.stdout).toContain(
      '\nSLA impact (warnings, not breaking changes): 1\n  sla-weakened shared-auth: The SLA of "shared-auth" gets weaker (availability 99.99% → 99.9%): 1 consumer that requires it promises more than it now does: "shop-api" in project "shop" (availability 99.95%).',
    );
    expect(text.stdout).toContain('    affects shop-api (shop) in shop\n');

    const json = JSON.parse(
      cli(['diff', base, '.', '--format', 'json'], head).stdout,
    );
    expect(json.schemaVersion).toBe(1);
    expect(json.summary).toMatchObject({ breakingChanges: 0, slaImpacts: 1 });
    expect(json.diff.slaImpacts).toMatchObject([
      {
        service: 'shared-auth',
        changes: [{ target: 'availability', before: '99.99%', after: '99.9%' }],
        consumers: [{ id: 'shop-api', project: 'shop', owner: 'shop-team' }],
        affectedProjects: ['shop'],
        position: { file: 'services/catalog.toml', line: 7 },
      },
    ]);

    const github = cli(['diff', base, '.', '--format', 'github'], head).stdout;
    expect(github).toMatch(
      /::warning file=.*services\/catalog\.toml,line=7,col=1,title=sla-impact\/sla-weakened::The SLA of "shared-auth" gets weaker/,
    );

    const markdown = cli(['diff', base, '.', '--format', 'markdown'], head);
    expect(markdown.stdout).toContain('### SLA impact');

    // a warning, not a breaking change
    expect(cli(['diff', base, '.', '--fail-on-breaking'], head).code).toBe(0);
  });
});

describe('service-registry diff of the rules: a project and the policies', () => {
  const GOVERNANCE = `[change_control]
breaking_changes_require = ["@platform-team"]
config_changes_require = ["@ops-team"]
`;
  const withRules = (tier: string, availability: string) => ({
    ...VALID,
    'projects/shop/services.toml': VALID['projects/shop/services.toml'].replace(
      'tier = "low"',
      `tier = "${tier}"`,
    ),
    'policies/governance.toml': GOVERNANCE,
    'policies/sla.toml': `[sla.high]\navailability = "${availability}"\n`,
  });

  it('lists a changed project tier and a lowered policy with their values and approvers, in every format', () => {
    const base = registry('rules-base', withRules('low', '99.9%'));
    const head = registry('rules-head', withRules('high', '99.5%'));

    const text = cli(['diff', base, '.'], head);
    expect(text.stdout).toContain(
      '  type:    configuration, medium risk (1 project changed, 1 policy key changed)\n  no service changed\n  project: shop: tier (low → high); the tier is taken by shop-api, shop-web\n  policy:  sla.high.availability (99.9% → 99.5%)\n',
    );
    expect(text.stdout).toMatch(/@ops-team: change to project shop \(tier\)/);
    expect(text.stdout).toMatch(
      /@platform-team: policy change \(sla\.high\.availability\)/,
    );
    expect(text.code).toBe(0);

    const json = JSON.parse(
      cli(['diff', base, '.', '--format', 'json'], head).stdout,
    );
    expect(json.classification).toEqual({
      type: 'configuration',
      risk: 'medium',
      reasons: [
        { what: '1 project changed' },
        { what: '1 policy key changed' },
      ],
    });
    expect(json.diff.projectChanges).toEqual([
      {
        project: 'shop',
        changes: [{ path: 'tier', before: 'low', after: 'high' }],
        tierInheritedBy: ['shop-api', 'shop-web'],
        position: { file: 'projects/shop/services.toml', line: 3, column: 1 },
      },
    ]);
    expect(json.diff.policyChanges).toEqual([
      {
        path: 'sla.high.availability',
        before: '99.9%',
        after: '99.5%',
        position: { file: 'policies/sla.toml', line: 2, column: 1 },
      },
    ]);

    // (a workflow command writes % as %25)
    const github = cli(['diff', base, '.', '--format', 'github'], head).stdout;
    expect(github).toMatch(
      /::notice file=.*policies\/sla\.toml,line=2,col=1,title=change\/policy::Policy sla\.high\.availability \(99\.9%25 → 99\.5%25\) changed: every change is judged by it\. Approvers \(change_control\.breaking_changes_require\): @platform-team\./,
    );
    expect(github).toContain(
      '::notice title=Change type::configuration, medium risk (1 project changed, 1 policy key changed)\n',
    );
    expect(github).toMatch(
      /::notice file=.*projects\/shop\/services\.toml,line=3,col=1,title=change\/project::Project shop changed: tier \(low → high\); the tier is taken by shop-api, shop-web\. Approvers: @ops-team\./,
    );

    const sarif = JSON.parse(
      cli(['diff', base, '.', '--format', 'sarif'], head).stdout,
    );
    expect(
      sarif.runs[0].results.map((r: { ruleId: string; level: string }) => [
        r.ruleId,
        r.level,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['change/project', 'note'],
        ['change/policy', 'note'],
      ]),
    );

    const markdown = cli(['diff', base, '.', '--format', 'markdown'], head);
    expect(markdown.stdout).toContain(
      '- Changed policies: `sla.high.availability` (`99.9%` → `99.5%`)',
    );
  });
});

describe("service-registry diff of a project's override", () => {
  const overriding = (port: number) => ({
    ...VALID,
    'projects/shop/services.toml': VALID['projects/shop/services.toml'].replace(
      '[service.shop-api]',
      `[service.shared-auth]\nport = ${port}\n\n[service.shop-api]`,
    ),
    'projects/other/services.toml': `[project]
name = "Other"

[service.other-api]
owner = "other-team"
version = "1.0.0"
status = "ga"
[service.other-api.dependencies]
requires = ["shared-auth@^1.0"]
`,
  });

  it("says the change is to the project's override, in text, markdown and JSON", () => {
    const base = registry('override-base', overriding(8081));
    const head = registry('override-head', overriding(8082));

    const text = cli(['diff', base, '.'], head);
    expect(text.stdout).toContain(
      'changed: shared-auth in project shop (override): port\n',
    );
    expect(text.stdout).toContain(
      'port-changed shared-auth in project shop (override): In project "shop": Service "shared-auth" moves from port 8081 to port 8082',
    );
    expect(text.stdout).toContain('affects 2 services (1 direct) in shop\n');

    const markdown = cli(['diff', base, '.', '--format', 'markdown'], head);
    expect(markdown.stdout).toContain(
      '- Changed `shared-auth` in project `shop` (override): `port`',
    );
    expect(markdown.stdout).toContain(
      '| `shared-auth` in project `shop` (override) | In project "shop":',
    );
    expect(markdown.stdout).not.toContain('`other-api`');

    const json = JSON.parse(
      cli(['diff', base, '.', '--format', 'json'], head).stdout,
    );
    expect(json.diff.changed).toEqual([
      {
        service: 'shared-auth',
        project: 'shop',
        override: true,
        changes: [{ path: 'port', before: 8081, after: 8082 }],
      },
    ]);
    expect(json.diff.breakingChanges).toMatchObject([
      {
        kind: 'port-changed',
        service: 'shared-auth',
        project: 'shop',
        position: { file: 'projects/shop/services.toml' },
        affectedProjects: ['shop'],
      },
    ]);
  });
});

describe('service-registry diff and required approvals', () => {
  const GOVERNANCE = `[change_control]
breaking_changes_require = ["@platform-team", "@security-team"]
version_bumps_require = ["@maintainer"]
config_changes_require = ["@ops-team"]
`;

  it('lists who the change control policy requires to approve each change, in text, markdown and JSON', () => {
    const base = registry('approvals-base', {
      ...VALID,
      'policies/governance.toml': GOVERNANCE,
    });
    const head = registry('approvals-head', {
      ...VALID,
      'policies/governance.toml': GOVERNANCE,
      'services/catalog.toml': `${VALID['services/catalog.toml'].replace(
        'version = "1.2.3"',
        'version = "1.3.0"',
      )}description = "Sign-in for every project."
[service.shared-auth.metadata]
replicas = 3
`,
    });

    const text = cli(['diff', base, '.'], head);
    expect(text.stdout).toContain(
      'changed: shared-auth: description, metadata, version\n',
    );
    expect(text.stdout).toContain('Breaking changes: 0\n');
    expect(text.stdout).toContain(
      '\nRequired approvals: 2\n  @maintainer: version bump of shared-auth (1.2.3 → 1.3.0)\n  @ops-team: configuration change to shared-auth (metadata)\n',
    );

    const markdown = cli(['diff', base, '.', '--format', 'markdown'], head);
    expect(markdown.stdout).toContain(
      '### Required approvals\n\n- `@maintainer`: version bump of `shared-auth` (`1.2.3` → `1.3.0`)\n- `@ops-team`: configuration change to `shared-auth` (`metadata`)\n',
    );

    // GitHub: one notice on the run, not tied to a line (a change's approvals span files)
    const github = cli(['diff', base, '.', '--format', 'github'], head);
    expect(
      github.stdout.split('\n').filter(line => line.includes('approvals')),
    ).toEqual([
      '::notice title=Required approvals (2)::@maintainer: version bump of shared-auth (1.2.3 → 1.3.0)%0A@ops-team: configuration change to shared-auth (metadata)',
    ]);

    const json = JSON.parse(
      cli(['diff', base, '.', '--format', 'json'], head).stdout,
    );
    expect(json.schemaVersion).toBe(1);
    expect(json.diff.requiredApprovals).toEqual([
      {
        approver: '@maintainer',
        reasons: [
          {
            kind: 'version-bump',
            service: 'shared-auth',
            before: '1.2.3',
            after: '1.3.0',
          },
        ],
      },
      {
        approver: '@ops-team',
        reasons: [
          {
            kind: 'config-change',
            service: 'shared-auth',
            fields: ['metadata'],
          },
        ],
      },
    ]);
    // approvals are not breaking changes
    expect(cli(['diff', base, '.', '--fail-on-breaking'], head).code).toBe(0);
  });
});

describe('service-registry diff and the migration guide of a breaking change', () => {
  it('prints the changed service’s guide under its breaking change, or says it has none, in text, github and markdown', () => {
    const catalog = (port: number, guide: string) =>
      `${VALID['services/catalog.toml'].replace(
        'port = 8080',
        `port = ${port}`,
      )}${guide}`;
    const GUIDE = `[service.shared-auth.migration]
guide_url = "https://wiki.example.com/shared-auth/9090"
`;
    const base = registry('guide-base', {
      ...VALID,
      'services/catalog.toml': catalog(8080, ''),
    });
    const withGuide = registry('guide-head', {
      ...VALID,
      'services/catalog.toml': catalog(9090, GUIDE),
    });
    const withoutGuide = registry('guide-none', {
      ...VALID,
      'services/catalog.toml': catalog(9090, ''),
    });

    expect(cli(['diff', base, '.'], withGuide).stdout).toContain(
      '    approvers: shop-team\n    migration guide: https://wiki.example.com/shared-auth/9090\n',
    );
    expect(cli(['diff', base, '.'], withoutGuide).stdout).toContain(
      '    migration guide: none (set migration.guide_url, so that consumers know how to move)\n',
    );
    expect(
      cli(['diff', base, '.', '--format', 'github'], withGuide).stdout,
    ).toMatch(
      /title=breaking\/port-changed::.* Migration guide: https:\/\/wiki\.example\.com\/shared-auth\/9090\n/,
    );
    const markdown = cli(
      ['diff', base, '.', '--format', 'markdown'],
      withoutGuide,
    ).stdout;
    expect(markdown).toContain('| ❌ none |');
    expect(markdown).toContain(
      '⚠️ No migration guide (`migration.guide_url`) for `shared-auth`',
    );
  });
});

describe('service-registry diff of a feature release of a service in maintenance', () => {
  it('warns of it in text, JSON and github, and --fail-on-breaking does not fail on it', () => {
    const catalog = (version: string) =>
      VALID['services/catalog.toml']
        .replace('status = "ga"', 'status = "maintenance"')
        .replace('version = "1.2.3"', `version = "${version}"`);
    const base = registry('maintenance-base', {
      ...VALID,
      'services/catalog.toml': catalog('1.2.3'),
    });
    const head = registry('maintenance-head', {
      ...VALID,
      'services/catalog.toml': catalog('1.3.0'),
    });

    const text = cli(['diff', base, '.'], head);
    expect(text.stdout).toContain(
      '\nLifecycle (warnings, not breaking changes): 1\n  feature-release shared-auth: Service "shared-auth" is in maintenance, which takes security fixes only and no new features',
    );
    const json = JSON.parse(
      cli(['diff', base, '.', '--format', 'json'], head).stdout,
    );
    expect(json.summary).toMatchObject({
      breakingChanges: 0,
      featureReleases: 1,
    });
    expect(json.diff.featureReleases).toMatchObject([
      {
        service: 'shared-auth',
        release: 'minor',
        before: '1.2.3',
        after: '1.3.0',
      },
    ]);
    expect(cli(['diff', base, '.', '--format', 'github'], head).stdout).toMatch(
      /::warning file=.*services\/catalog\.toml,line=3,col=1,title=change\/feature-release::Service "shared-auth" is in maintenance/,
    );
    expect(cli(['diff', base, '.', '--fail-on-breaking'], head).code).toBe(0);
  });
});

describe('service-registry diff and an approver written with and without @', () => {
  it('lists a team its approver lists write as @shop-team and that owns an affected service as shop-team once', () => {
    const catalog = (port: number) =>
      `${VALID['services/catalog.toml'].replace(
        'port = 8080',
        `port = ${port}`,
      )}[service.shared-auth.governance]
approvers = ["@shop-team"]
`;
    const base = registry('approver-spelling-base', {
      ...VALID,
      'services/catalog.toml': catalog(8080),
    });
    const head = registry('approver-spelling-head', {
      ...VALID,
      'services/catalog.toml': catalog(9090),
    });

    const text = cli(['diff', base, '.'], head);
    // shop-api and shop-web, which require shared-auth, are owned by shop-team
    expect(text.stdout).toContain('    approvers: @shop-team\n');
    expect(text.stdout).toContain(
      '\nRequired approvals: 1\n  @shop-team: breaking change to shared-auth (port-changed)\n',
    );

    const markdown = cli(['diff', base, '.', '--format', 'markdown'], head);
    expect(markdown.stdout).toContain(
      '### Required approvals\n\n- `@shop-team`: breaking change to `shared-auth` (`port-changed`)\n\n',
    );
  });
});

describe('service-registry diff of a service id a new project declares again', () => {
  const payments = (version: string) => `[project]
name = "Payments"

[service.payments]
owner = "payments-team"
version = "${version}"
status = "ga"
`;

  it('reports the new declaration as the duplicate, and not the service as taken over', () => {
    const base = registry('duplicate-base', {
      ...VALID,
      'projects/zeta/services.toml': payments('1.0.0'),
    });
    // "alpha" sorts before "zeta": without base's declarations, head would keep alpha's
    const head = registry('duplicate-head', {
      ...VALID,
      'projects/zeta/services.toml': payments('1.0.0'),
      'projects/alpha/services.toml': payments('2.0.0'),
    });

    const json = JSON.parse(
      cli(['diff', base, '.', '--format', 'json'], head).stdout,
    );
    const duplicates = json.findings.filter(
      (f: any) => f.code === 'service/duplicate-id',
    );
    expect(duplicates).toMatchObject([
      { file: 'projects/alpha/services.toml', service: 'payments' },
    ]);
    expect(duplicates[0].message).toContain(
      'already declared by project "zeta"',
    );
    expect(json.diff.changed).toEqual([]);
    expect(json.diff.breakingChanges).toEqual([]);

    const text = cli(['diff', base, '.'], head);
    expect(text.stdout).toContain('no service changed\n');
    expect(text.code).toBe(1);
  });
});

describe('service-registry diff of a file that does not parse in head', () => {
  it('compares its services as in base instead of listing them as removed, and says so, in text, markdown and JSON', () => {
    const base = registry('unparsed-base', VALID);
    const shop = VALID['projects/shop/services.toml'];
    const head = registry('unparsed-head', {
      ...VALID,
      'projects/shop/services.toml': shop.replace(
        'version = "2.0.0"',
        'version = "2.0.0" "2.1.0"',
      ),
    });
    const line = shop.split('\n').indexOf('version = "2.0.0"') + 1;
    const note = `In head, projects/shop/services.toml does not parse (line ${line}, column 19): its services shop-api, shop-web are compared as in base, whose version the catalog keeps until the file is fixed.`;

    const text = cli(['diff', base, '.'], head);
    expect(text.stdout).not.toContain('removed:');
    expect(text.stdout).toContain(`  no service changed\n  note: ${note}\n`);
    expect(text.stdout).toContain('Breaking changes: 0\n');
    // the syntax error is still an error of head: the change fails
    expect(text.stdout).toContain('toml/syntax');
    expect(text.code).toBe(1);

    const markdown = cli(['diff', base, '.', '--format', 'markdown'], head);
    expect(markdown.stdout).not.toContain('Removed');
    expect(markdown.stdout).toContain(
      `⚠️ In head, \`projects/shop/services.toml\` does not parse (line ${line}, column 19): its services \`shop-api\`, \`shop-web\` are compared as in base`,
    );

    const json = JSON.parse(
      cli(['diff', base, '.', '--format', 'json'], head).stdout,
    );
    expect(json.diff.removed).toEqual([]);
    expect(json.diff.breakingChanges).toEqual([]);
    expect(json.diff.unreadHeadFiles).toEqual([
      {
        file: 'projects/shop/services.toml',
        code: 'toml/syntax',
        reason: 'does not parse',
        position: { file: 'projects/shop/services.toml', line, column: 19 },
        comparedAsInBase: true,
        services: ['shop-api', 'shop-web'],
      },
    ]);
    expect(
      json.findings
        .filter((f: any) => f.severity === 'error')
        .map((f: any) => f.code),
    ).toEqual(['toml/syntax']);
  });
});

describe('service-registry diff of a file that does not parse in base', () => {
  it('does not list its services as added, says they were not compared, in text, markdown, JSON and GitHub, and --fail-on-breaking does not fail for them', () => {
    const shop = VALID['projects/shop/services.toml'];
    const base = registry('unparsed-in-base', {
      ...VALID,
      'projects/shop/services.toml': shop.replace(
        'version = "2.0.0"',
        'version = "2.0.0" "2.1.0"',
      ),
    });
    // the pull request fixes the file and adds a service elsewhere
    const head = registry('unparsed-in-base-head', {
      ...VALID,
      'services/catalog.toml': `${VALID['services/catalog.toml']}
[service.extra]
owner = "platform-team"
version = "1.0.0"
status = "ga"
`,
    });
    const line = shop.split('\n').indexOf('version = "2.0.0"') + 1;
    const where = `${base}/projects/shop/services.toml:${line}:19`;

    const text = cli(['diff', base, '.', '--fail-on-breaking'], head);
    expect(text.stdout).toContain('  added:   extra\n');
    expect(text.stdout).toContain(
      `  note: In base, ${where} does not parse: its services shop-api, shop-web are not compared (taken as head has them), so a breaking change to them is not reported.\n`,
    );
    expect(text.stderr).toContain(`service-registry: ${where} does not parse`);
    // what could not be compared does not fail the change: a fix of a broken base passes
    expect(text.code).toBe(0);

    const markdown = cli(['diff', base, '.', '--format', 'markdown'], head);
    expect(markdown.stdout).toContain('- Added: `extra`\n');
    expect(markdown.stdout).toContain(
      `⚠️ In base, \`projects/shop/services.toml:${line}:19\` does not parse: its services \`shop-api\`, \`shop-web\` are not compared`,
    );

    const json = JSON.parse(
      cli(['diff', base, '.', '--format', 'json'], head).stdout,
    );
    expect(json.diff.added).toEqual(['extra']);
    expect(json.diff.unreadBaseFiles).toEqual([
      {
        file: 'projects/shop/services.toml',
        code: 'toml/syntax',
        reason: 'does not parse',
        position: { file: 'projects/shop/services.toml', line, column: 19 },
        comparedAsInHead: true,
        services: ['shop-api', 'shop-web'],
      },
    ]);

    const github = cli(['diff', base, '.', '--format', 'github'], head);
    expect(github.stdout).toContain(
      `::warning title=service-registry::In base, ${where} does not parse`,
    );
  });
});

describe('service-registry validate and diff of a key of thousands of parts', () => {
  it('report it at its line, and the JSON output holds the change with the deep part left out', () => {
    const catalog = VALID['services/catalog.toml'];
    const base = registry('deep-base', VALID);
    const deepKey = `metadata.deep.${Array(5_000).fill('a').join('.')} = "v"`;
    const head = registry('deep-head', {
      ...VALID,
      'services/catalog.toml': catalog.replace(
        '[service.shared-auth]\n',
        `[service.shared-auth]\n${deepKey}\n`,
      ),
    });
    const line = catalog.split('\n').indexOf('[service.shared-auth]') + 2;

    const validate = cli(['validate', '.'], head);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(
      new RegExp(
        `services/catalog\\.toml:${line}:1 +error +Service "shared-auth": metadata\\.deep\\.a\\.a[.a]* holds values nested more than 64 levels deep`,
      ),
    );

    const diff = cli(['diff', base, '.', '--format', 'json'], head);
    expect(diff.stderr).toBe('');
    expect(diff.code).toBe(1);
    const json = JSON.parse(diff.stdout);
    expect(
      json.findings.map((f: any) => [f.code, f.file, f.line, f.column]),
    ).toEqual([['toml/nesting-too-deep', 'services/catalog.toml', line, 1]]);
    expect(json.diff.changed).toEqual([
      {
        service: 'shared-auth',
        changes: [{ path: 'metadata', after: { deep: expect.any(Object) } }],
      },
    ]);
    expect(diff.stdout).toContain(
      '"(left out: nested more than 100 levels deep)"',
    );
  });
});

describe('service-registry impact and graph', () => {
  it('lists dependents by project and prints the graph', () => {
    const dir = registry('impact', VALID);
    const impact = cli(['impact', 'shared-auth', '.', '--format', 'json'], dir);
    expect(impact.code).toBe(0);
    expect(JSON.parse(impact.stdout).byProject[0]).toMatchObject({
      project: 'shop',
      services: [
        { id: 'shop-api', depth: 1 },
        { id: 'shop-web', depth: 2 },
      ],
    });
    expect(cli(['impact', 'nope', '.'], dir).code).toBe(2);

    // a retired dependent consumes nothing: shop-web retired, only shop-api is left
    const retired = registry('impact-retired', {
      ...VALID,
      'projects/shop/services.toml': VALID[
        'projects/shop/services.toml'
      ].replace(
        /(\[service\.shop-web\][^[]*?)status = "[a-z]+"/,
        '$1status = "retired"',
      ),
    });
    const left = cli(
      ['impact', 'shared-auth', '.', '--format', 'json'],
      retired,
    );
    expect(JSON.parse(left.stdout).byProject[0].services).toEqual([
      expect.objectContaining({ id: 'shop-api', depth: 1 }),
    ]);

    expect(cli(['graph', '.'], dir).stdout).toContain(
      '"shop-web" -> "shop-api"',
    );
    const mermaid = cli(['graph', '.', '--format', 'mermaid'], dir);
    expect(mermaid.stdout).toContain('s_shop_web --> s_shop_api');
    expect(mermaid.stderr).toBe('');
    // a chart GitHub would show as an error is still printed, with a warning that says why
    const hub = registry('graph-many-edges', {
      'services/catalog.toml': [
        '[service.hub]',
        'version = "1.0.0"',
        ...Array.from(
          { length: 501 },
          (_, i) =>
            `[service.c-${i}]\nversion = "1.0.0"\ndependencies.requires = ["hub"]`,
        ),
        '',
      ].join('\n'),
    });
    const many = cli(['graph', '.', '--format', 'mermaid'], hub);
    expect(many.code).toBe(0);
    expect(many.stdout.match(/ --> s_hub$/gm)).toHaveLength(501);
    expect(many.stderr).toBe(
      'service-registry: the graph has 501 dependencies, more than the 500 edges Mermaid draws in one chart, so GitHub and GitLab show an error instead of this chart (a renderer with a higher maxEdges or maxTextSize draws it; --format dot prints it for Graphviz).\n',
    );
    const graph = JSON.parse(
      cli(['graph', '.', '--format', 'json'], dir).stdout,
    );
    expect(graph.edges).toContainEqual(
      expect.objectContaining({
        from: 'shop-api',
        to: 'shared-auth',
        range: '^1.0',
      }),
    );
  });
});

describe('service-registry docs', () => {
  const read = (dir: string, file: string) =>
    fs.readFileSync(path.join(dir, file), 'utf8');

  it('writes SERVICES.md, TOPOLOGY.md and RUNBOOK.md, which --check then finds current', () => {
    const dir = registry('docs', VALID);
    const written = cli(['docs'], dir);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe(
      'wrote docs/SERVICES.md, docs/TOPOLOGY.md, docs/RUNBOOK.md\n',
    );
    expect(read(dir, 'docs/SERVICES.md')).toContain(
      '| `shop-api` | shop-api | — | shop-team | low | ga | 2.0.0 | — | `shared-auth@^1.0` |',
    );
    expect(read(dir, 'docs/TOPOLOGY.md')).toContain(
      '| `shop-api` | shop | `shared-auth` | shared | `^1.0` | required |',
    );
    expect(read(dir, 'docs/RUNBOOK.md')).toContain(
      '| `shop-api` | shop-team | — | — | — | — | `shared-auth@^1.0` | 1 (shop) | — |',
    );
    const check = cli(['docs', '--check'], dir);
    expect(check).toMatchObject({ code: 0 });
    expect(check.stdout).toContain('are up to date');
  });

  it('--check fails when the registry changed since, and writes nothing', () => {
    const dir = registry('docs-stale', VALID);
    expect(cli(['docs'], dir).code).toBe(0);
    const before = read(dir, 'docs/SERVICES.md');
    writeRegistry(dir, {
      'services/catalog.toml': VALID['services/catalog.toml'].replace(
        'port = 8080',
        'port = 8081',
      ),
    });
    const check = cli(['docs', '--check'], dir);
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(
      'docs/SERVICES.md is not the documentation of this registry.\nRun service-registry docs and commit the result.\n',
    );
    expect(read(dir, 'docs/SERVICES.md')).toBe(before);
    // --out: another folder, and --check looks there
    expect(cli(['docs', '--out', 'generated'], dir).code).toBe(0);
    expect(read(dir, 'generated/SERVICES.md')).toContain('| 8081 |');
    expect(cli(['docs', '--check', '--out', 'generated'], dir).code).toBe(0);
  });

  it('--check tells a command that works as printed for paths with spaces and quotes', () => {
    const parent = path.join(tmp.root, 'docs-quoted');
    const dir = registry("docs-quoted/reg dir's", VALID);
    expect(cli(['docs', "reg dir's", '--out', 'my docs'], parent).code).toBe(0);
    writeRegistry(dir, {
      'services/catalog.toml': VALID['services/catalog.toml'].replace(
        'port = 8080',
        'port = 8081',
      ),
    });
    const check = cli(
      ['docs', "reg dir's", '--check', '--out', 'my docs'],
      parent,
    );
    expect(check.code).toBe(1);
    const command = /^Run (.*) and commit the result\.$/m.exec(
      check.stderr,
    )?.[1];
    expect(command).toBe(
      "service-registry docs 'reg dir'\\''s' --out 'my docs'",
    );
    // the command, run by a shell, regenerates the documents that --check looks at
    execFileSync(
      'sh',
      [
        '-c',
        command!.replace(/^service-registry/, '"$0" "$1"'),
        process.execPath,
        bin,
      ],
      { cwd: parent },
    );
    expect(
      cli(['docs', "reg dir's", '--check', '--out', 'my docs'], parent).code,
    ).toBe(0);
  });

  it('refuses a document that is a symbolic link, writing and reading nothing through it', () => {
    const dir = registry('docs-link', VALID);
    expect(cli(['docs'], dir).code).toBe(0);
    const victim = path.join(tmp.root, 'docs-link-victim');
    fs.writeFileSync(victim, 'not yours\n');
    fs.rmSync(path.join(dir, 'docs/SERVICES.md'));
    fs.symlinkSync(victim, path.join(dir, 'docs/SERVICES.md'));

    for (const args of [['docs'], ['docs', '--check']]) {
      const run = cli(args, dir);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        `service-registry: docs/SERVICES.md is a symbolic link (to ${victim}): docs neither writes nor reads a document through a link. Replace it with a regular file, or remove it and run service-registry docs.\n`,
      );
    }
    expect(read(tmp.root, 'docs-link-victim')).toBe('not yours\n');
  });

  it('writes no documents for a registry whose files do not all parse', () => {
    const dir = registry('docs-broken', {
      ...VALID,
      'projects/shop/services.toml': '[service.shop-api]\nversion = 1.0.0\n',
    });
    const result = cli(['docs'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /projects\/shop\/services\.toml:2:14 +error +projects\/shop\/services\.toml is not valid TOML/,
    );
    expect(result.stderr).toContain('1 file does not parse; fix it first');
    expect(fs.existsSync(path.join(dir, 'docs'))).toBe(false);
  });

  it('keeps the documents of the demo registry current (examples/registry/docs)', () => {
    const repo = path.resolve(__dirname, '../../..');
    const check = cli(['docs', 'examples/registry', '--check'], repo);
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
  });
});
