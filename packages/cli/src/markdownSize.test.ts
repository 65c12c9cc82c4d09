import path from 'node:path';
import { useBuiltCli } from './__testUtils__/builtCli';
import {
  cli,
  initRepository,
  VALID_REGISTRY,
  writeFiles,
} from './__testUtils__/cliProcess';

jest.setTimeout(60_000);

const tmp = useBuiltCli('cli-md-');

/** GitHub refuses a pull request comment longer than this (characters). */
const GITHUB_COMMENT_LIMIT = 65536;

/** A high-tier project of `count` services that declare no SLA: a warning each. */
function largeProject(count: number): string {
  const services = Array.from(
    { length: count },
    (_, i) => `
[service.fleet-${i}]
owner = "fleet-team"
version = "1.0.0"
status = "ga"
port = ${10000 + i}
`,
  );
  return `[project]\nname = "Fleet"\ntier = "high"\n${services.join('')}`;
}

/** Each table row has as many cells as its table's header (a `|` in a cell is escaped). */
function brokenTableRows(markdown: string): string[] {
  const broken: string[] = [];
  let cells: number | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      cells = undefined;
      continue;
    }
    const n = line.split(/(?<!\\)\|/).length;
    if (cells === undefined) cells = n;
    else if (n !== cells) broken.push(line);
  }
  return broken;
}

describe('the markdown report of a registry with many findings', () => {
  it('fits in a GitHub pull request comment, says how many findings it leaves out and keeps the breaking changes', () => {
    const repo = writeFiles(path.join(tmp.root, 'large'), {
      ...VALID_REGISTRY,
      'policies/sla.toml': `[sla.high]
availability = "99.9%"
response_time_p99 = "200ms"
support_hours = "business"
rto = "30m"
rpo = "5m"
`,
      'projects/fleet/services.toml': largeProject(260),
    });
    initRepository(repo);
    writeFiles(repo, {
      'services/catalog.toml': VALID_REGISTRY['services/catalog.toml'].replace(
        'port = 8080',
        'port = 9090',
      ),
    });

    const validate = cli(['validate', '.', '--format', 'markdown'], repo);
    const diff = cli(['diff', 'main', '.', '--format', 'markdown'], repo);
    for (const run of [validate, diff]) {
      expect(run.code).toBe(0);
      expect(run.stdout.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
      expect(run.stdout).toMatch(/… and \d+ more findings\./);
      expect(brokenTableRows(run.stdout)).toEqual([]);
    }
    expect(validate.stdout).toContain('260 warnings');
    expect(diff.stdout).toContain('### Breaking changes');
    expect(diff.stdout).toMatch(/moves from port 8080 to port 9090/);
    expect(diff.stdout).toContain('### Required approvals');

    // the JSON output keeps every finding
    const json = JSON.parse(
      cli(['validate', '.', '--format', 'json'], repo).stdout,
    );
    expect(json.findings).toHaveLength(260);
  });
});

describe('the markdown impact report of a widely used service', () => {
  it('fits in a GitHub pull request comment, naming fewer dependents a project and counting the others', () => {
    // 10 projects of 150 services that require shared-auth: about 100,000 characters in full
    const project = (p: number) =>
      `[project]\n${Array.from(
        { length: 150 },
        (_, i) =>
          `[service.team-${p}-consumer-${i}]\nowner = "team-${p}"\nversion = "1.0.0"\ndependencies.requires = ["shared-auth"]\n`,
      ).join('')}`;
    const files: Record<string, string> = { ...VALID_REGISTRY };
    for (let p = 0; p < 10; p++) {
      files[`projects/team-${p}/services.toml`] = project(p);
    }
    const repo = writeFiles(path.join(tmp.root, 'wide-impact'), files);
    const run = cli(
      ['impact', 'shared-auth', '.', '--format', 'markdown'],
      repo,
    );
    expect(run.code).toBe(0);
    expect(run.stdout.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(run.stdout).toContain('1502 services in 11 projects depend on it');
    expect(run.stdout).toMatch(
      /### Project `team-9`\n\n\| service \| depth \| via \| owner \|\n(?:\|.*\|\n){21}\n… and 130 more services in this project\.\n/,
    );
    expect(brokenTableRows(run.stdout)).toEqual([]);
  });
});
