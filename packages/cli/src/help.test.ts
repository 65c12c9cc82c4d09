import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runInProcess } from './__testUtils__/runInProcess';

// an empty folder of its own: a command that an option lets run (`docs --out x`) works in it
let cwd: string;
beforeAll(() => {
  cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-help-'));
});
afterAll(() => fs.rmSync(cwd, { recursive: true, force: true }));

/** Runs the CLI in-process, in its own empty folder; what it printed and its exit code. */
const run = (args: string[]) => runInProcess(args, { cwd });

const COMMANDS = [
  'validate',
  'diff',
  'impact',
  'graph',
  'openslo',
  'docs',
  'github-comment',
  'github-approvals',
  'github-issues',
  'gitlab-note',
  'gitlab-approvals',
  'gitlab-issues',
];

/** The `--name` flags a help page lists under its Options heading, in order. */
function optionsOf(page: string): string[] {
  const section = page.split(/^Options:$/m)[1].split(/^\S/m)[0];
  return [...section.matchAll(/^ {2}(?:-h, )?(--[a-z-]+)/gm)].map(m => m[1]);
}

describe('service-registry --help', () => {
  it('lists every command and every option, in lines of at most 100 characters', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of COMMANDS) {
      expect(stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    }
    const perCommand = new Set<string>();
    for (const command of COMMANDS) {
      const page = (await run([command, '--help'])).stdout;
      for (const option of optionsOf(page)) perCommand.add(option);
    }
    expect(optionsOf(stdout).sort()).toEqual([...perCommand].sort());
    expect(stdout.split('\n').filter(line => line.length > 100)).toEqual([]);
    expect(stdout).toContain('service-registry <command> --help');
    expect(stdout).toMatch(
      /^Exit codes\n {2}0 {2}.*\n(?:.*\n)* {2}1 {2}.*\n(?:.*\n)* {2}2 {2}/m,
    );
  });

  it('is the usage on stderr, with exit code 2, when no command is given', async () => {
    const overview = (await run(['--help'])).stdout;
    expect(await run([])).toEqual({ code: 2, stdout: '', stderr: overview });
  });
});

describe('service-registry <command> --help', () => {
  it.each(COMMANDS)(
    '%s: its usage, arguments and exit codes, and exactly the options it takes',
    async command => {
      const { code, stdout, stderr } = await run([command, '--help']);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(
        new RegExp(`^Usage: service-registry ${command} .*\\[options\\]\n`),
      );
      expect(stdout).toMatch(/^Arguments:\n {2}\S/m);
      expect(stdout).toMatch(/^Exit codes\n {2}0 {2}\S/m);
      expect(stdout.split('\n').filter(line => line.length > 100)).toEqual([]);
      // another command's help lists other things: each page is the command's own
      expect(stdout).not.toMatch(/^Commands:/m);

      // what the page lists is what the command accepts, and every other option is refused
      const listed = optionsOf(stdout);
      expect(listed).toContain('--help');
      const overview = optionsOf((await run(['--help'])).stdout);
      const others = overview.filter(o => o !== '--help');
      const answers: Record<string, string> = {};
      for (const option of others) {
        const answer = await run([command, option, 'x']);
        answers[option] =
          answer.code === 2 &&
          answer.stderr.includes(`${option} is not an option of ${command}`)
            ? 'refused'
            : 'taken';
      }
      expect(answers).toEqual(
        Object.fromEntries(
          others.map(o => [o, listed.includes(o) ? 'taken' : 'refused']),
        ),
      );
    },
  );

  it('sends a usage problem of a known command to that command’s help', async () => {
    expect(await run(['validate', '--service', 'x'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        'Run service-registry validate --help for usage.',
      ),
    });
    expect((await run(['frobnicate'])).stderr).toContain(
      'Run service-registry --help for usage.',
    );
  });

  it('shows the exit codes of the command: impact never fails, docs does', async () => {
    // each exit code on one line (its wrapped continuation lines joined)
    const codesOf = async (command: string) =>
      (await run([command, '--help'])).stdout
        .split(/^Exit codes\n/m)[1]
        .replace(/\n {5}/g, ' ')
        .trimEnd()
        .split('\n');
    const impact = await codesOf('impact');
    expect(impact).toHaveLength(2);
    expect(impact[1]).toMatch(/^ {2}2 {2}.*an unknown service/);
    const docs = await codesOf('docs');
    expect(docs[1]).toMatch(
      /^ {2}1 {2}.*--check on documents that are not current$/,
    );
    const diff = await codesOf('diff');
    expect(diff[1]).toMatch(
      /^ {2}1 {2}.*breaking changes with --fail-on-breaking$/,
    );
    expect(diff[2]).toMatch(/^ {2}2 {2}.*an unknown git revision/);
  });
});
