import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bin } from './__testUtils__/buildCli';
import { useBuiltCli } from './__testUtils__/builtCli';
import {
  cli,
  initRepository,
  VALID_REGISTRY,
  writeFiles,
} from './__testUtils__/cliProcess';

jest.setTimeout(60_000);

const tmp = useBuiltCli('cli-output-');

const STACK_LINE = /^\s+at /m;

describe('GitHub annotations of a registry in a subfolder of the repository', () => {
  it('name files relative to the repository root, wherever the CLI runs from', () => {
    const repo = path.join(tmp.root, 'annotations');
    writeFiles(path.join(repo, 'registry'), {
      ...VALID_REGISTRY,
      'services/catalog.toml': `${VALID_REGISTRY['services/catalog.toml']}mystery = 1\n`,
      'projects/we,ird:100%/services.toml': '[project]\nname = "Weird"\n',
    });
    initRepository(repo);
    const registry = path.join(repo, 'registry');
    // a folder the catalog cannot take as a System name is an error too, as the catalog reports it
    const expected = [
      '::error file=registry/projects/we%2Cird%3A100%25/services.toml,line=1,col=1,title=catalog/invalid-entity::Project "we,ird:100%25" cannot become a catalog System',
      '::warning file=registry/projects/we%2Cird%3A100%25/services.toml,line=1,col=1,title=schema/invalid-id::Project folder "we,ird:100%25" is not a valid project id',
      '::warning file=registry/services/catalog.toml,line=6,col=1,title=schema/unknown-field::Service "shared-auth": unknown field "mystery"',
    ];
    const runs = [
      cli(['validate', 'registry/', '--format', 'github'], repo),
      cli(['validate', '.', '--format', 'github'], registry),
      cli(['validate', registry, '--format', 'github'], os.tmpdir()),
      cli(
        ['validate', '..', '--format', 'github'],
        path.join(registry, 'services'),
      ),
    ];
    for (const run of runs) {
      expect(run.code).toBe(1);
      const lines = run.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(expected.length);
      expected.forEach((start, i) =>
        expect(lines[i].startsWith(start)).toBe(true),
      );
    }
  });

  it('point breaking changes of a diff at the file in the repository', () => {
    const repo = path.join(tmp.root, 'annotations-diff');
    writeFiles(path.join(repo, 'registry'), VALID_REGISTRY);
    initRepository(repo);
    writeFiles(path.join(repo, 'registry'), {
      'services/catalog.toml': VALID_REGISTRY['services/catalog.toml'].replace(
        'port = 8080',
        'port = 9090',
      ),
    });
    const run = cli(
      ['diff', 'main', '.', '--format', 'github'],
      path.join(repo, 'registry'),
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^::warning file=registry\/services\/catalog\.toml,line=5,col=\d+,title=breaking\/port-changed::/m,
    );
  });
});

describe('GitHub annotations of a removed service', () => {
  it('name no file or line of head, where the service no longer is', () => {
    const repo = path.join(tmp.root, 'annotations-removed');
    writeFiles(repo, {
      ...VALID_REGISTRY,
      'services/catalog.toml': `[service.old-auth]
owner = "platform-team"
version = "1.0.0"
status = "ga"

${VALID_REGISTRY['services/catalog.toml']}`,
      // a consumer, which the removal breaks
      'projects/shop/services.toml': VALID_REGISTRY[
        'projects/shop/services.toml'
      ].replace('"shared-auth@^1.0"', '"shared-auth@^1.0", "old-auth"'),
    });
    initRepository(repo);
    // base's line 1 is now the line of shared-auth
    writeFiles(repo, {
      'services/catalog.toml': VALID_REGISTRY['services/catalog.toml'],
    });

    const run = cli(['diff', 'main', '.', '--format', 'github'], repo);
    const removed = run.stdout
      .split('\n')
      .filter(line => line.includes('breaking/service-removed'));
    expect(removed).toEqual([
      expect.stringMatching(
        /^::warning title=breaking\/service-removed::Service "old-auth"/,
      ),
    ]);
  });
});

describe('problems reading the registry', () => {
  it('are told in one line with exit code 2, without a stack trace', () => {
    const dir = writeFiles(path.join(tmp.root, 'link-out'), VALID_REGISTRY);
    fs.symlinkSync(
      path.join(tmp.root, 'elsewhere.toml'),
      path.join(dir, 'services/extra.toml'),
    );
    fs.writeFileSync(path.join(tmp.root, 'elsewhere.toml'), '');
    const link = cli(['validate', '.', '--format', 'json'], dir);
    expect(link.code).toBe(2);
    expect(link.stdout).toBe('');
    expect(link.stderr).toContain(
      'service-registry: Refusing to read services/extra.toml: it is a symbolic link',
    );
    expect(link.stderr).not.toMatch(STACK_LINE);

    const docsDir = writeFiles(path.join(tmp.root, 'docs-out'), {
      ...VALID_REGISTRY,
      'docs-are-here': 'a file, not a folder',
    });
    const docs = cli(['docs', '.', '--out', 'docs-are-here'], docsDir);
    expect(docs.code).toBe(2);
    expect(docs.stderr).toMatch(/^service-registry: .*docs-are-here/);
    expect(docs.stderr).not.toMatch(STACK_LINE);
  });
});

describe('options', () => {
  it('refuses dates that are not on the calendar and counts that are not integers', () => {
    const dir = writeFiles(path.join(tmp.root, 'options'), VALID_REGISTRY);
    const date = cli(['validate', '.', '--today', '2026-02-31'], dir);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain(
      '--today must be a date as YYYY-MM-DD, got 2026-02-31',
    );
    expect(date.stderr).not.toMatch(STACK_LINE);
    expect(cli(['validate', '.', '--today', '2028-02-29'], dir).code).toBe(0);

    // an unset variable in a CI script (--max-warnings "$MAX") is a mistake, not 0
    const empty = cli(['validate', '.', '--max-warnings', ''], dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(
      '--max-warnings must be a non-negative integer',
    );
    expect(cli(['validate', '.', '--max-warnings', '1e1'], dir).code).toBe(2);
    expect(
      cli(['impact', 'shared-auth', '.', '--max-depth', '0x2'], dir).code,
    ).toBe(2);

    // a value that starts with a dash: node's parser explains it over three lines, told in one
    const dash = cli(['impact', 'shared-auth', '.', '--max-depth', '-1'], dir);
    expect(dash.code).toBe(2);
    expect(dash.stderr).toBe(
      "service-registry: Option '--max-depth' argument is ambiguous. Did you forget to specify the option argument for '--max-depth'? To specify an option argument starting with a dash use '--max-depth=-XYZ'.\nRun service-registry --help for usage.\n",
    );
  });

  it('refuses an option of another command instead of ignoring it', () => {
    const dir = writeFiles(
      path.join(tmp.root, 'foreign-options'),
      VALID_REGISTRY,
    );
    const cases: Array<[string[], string]> = [
      [['validate', '.', '--fail-on-breaking'], '--fail-on-breaking'],
      [['validate', '.', '--check'], '--check'],
      [['docs', '.', '--format', 'json'], '--format'],
      [['graph', '.', '--today', '2026-01-01'], '--today'],
      [['impact', 'shared-auth', '.', '--service', 'x'], '--service'],
    ];
    for (const [args, option] of cases) {
      const run = cli(args, dir);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(
        `service-registry: ${option} is not an option of ${args[0]}`,
      );
    }
    expect(fs.existsSync(path.join(dir, 'docs'))).toBe(false);
  });

  it('--help names for each command the formats it accepts', () => {
    const help = cli(['--help'], tmp.root).stdout;
    expect(help).toContain(
      'validate, diff: text (default), json, markdown, github, gitlab, sarif\n',
    );
    expect(help).toContain('impact: text (default), json, markdown');
    const dir = writeFiles(path.join(tmp.root, 'help-formats'), VALID_REGISTRY);
    for (const format of [
      'text',
      'json',
      'markdown',
      'github',
      'gitlab',
      'sarif',
    ]) {
      expect(cli(['validate', '.', '--format', format], dir).code).toBe(0);
    }
    for (const format of ['text', 'json', 'markdown']) {
      expect(
        cli(['impact', 'shared-auth', '.', '--format', format], dir).code,
      ).toBe(0);
    }
    expect(cli(['validate', '--help'], dir)).toMatchObject({
      code: 0,
      stdout: expect.stringMatching(
        /^ {2}--format <f> +text \(default\), json, markdown, github, gitlab, sarif$/m,
      ),
    });
  });
});

/** Runs the CLI with stdout on a terminal (util-linux `script`), stderr into a file. */
function onTerminal(args: string[], cwd: string, env: Record<string, string>) {
  const stderrFile = path.join(tmp.root, `stderr-${Date.now()}.txt`);
  const command = [process.execPath, bin, ...args]
    .map(a => `'${a.replace(/'/g, `'\\''`)}'`)
    .join(' ');
  const result = spawnSync(
    'script',
    ['-qec', `${command} 2>'${stderrFile}'`, '/dev/null'],
    { cwd, encoding: 'utf8', env: { ...process.env, ...env } },
  );
  return {
    code: result.status,
    stdout: result.stdout,
    stderr: fs.readFileSync(stderrFile, 'utf8'),
  };
}

describe('colours', () => {
  const ESC = '\u001b[';

  it('only on a terminal, never with NO_COLOR, and not in a redirected stderr', () => {
    const dir = writeFiles(path.join(tmp.root, 'colours'), {
      ...VALID_REGISTRY,
      'services/catalog.toml': `${VALID_REGISTRY['services/catalog.toml']}mystery = 1\n`,
    });
    const env = { NO_COLOR: '' };
    const tty = onTerminal(['validate', '.'], dir, env);
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain(`${ESC}33mwarning`);
    expect(
      onTerminal(['validate', '.'], dir, { NO_COLOR: '1' }).stdout,
    ).not.toContain(ESC);
    expect(cli(['validate', '.'], dir, env).stdout).not.toContain(ESC);

    const broken = writeFiles(path.join(tmp.root, 'colours-broken'), {
      'services/catalog.toml': '[service.a\n',
    });
    const docs = onTerminal(['docs', '.'], broken, env);
    expect(docs.code).toBe(1);
    expect(docs.stderr).toContain('toml/syntax');
    expect(docs.stderr).not.toContain(ESC);
  });
});

describe('commands that read a registry whose files do not all parse', () => {
  it('say on stderr that the output leaves those files out', () => {
    const dir = writeFiles(path.join(tmp.root, 'partial'), {
      ...VALID_REGISTRY,
      'projects/ops/services.toml': '[service.ops-api\nowner = "ops"\n',
    });
    const runs = [
      cli(['graph', '.'], dir),
      cli(['impact', 'shared-auth', '.', '--format', 'json'], dir),
      cli(['openslo', '.'], dir),
    ];
    for (const run of runs) {
      expect(run.stderr).toContain(
        'service-registry: projects/ops/services.toml:1:',
      );
      expect(run.stderr).toContain('does not parse');
    }
    // stdout stays what the format promises
    expect(JSON.parse(runs[1].stdout).service).toBe('shared-auth');

    // the services of a base file that does not parse are not compared, nor taken for added
    const head = writeFiles(path.join(tmp.root, 'partial-head'), {
      ...VALID_REGISTRY,
      'projects/ops/services.toml':
        '[service.ops-api]\nowner = "ops"\nversion = "1.0.0"\nstatus = "ga"\n',
    });
    const diff = cli(['diff', dir, '.', '--format', 'json'], head);
    expect(JSON.parse(diff.stdout).diff.added).toEqual([]);
    expect(diff.stderr).toContain(
      `service-registry: ${dir}/projects/ops/services.toml:1:`,
    );
    expect(diff.stderr).toContain(
      'does not parse, so the diff does not compare the services it declares',
    );
  });
});

describe('service-registry docs --check', () => {
  it('takes documents a Windows checkout turned to CRLF as current and names a missing one', () => {
    const dir = writeFiles(path.join(tmp.root, 'docs-crlf'), VALID_REGISTRY);
    expect(cli(['docs'], dir).code).toBe(0);
    for (const name of ['SERVICES.md', 'TOPOLOGY.md', 'RUNBOOK.md']) {
      const file = path.join(dir, 'docs', name);
      fs.writeFileSync(
        file,
        fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n'),
      );
    }
    const crlf = cli(['docs', '--check'], dir);
    expect(crlf.stderr).toBe('');
    expect(crlf.code).toBe(0);

    fs.rmSync(path.join(dir, 'docs', 'TOPOLOGY.md'));
    const missing = cli(['docs', '--check'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(
      'docs/TOPOLOGY.md is missing.\nRun service-registry docs and commit the result.\n',
    );
    expect(fs.existsSync(path.join(dir, 'docs', 'TOPOLOGY.md'))).toBe(false);
  });
});

// the escaping GitHub's workflow commands need
describe('text output of a registry whose folder names hold control characters', () => {
  it('writes them as escapes, never raw to the terminal', () => {
    // an escape sequence and a carriage return in a project's folder name, which a pull request
    // can add: written raw, they would colour or overwrite the CI log's lines
    const folder = 'evil\u001b[8m\rhidden';
    const dir = path.join(tmp.root, 'control-folders');
    writeFiles(dir, {
      ...VALID_REGISTRY,
      [`projects/${folder}/services.toml`]:
        '[project]\nname = "Evil"\n[service.evil-api]\nowner = "x"\nmystery = 1\ndependencies.requires = ["shared-auth"]\n',
    });
    const base = path.join(tmp.root, 'control-folders-base');
    writeFiles(base, VALID_REGISTRY);
    const escaped = 'evil\\u001b[8m\\u000dhidden';
    const runs = {
      validate: cli(['validate', '.'], dir),
      diff: cli(['diff', base, '.'], dir),
      impact: cli(['impact', 'shared-auth', '.'], dir),
      dot: cli(['graph', '.'], dir),
      mermaid: cli(['graph', '.', '--format', 'mermaid'], dir),
    };
    for (const run of Object.values(runs)) {
      expect(run.stderr).toBe('');
      // no control character but line ends (colours are off: not a terminal)
      expect(run.stdout).not.toMatch(
        // eslint-disable-next-line no-control-regex
        /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/,
      );
    }
    expect(runs.validate.stdout).toContain(`projects/${escaped}/services.toml`);
    expect(runs.diff.stdout).toContain(`projects/${escaped}/services.toml`);
    expect(runs.impact.stdout).toContain(`project ${escaped}\n  evil-api`);
    // DOT doubles the backslash of the escape, so that Graphviz shows it
    expect(runs.dot.stdout).toContain(
      `label="${escaped.replace(/\\/g, '\\\\')}";`,
    );
    expect(runs.mermaid.stdout).toContain(`["${escaped}"]`);
    expect(runs.validate.stdout).toMatch(
      /projects\/evil\\u001b\[8m\\u000dhidden\/services\.toml:5:1 +warning +Service "evil-api": unknown field "mystery"/,
    );
  });
});

describe('messages on stderr about a registry file whose path holds control characters', () => {
  it('write them as escapes, never raw to the terminal', () => {
    // eslint-disable-next-line no-control-regex
    const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;
    const folder = 'evil\u001b[8m\rhidden';
    const escaped = 'evil\\u001b[8m\\u000dhidden';

    // a file that does not parse: graph, impact and openslo name it on stderr
    const dir = path.join(tmp.root, 'control-stderr');
    writeFiles(dir, {
      ...VALID_REGISTRY,
      [`projects/${folder}/services.toml`]: '[project]\nname = \n',
    });
    for (const args of [
      ['graph', '.'],
      ['impact', 'shared-auth', '.'],
      ['openslo', '.'],
    ]) {
      const run = cli(args, dir);
      expect(run.stderr).toContain(
        `projects/${escaped}/services.toml:2:8 does not parse`,
      );
      expect(run.stderr).not.toMatch(CONTROL);
    }

    // a link the reader refuses: the read fails with a message naming it and its target
    const linked = path.join(tmp.root, 'control-link');
    writeFiles(linked, VALID_REGISTRY);
    fs.symlinkSync(
      `../${folder}.toml`,
      path.join(linked, `policies-${folder}.toml`),
    );
    const refused = cli(['validate', '.'], linked);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `Refusing to read policies-${escaped}.toml`,
    );
    expect(refused.stderr).not.toMatch(CONTROL);

    // the same link in a diff's base: left out with a warning naming it
    const repo = path.join(tmp.root, 'control-link-repo');
    writeFiles(repo, VALID_REGISTRY);
    fs.symlinkSync(
      `../${folder}.toml`,
      path.join(repo, `policies-${folder}.toml`),
    );
    initRepository(repo);
    fs.rmSync(path.join(repo, `policies-${folder}.toml`));
    const diff = cli(['diff', 'main', '.'], repo);
    expect(diff.code).toBe(0);
    expect(diff.stderr).toContain(
      `leaving policies-${escaped}.toml out of the base main:.`,
    );
    expect(diff.stderr).not.toMatch(CONTROL);
  });
});

describe('GitHub annotations', () => {
  it('escape %, CR and LF in messages', () => {
    const governance =
      '\n[service.shared-auth.governance]\napprovers = ["@team\\r\\nx%", "b,c:d"]\n';
    const base = writeFiles(path.join(tmp.root, 'escaping-base'), {
      ...VALID_REGISTRY,
      'services/catalog.toml': `${VALID_REGISTRY['services/catalog.toml']}${governance}`,
    });
    const head = writeFiles(path.join(tmp.root, 'escaping-head'), {
      ...VALID_REGISTRY,
      'services/catalog.toml': `${VALID_REGISTRY[
        'services/catalog.toml'
      ].replace('port = 8080', 'port = 9090')}${governance}`,
    });
    const run = cli(['diff', base, '.', '--format', 'github'], head);
    expect(run.stdout).toContain(
      '::warning file=services/catalog.toml,line=5,col=1,title=breaking/port-changed::',
    );
    expect(run.stdout).toContain(
      'approvers: @team%0D%0Ax%25, b,c:d, shop-team. No migration guide: set migration.guide_url.\n',
    );
  });
});

// GitHub shows 10 annotations of each kind (error, warning, notice) per step and drops the others
describe('GitHub annotations of a pull request on a registry with many findings', () => {
  it('come first for what the pull request brings, and a notice says how many there are', () => {
    const unknownFields = Array.from(
      { length: 12 },
      (_, i) => `legacy_field_${i} = 1\n`,
    ).join('');
    const repo = writeFiles(path.join(tmp.root, 'many-annotations'), {
      ...VALID_REGISTRY,
      'services/catalog.toml': `${VALID_REGISTRY['services/catalog.toml']}${unknownFields}`,
    });
    initRepository(repo);
    writeFiles(repo, {
      'services/catalog.toml': `${VALID_REGISTRY[
        'services/catalog.toml'
      ].replace('port = 8080', 'port = 9090')}${unknownFields}`,
      'projects/shop/services.toml': `${VALID_REGISTRY['projects/shop/services.toml']}new_field = 1\n`,
    });

    const diff = cli(['diff', 'main', '.', '--format', 'github'], repo);
    expect(diff.code).toBe(0);
    const warnings = diff.stdout
      .split('\n')
      .filter(line => line.startsWith('::warning '));
    expect(warnings).toHaveLength(12 + 1 + 1);
    const shown = warnings.slice(0, 10).join('\n');
    expect(shown).toContain('title=breaking/port-changed::');
    expect(shown).toMatch(
      /file=projects\/shop\/services\.toml,line=\d+,col=\d+,title=schema\/unknown-field::.*new_field/,
    );
    const notice = diff.stdout
      .split('\n')
      .find(line => line.startsWith('::notice'));
    expect(notice).toMatch(/14 warnings/);
    expect(notice).toMatch(/10/);

    const validate = cli(['validate', '.', '--format', 'github'], repo);
    expect(
      validate.stdout.split('\n').filter(line => line.startsWith('::notice')),
    ).toHaveLength(1);
  });

  it('say nothing more when GitHub shows them all', () => {
    const dir = writeFiles(path.join(tmp.root, 'few-annotations'), {
      ...VALID_REGISTRY,
      'services/catalog.toml': `${VALID_REGISTRY['services/catalog.toml']}mystery = 1\n`,
    });
    const run = cli(['validate', '.', '--format', 'github'], dir);
    expect(run.stdout).not.toContain('::notice');
  });
});

describe('a reader that stops reading early (`validate | head`)', () => {
  it('ends the run without a crash, with the exit code of the validation', async () => {
    const services = Array.from(
      { length: 2000 },
      (_, i) =>
        `[service.svc-${i}]\nowner = "team"\nversion = "1.0.0"\nstatus = "ga"\nport = "eighty"\n`,
    ).join('\n');
    const dir = writeFiles(path.join(tmp.root, 'early-reader'), {
      'services/catalog.toml': services,
    });
    const child = spawn(process.execPath, [bin, 'validate', dir], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', text => {
      stderr += text;
    });
    // like `head -1`: read the first chunk, then close the pipe
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise(resolve => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE/);
    expect(stderr).not.toMatch(STACK_LINE);
    expect(code).toBe(1);
  });
});
