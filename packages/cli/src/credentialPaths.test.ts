import fs from 'node:fs';
import path from 'node:path';
import { useBuiltCli } from './__testUtils__/builtCli';
import {
  cli,
  CliRun,
  VALID_REGISTRY as VALID,
  writeFiles,
} from './__testUtils__/cliProcess';

jest.setTimeout(120_000);

const tmp = useBuiltCli('cli-credential-paths-');

// someone pasted `https://deploy:s3cretpass@git.example.com` as a project folder's name
const PASSWORD = 's3cretpass';
const FOLDER = `projects/https:__deploy:${PASSWORD}@git.example.com`;
const SHOWN_FOLDER = 'projects/https:__deploy:(hidden)@git.example.com';
const FILE = `${FOLDER}/services.toml`;
const SHOWN_FILE = `${SHOWN_FOLDER}/services.toml`;

/** The project in that folder: deploy-api requires `requires` (line 10), deploy-web deploy-api. */
const project = (port: number, requires: string) => `[project]
name = "Deploy"
tier = "low"
[service.deploy-api]
owner = "deploy-team"
version = "1.0.0"
status = "ga"
port = ${port}
[service.deploy-api.dependencies]
requires = ["${requires}"]
[service.deploy-web]
owner = "deploy-team"
version = "1.0.0"
status = "ga"
[service.deploy-web.dependencies]
requires = ["deploy-api"]
`;

/** Where `missing-db` is in that file, when deploy-api requires it. */
const MISSING = { line: 10, column: 13 };

function registry(name: string, files: Record<string, string>): string {
  return writeFiles(path.join(tmp.root, name), files);
}

/** What a run printed, on both streams. */
const printed = (run: CliRun) => `${run.stdout}${run.stderr}`;

describe('a project folder named with a credential', () => {
  let dir = '';
  beforeAll(() => {
    dir = registry('head', { ...VALID, [FILE]: project(8080, 'missing-db') });
  });

  it('is shown with the credential hidden in text, naming the file, line and column', () => {
    const run = cli(['validate', '.'], dir);
    expect(run.code).toBe(1);
    expect(printed(run)).not.toContain(PASSWORD);
    expect(run.stdout.split('\n')).toContain(SHOWN_FILE);
    expect(run.stdout).toMatch(
      new RegExp(
        `${escape(SHOWN_FILE)}:${MISSING.line}:${
          MISSING.column
        } +error +.*missing-db.*dependency/missing-required`,
      ),
    );
    // validation tells to rename the folder, without the credential
    expect(run.stdout).toMatch(
      new RegExp(
        `${escape(SHOWN_FILE)}:1:1 +error +The folder name ${escape(
          SHOWN_FOLDER,
        )} holds a URL with an embedded password.*Rename the folder.*security/secret-path`,
      ),
    );
  });

  it('is shown with the credential hidden in JSON', () => {
    const run = cli(['validate', '.', '--format', 'json'], dir);
    expect(run.code).toBe(1);
    expect(printed(run)).not.toContain(PASSWORD);
    const { findings } = JSON.parse(run.stdout);
    expect(
      findings.find((f: any) => f.code === 'dependency/missing-required'),
    ).toMatchObject({ file: SHOWN_FILE, ...MISSING, service: 'deploy-api' });
    expect(
      findings.find((f: any) => f.code === 'security/secret-path'),
    ).toMatchObject({ file: SHOWN_FILE, line: 1, column: 1 });
  });

  it('is shown with the credential hidden in markdown', () => {
    const run = cli(['validate', '.', '--format', 'markdown'], dir);
    expect(printed(run)).not.toContain(PASSWORD);
    expect(run.stdout).toMatch(
      new RegExp(
        `\`${escape(SHOWN_FILE)}:${MISSING.line}:${
          MISSING.column
        }\`.*missing-db.*dependency/missing-required`,
      ),
    );
  });

  it('is annotated on the run, not on the file, with where the file is in the message', () => {
    const run = cli(['validate', '.', '--format', 'github'], dir);
    expect(run.code).toBe(1);
    expect(printed(run)).not.toContain(PASSWORD);
    const lines = run.stdout.trimEnd().split('\n');
    const missing = lines.find(line =>
      line.includes('title=dependency/missing-required'),
    );
    expect(missing).toMatch(
      new RegExp(
        `^::error title=dependency/missing-required::${escape(SHOWN_FILE)}:${
          MISSING.line
        }:${MISSING.column} .*missing-db`,
      ),
    );
    // no annotation names the folder in file=, not even redacted
    expect(lines.filter(line => /file=[^,]*deploy/.test(line))).toEqual([]);
    // the other files are annotated on themselves as usual
    expect(run.stdout).not.toContain('::error title=service-registry');
  });

  it('is hidden in what diff prints, in every format, a breaking change in it annotated on the run', () => {
    const base = registry('base', {
      ...VALID,
      [FILE]: project(8080, 'shared-auth'),
    });
    const head = registry('head-port', {
      ...VALID,
      [FILE]: project(9090, 'shared-auth'),
    });
    for (const format of ['text', 'json', 'markdown', 'github']) {
      const run = cli(['diff', base, head, '--format', format], tmp.root);
      expect(printed(run)).not.toContain(PASSWORD);
      expect(run.stdout).toContain(SHOWN_FOLDER);
    }
    const github = cli(['diff', base, head, '--format', 'github'], tmp.root);
    expect(github.stdout).toMatch(
      new RegExp(
        `^::warning title=breaking/port-changed::[^\\n]*${escape(
          SHOWN_FILE,
        )}:8:\\d+ `,
        'm',
      ),
    );
  });

  it('is hidden in the projects impact, graph and openslo print, and in the warnings on stderr', () => {
    const dir2 = registry('consumer', {
      ...VALID,
      [FILE]: project(8080, 'shared-auth'),
      // a file that does not parse, which impact and graph tell about on stderr
      [`${FOLDER}/deployment.toml`]: '[deployment\n',
    });
    const sla = registry('sla', {
      ...VALID,
      [FILE]: `${project(
        8080,
        'shared-auth',
      )}[service.deploy-api.sla]\navailability = "99.9%"\n`,
    });
    for (const format of ['text', 'json', 'markdown']) {
      const run = cli(['impact', 'shared-auth', '.', '--format', format], dir2);
      expect(run.code).toBe(0);
      expect(printed(run)).not.toContain(PASSWORD);
      expect(run.stdout).toContain(SHOWN_FOLDER.slice('projects/'.length));
      expect(run.stderr).toContain(`${SHOWN_FOLDER}/deployment.toml:`);
    }
    for (const format of ['dot', 'json', 'mermaid']) {
      const run = cli(['graph', '.', '--format', format], dir2);
      expect(run.code).toBe(0);
      expect(printed(run)).not.toContain(PASSWORD);
      expect(run.stdout).toContain('deploy-api');
      expect(run.stderr).toContain(`${SHOWN_FOLDER}/deployment.toml:`);
    }
    for (const format of ['yaml', 'json']) {
      const run = cli(['openslo', '.', '--format', format], sla);
      expect(run.code).toBe(0);
      expect(printed(run)).not.toContain(PASSWORD);
      // the project's label, and the file the targets come from
      expect(run.stdout).toContain(SHOWN_FOLDER.slice('projects/'.length));
      expect(run.stdout).toContain(`${SHOWN_FILE}:`);
    }
    // docs writes nothing for a file that does not parse, and tells which on stderr
    const docs = cli(['docs', '.', '--check'], dir2);
    expect(docs.code).toBe(1);
    expect(printed(docs)).not.toContain(PASSWORD);
    expect(docs.stderr).toContain(`${SHOWN_FOLDER}/deployment.toml`);
    expect(fs.existsSync(path.join(dir2, 'docs'))).toBe(false);
  });
});

describe('a project folder named with a percent-encoded URL that holds a password', () => {
  // what some tools write for `https://deploy:s3cretpass@git.example.com` as a file name
  const ENCODED_FOLDER = `projects/https%3A%2F%2Fdeploy%3A${PASSWORD}%40git.example.com`;
  const SHOWN_ENCODED_FOLDER =
    'projects/https%3A%2F%2Fdeploy%3A(hidden)%40git.example.com';
  const ENCODED_FILE = `${ENCODED_FOLDER}/services.toml`;
  const SHOWN_ENCODED_FILE = `${SHOWN_ENCODED_FOLDER}/services.toml`;

  it('is reported (security/secret-path) and shown with the credential hidden, in text and JSON', () => {
    const dir = registry('encoded', {
      ...VALID,
      [ENCODED_FILE]: project(8080, 'missing-db'),
    });
    const text = cli(['validate', '.'], dir);
    expect(text.code).toBe(1);
    expect(printed(text)).not.toContain(PASSWORD);
    expect(text.stdout).toMatch(
      new RegExp(
        `${escape(SHOWN_ENCODED_FILE)}:1:1 +error +The folder name ${escape(
          SHOWN_ENCODED_FOLDER,
        )} holds a URL with an embedded password.*Rename the folder.*security/secret-path`,
      ),
    );
    expect(text.stdout).toMatch(
      new RegExp(
        `${escape(SHOWN_ENCODED_FILE)}:${MISSING.line}:${
          MISSING.column
        } +error +.*missing-db.*dependency/missing-required`,
      ),
    );
    const json = cli(['validate', '.', '--format', 'json'], dir);
    expect(printed(json)).not.toContain(PASSWORD);
    const { findings } = JSON.parse(json.stdout);
    expect(
      findings.find((f: any) => f.code === 'dependency/missing-required'),
    ).toMatchObject({ file: SHOWN_ENCODED_FILE, ...MISSING });
  });
});

describe('docs, for a project folder named with a credential', () => {
  it.each([
    [FOLDER, SHOWN_FOLDER],
    [
      `projects/https%3A%2F%2Fdeploy%3A${PASSWORD}%40git.example.com`,
      'projects/https%3A%2F%2Fdeploy%3A(hidden)%40git.example.com',
    ],
  ])(
    'writes documents that show %s with the credential hidden, and checks them',
    (folder, shownFolder) => {
      const dir = registry(`docs-${shownFolder.length}`, {
        ...VALID,
        [`${folder}/services.toml`]: project(8080, 'shared-auth'),
      });
      const run = cli(['docs', '.'], dir);
      expect(run.code).toBe(0);
      expect(printed(run)).not.toContain(PASSWORD);
      const written = fs.readdirSync(path.join(dir, 'docs')).sort();
      expect(written).toEqual(['RUNBOOK.md', 'SERVICES.md', 'TOPOLOGY.md']);
      const documents = written.map(name =>
        fs.readFileSync(path.join(dir, 'docs', name), 'utf8'),
      );
      for (const document of documents) {
        expect(document).not.toContain(PASSWORD);
      }
      const [runbook, services, topology] = documents;
      expect(services).toContain(`(\`${shownFolder}/services.toml\`)`);
      // the runbook's list of projects, for a new service
      expect(runbook).toContain(`| \`${shownFolder}/services.toml\` |`);
      // the project's id, its folder's name: in the dependencies across projects
      expect(topology).toContain(
        `| \`deploy-api\` | ${shownFolder.slice('projects/'.length)} |`,
      );
      // the documents as written are this registry's
      const check = cli(['docs', '.', '--check'], dir);
      expect(check.code).toBe(0);
      expect(printed(check)).not.toContain(PASSWORD);
    },
  );
});

/** A text for a regular expression, as written. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
