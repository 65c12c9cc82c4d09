import path from 'node:path';
import { useBuiltCli } from './__testUtils__/builtCli';
import { cli, writeFiles } from './__testUtils__/cliProcess';

jest.setTimeout(60_000);

const tmp = useBuiltCli('cli-workflow-commands-');

/**
 * The lines of a step's log that the GitHub Actions runner takes as workflow commands: a line
 * that starts with `::` once its leading blanks are trimmed (`::error::…`), or that holds `##[`
 * anywhere (the legacy `##[error]…` form, which the runner still reads in the middle of a line).
 * The runner reads lines split at CR, LF or both.
 */
function workflowCommandsIn(log: string): string[] {
  return log
    .split(/\r\n|\r|\n/)
    .filter(line => /^\s*::[^:]*::/.test(line) || line.includes('##['));
}

/**
 * A registry whose contributor writes workflow commands where the CLI echoes them: in a value a
 * message quotes, in a file's name (which starts a line of the text output) and in a project
 * folder's name that a warning on stderr names.
 */
const REGISTRY = {
  'services/catalog.toml': `[service.api]
owner = "api-team"
version = "1.0.0"
status = "ga"
[service.api.dependencies]
requires = ["##[error]forged from a value"]
`,
  '::error file=services/catalog.toml,line=1::forged from a name.toml':
    'x = 1\n',
  'projects/##[error]forged on stderr/services.toml': 'name = \n',
};

describe('output that a GitHub Actions step prints in its log', () => {
  it('holds no workflow command a registry file writes, in text, JSON and on stderr', () => {
    const dir = path.join(tmp.root, 'registry');
    writeFiles(dir, REGISTRY);

    const text = cli(['validate', '.'], dir);
    expect(text.code).toBe(1);
    // still said, so that the finding names the value and the file
    expect(text.stdout).toContain('forged from a value');
    expect(text.stdout).toContain('forged from a name.toml');
    expect(workflowCommandsIn(text.stdout)).toEqual([]);
    expect(workflowCommandsIn(text.stderr)).toEqual([]);

    const json = cli(['validate', '.', '--format', 'json'], dir);
    expect(json.code).toBe(1);
    expect(workflowCommandsIn(json.stdout)).toEqual([]);
    // the JSON document is the same: only how a character is written differs
    const doc = JSON.parse(json.stdout);
    expect(
      doc.findings.map((f: { message: string }) => f.message).join('\n'),
    ).toContain('"##[error]forged from a value"');
    expect(doc.findings.map((f: { file: string }) => f.file)).toContain(
      '::error file=services/catalog.toml,line=1::forged from a name.toml',
    );

    const graph = cli(['graph', '.'], dir);
    expect(graph.code).toBe(0);
    expect(graph.stderr).toContain('forged on stderr');
    expect(workflowCommandsIn(graph.stderr)).toEqual([]);

    const impact = cli(['impact', 'api', '.', '--format', 'json'], dir);
    expect(workflowCommandsIn(impact.stdout + impact.stderr)).toEqual([]);
  });

  it('holds only the annotations the github format means to write', () => {
    const dir = path.join(tmp.root, 'registry-github');
    writeFiles(dir, REGISTRY);

    const github = cli(['validate', '.', '--format', 'github'], dir);
    expect(github.code).toBe(1);
    const commands = workflowCommandsIn(github.stdout);
    expect(commands.length).toBeGreaterThan(0);
    // each line is one annotation, whose file is escaped as a property (a `##[` in its message
    // is data: the runner reads a line that starts as a command as that command only)
    for (const line of commands) {
      expect(line).toMatch(/^::(error|warning|notice) [^:]*::/);
    }
    expect(github.stdout).toContain(
      'file=%3A%3Aerror file=services/catalog.toml%2Cline=1%3A%3Aforged from a name.toml,',
    );
    expect(workflowCommandsIn(github.stderr)).toEqual([]);
  });
});
