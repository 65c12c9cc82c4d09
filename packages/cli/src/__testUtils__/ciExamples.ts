import fs from 'node:fs';
import path from 'node:path';
import { bin, packageDir } from './buildCli';
import { CliRun, git, runAsync } from './cliProcess';

/** The CI examples of the README (`examples/ci`). */
export const examplesDir = path.resolve(packageDir, '../../examples/ci');

/**
 * Lines of a YAML file with their indentation, for the small subset of YAML the CI examples use:
 * block mappings and sequences, plain and quoted one-line scalars and `|` block scalars. The
 * package has no YAML parser of its own, and the examples stay within that subset.
 */
interface Line {
  indent: number;
  text: string;
  /** 0-based line number. */
  at: number;
}

function linesOf(file: string): Line[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((raw, at) => ({
      indent: raw.length - raw.trimStart().length,
      text: raw.trim(),
      at,
    }));
}

/** A one-line scalar without its quotes and trailing comment. */
function scalar(value: string): string {
  const v = value.trim();
  if (/^'.*'$/.test(v)) return v.slice(1, -1).replace(/''/g, "'");
  if (/^".*"$/.test(v)) return JSON.parse(v);
  return v.replace(/\s+#.*$/, '');
}

/**
 * The entries of a block mapping whose keys are at `indent`, from line `from` until a line less
 * indented: `key: value`, `key: |` with its block, and nested blocks kept as their lines.
 */
function mapping(
  lines: Line[],
  from: number,
  indent: number,
): { entries: Map<string, string | Line[]>; end: number } {
  const entries = new Map<string, string | Line[]>();
  let i = from;
  while (i < lines.length) {
    const line = lines[i];
    if (line.text === '' || line.text.startsWith('#')) {
      i++;
      continue;
    }
    if (line.indent < indent) break;
    const m = /^([\w.-]+):\s*(.*)$/.exec(line.text);
    if (line.indent !== indent || !m) {
      throw new Error(`unexpected YAML at line ${line.at + 1}: ${line.text}`);
    }
    const [, key, rest] = m;
    i++;
    const block: Line[] = [];
    while (
      i < lines.length &&
      (lines[i].text === '' || lines[i].indent > indent)
    ) {
      block.push(lines[i]);
      i++;
    }
    while (block.length && block[block.length - 1].text === '') block.pop();
    if (rest === '|') {
      const base = Math.min(
        ...block.filter(l => l.text !== '').map(l => l.indent),
      );
      entries.set(
        key,
        `${block
          .map(l => (l.text === '' ? '' : ' '.repeat(l.indent - base) + l.text))
          .join('\n')}\n`,
      );
    } else if (rest === '' || rest.startsWith('#')) {
      entries.set(key, block);
    } else {
      entries.set(key, scalar(rest));
    }
  }
  return { entries, end: i };
}

/** The items of a block sequence (its `- ` lines and what belongs to each). */
function sequence(block: Line[]): Line[][] {
  const items: Line[][] = [];
  const content = block.filter(l => l.text !== '' && !l.text.startsWith('#'));
  if (content.length === 0) return items;
  const indent = content[0].indent;
  for (const line of block) {
    if (line.indent === indent && line.text.startsWith('- ')) {
      // the item's first line, as a line of its own mapping two columns in
      items.push([
        { indent: indent + 2, text: line.text.slice(2), at: line.at },
      ]);
    } else if (items.length) {
      items[items.length - 1].push(line);
    }
  }
  return items;
}

function get(map: Map<string, string | Line[]>, key: string): Line[] {
  const value = map.get(key);
  if (!Array.isArray(value)) throw new Error(`no block ${key}`);
  return value;
}

/** A step of the GitHub Actions example. */
export interface GithubStep {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  continueOnError: boolean;
  with: Record<string, string>;
  env: Record<string, string>;
}

function stringEntries(block: Line[] | undefined): Record<string, string> {
  if (!block) return {};
  const { entries } = mapping(block, 0, block.find(l => l.text)?.indent ?? 0);
  return Object.fromEntries(
    [...entries].map(([k, v]) => [k, typeof v === 'string' ? v : '']),
  );
}

/** The steps of the only job of the GitHub Actions example. */
export function githubSteps(
  file = path.join(examplesDir, 'github-actions-registry.yml'),
): GithubStep[] {
  const lines = linesOf(file);
  const top = mapping(lines, 0, 0).entries;
  const jobs = mapping(get(top, 'jobs'), 0, 2).entries;
  const [job] = [...jobs.values()] as Line[][];
  const steps = get(mapping(job, 0, 4).entries, 'steps');
  return sequence(steps).map(item => {
    const { entries } = mapping(item, 0, item[0].indent);
    const text = (key: string) => {
      const v = entries.get(key);
      return typeof v === 'string' ? v : undefined;
    };
    const block = (key: string) => {
      const v = entries.get(key);
      return Array.isArray(v) ? v : undefined;
    };
    return {
      name: text('name'),
      uses: text('uses'),
      run: text('run'),
      if: text('if'),
      continueOnError: text('continue-on-error') === 'true',
      with: stringEntries(block('with')),
      env: stringEntries(block('env')),
    };
  });
}

/** A job of the GitLab CI example (by default its merge request job): its variables and script lines. */
export function gitlabJob(
  name = 'service-registry',
  file = path.join(examplesDir, 'gitlab-ci-registry.yml'),
): { variables: Record<string, string>; script: string[] } {
  const lines = linesOf(file);
  const top = mapping(lines, 0, 0).entries;
  const job = get(top, name);
  const { entries } = mapping(job, 0, 2);
  const variables = entries.has('variables')
    ? stringEntries(get(entries, 'variables'))
    : {};
  const script = sequence(get(entries, 'script')).map(item =>
    scalar(item[0].text),
  );
  return { variables, script };
}

/**
 * A folder of fake commands put first on PATH: `npx --yes @service-registry/cli …` runs the CLI
 * under test.
 */
export function fakeTools(dir: string) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'npx'),
    `#!/bin/sh
[ "$1" = "--yes" ] && shift
[ "$1" = "@service-registry/cli" ] || { echo "npx: unexpected package $1" >&2; exit 127; }
shift
exec "${process.execPath}" "${bin}" "$@"
`,
    { mode: 0o755 },
  );
  return { path: dir };
}

/** What one step of a simulated job did. */
export interface StepRun {
  name: string;
  outcome: 'success' | 'failure' | 'skipped';
  code?: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a script in bash as a runner does (`-eo pipefail`), without blocking the test's event
 * loop, so that a fake served by the test process (GitHub's or GitLab's API) answers the
 * script's requests.
 */
function runBash(
  script: string,
  cwd: string,
  env: Record<string, string>,
): Promise<CliRun> {
  return runAsync(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script],
    cwd,
    env,
  );
}

/**
 * The head commit of pull request 1 of the bare repository `origin`: the second parent of its
 * merge commit (`refs/pull/1/merge`), as the pull request's events name it (`pull_request.head.sha`).
 */
export function pullRequestHead(origin: string): string {
  return git(origin, 'rev-parse', 'refs/pull/1/merge^2').trim();
}

/**
 * Runs the GitHub Actions example's job on pull request 1 of the bare repository `origin`, as a
 * runner would: `actions/checkout` (with the example's `fetch-depth`, unless `fetchDepth` says
 * otherwise) of `refs/pull/1/merge` (of `baseRef`'s tip for a `push` event), then each `run` step in bash with the `${{ }}` expressions
 * substituted, a step skipped after a failure unless its `if` is `always()`, and a failing step
 * with `continue-on-error` not failing the job. `GITHUB_ENV` and `GITHUB_STEP_SUMMARY` work as
 * on GitHub; the runner's variables name the repository `platform/registry`, the pull request's
 * event (`GITHUB_EVENT_NAME`, `GITHUB_EVENT_PATH` with its number, base branch and head commit,
 * `GITHUB_BASE_REF`) and GitHub's API
 * (`githubApiUrl`). Other actions (`uses`) are not run: a test reads what they would take from
 * their `with` (see {@link githubSteps}).
 */
export async function runGithubJob(options: {
  origin: string;
  workspace: string;
  tools: string;
  baseRef: string;
  fetchDepth?: number;
  /** `GITHUB_API_URL`: GitHub's API, faked by the test. */
  githubApiUrl: string;
  /** The job's `github.token` (default `token`). */
  token?: string;
  /** The repository's secrets (`secrets.<name>`); default none. */
  secrets?: Record<string, string>;
  /** The workflow (default the registry workflow, `github-actions-registry.yml`). */
  workflow?: string;
  /**
   * The event (default `pull_request`); `push` is a push to `baseRef` that moved it from its
   * first parent to its tip (`github.event.before`, `github.sha`).
   */
  eventName?: 'pull_request' | 'pull_request_review' | 'push';
}): Promise<{ steps: StepRun[]; failed: boolean; summary: string }> {
  const { origin, workspace, baseRef } = options;
  const eventName = options.eventName ?? 'pull_request';
  const steps = githubSteps(
    options.workflow && path.join(examplesDir, options.workflow),
  );
  fs.mkdirSync(workspace, { recursive: true });
  const files = path.join(workspace, '..', `${path.basename(workspace)}-files`);
  fs.mkdirSync(files, { recursive: true });
  const summaryFile = path.join(files, 'summary.md');
  const envFile = path.join(files, 'env');
  const eventFile = path.join(files, 'event.json');
  fs.writeFileSync(summaryFile, '');
  fs.writeFileSync(envFile, '');
  const pushed =
    eventName === 'push'
      ? {
          before: git(origin, 'rev-parse', `${baseRef}^1`).trim(),
          after: git(origin, 'rev-parse', baseRef).trim(),
        }
      : undefined;
  /** The event's payload, as GitHub writes it to `GITHUB_EVENT_PATH`. */
  const payload = () => {
    if (eventName === 'push') {
      return { ref: `refs/heads/${baseRef}`, ...pushed };
    }
    const pullRequest = {
      number: 1,
      base: { ref: baseRef },
      head: { sha: pullRequestHead(origin) },
    };
    return eventName === 'pull_request'
      ? { action: 'synchronize', number: 1, pull_request: pullRequest }
      : {
          action: 'submitted',
          review: { state: 'approved' },
          pull_request: pullRequest,
        };
  };
  fs.writeFileSync(eventFile, JSON.stringify(payload()));
  // the context as GitHub gives it: github.base_ref on pull_request events only; a secret that is
  // not set is the empty string
  const expressions: Record<string, string> = {
    ...(eventName === 'pull_request' ? { 'github.base_ref': baseRef } : {}),
    'github.event.pull_request.number': '1',
    'github.event.pull_request.base.ref': baseRef,
    'github.token': options.token ?? 'token',
    ...(pushed
      ? { 'github.event.before': pushed.before, 'github.sha': pushed.after }
      : {}),
  };
  const valueOf = (name: string) => {
    if (name.startsWith('secrets.')) {
      return options.secrets?.[name.slice('secrets.'.length)] ?? '';
    }
    if (!(name in expressions)) throw new Error(`no value for ${name}`);
    return expressions[name];
  };
  // `a || b`: the first that is not empty, as GitHub's expressions do
  const substitute = (text: string) =>
    text.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr: string) => {
      const values = expr.split('||').map(part => valueOf(part.trim()));
      return values.find(v => v !== '') ?? '';
    });

  const results: StepRun[] = [];
  let failed = false;
  for (const step of steps) {
    const name = step.name ?? step.uses ?? 'step';
    if (step.uses?.startsWith('actions/checkout@')) {
      const depth = options.fetchDepth ?? Number(step.with['fetch-depth'] ?? 1);
      git(workspace, 'init', '-q');
      git(workspace, 'remote', 'add', 'origin', origin);
      if (depth === 0) {
        git(
          workspace,
          'fetch',
          '-q',
          'origin',
          '+refs/heads/*:refs/remotes/origin/*',
          '+refs/tags/*:refs/tags/*',
        );
        git(
          workspace,
          'fetch',
          '-q',
          'origin',
          '+refs/pull/1/merge:refs/remotes/pull/1/merge',
        );
      } else {
        git(
          workspace,
          'fetch',
          '-q',
          `--depth=${depth}`,
          'origin',
          pushed
            ? `+refs/heads/${baseRef}:refs/remotes/origin/${baseRef}`
            : '+refs/pull/1/merge:refs/remotes/pull/1/merge',
        );
      }
      git(
        workspace,
        'checkout',
        '-q',
        '--detach',
        pushed ? `refs/remotes/origin/${baseRef}` : 'refs/remotes/pull/1/merge',
      );
      results.push({ name, outcome: 'success', stdout: '', stderr: '' });
      continue;
    }
    if (!step.run) {
      results.push({ name, outcome: 'success', stdout: '', stderr: '' });
      continue;
    }
    if (failed && step.if !== 'always()') {
      results.push({ name, outcome: 'skipped', stdout: '', stderr: '' });
      continue;
    }
    const stepEnv = Object.fromEntries(
      Object.entries(step.env).map(([k, v]) => [k, substitute(v)]),
    );
    const jobEnv = Object.fromEntries(
      fs
        .readFileSync(envFile, 'utf8')
        .split('\n')
        .filter(l => l.includes('='))
        .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    const run = await runBash(substitute(step.run), workspace, {
      PATH: `${options.tools}:${process.env.PATH}`,
      GITHUB_ACTIONS: 'true',
      GITHUB_API_URL: options.githubApiUrl,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'platform/registry',
      ...(pushed ? { GITHUB_SHA: pushed.after } : {}),
      GITHUB_EVENT_NAME: eventName,
      // set on pull request events only, as github.base_ref
      ...(eventName === 'pull_request' ? { GITHUB_BASE_REF: baseRef } : {}),
      GITHUB_EVENT_PATH: eventFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_ENV: envFile,
      ...jobEnv,
      ...stepEnv,
    });
    const outcome = run.code === 0 ? 'success' : 'failure';
    if (outcome === 'failure' && !step.continueOnError) failed = true;
    results.push({ name, outcome, ...run });
  }
  return {
    steps: results,
    failed,
    summary: fs.readFileSync(summaryFile, 'utf8'),
  };
}

/**
 * Runs the script of the GitLab CI example's job `name` on `branch` of the bare repository
 * `origin`, as a runner would: a fetch of the branch (with the job's `GIT_DEPTH`, else GitLab's
 * default 20), its commit checked out, then the script lines in one bash that stops at the first
 * failing line, with the pipeline's variables in `env`.
 */
function runGitlabScript(
  name: string,
  options: { origin: string; workspace: string; tools: string; branch: string },
  env: Record<string, string>,
): Promise<CliRun> {
  const { origin, workspace, branch } = options;
  const { variables, script } = gitlabJob(name);
  fs.mkdirSync(workspace, { recursive: true });
  git(workspace, 'init', '-q');
  git(workspace, 'remote', 'add', 'origin', origin);
  const depth = Number(variables.GIT_DEPTH ?? 20);
  git(
    workspace,
    'fetch',
    '-q',
    ...(depth > 0 ? [`--depth=${depth}`] : []),
    'origin',
    `+refs/heads/${branch}:refs/remotes/origin/${branch}`,
  );
  git(workspace, 'checkout', '-q', '--detach', `refs/remotes/origin/${branch}`);
  return runBash(script.join('\n'), workspace, {
    PATH: `${options.tools}:${process.env.PATH}`,
    ...env,
    ...variables,
  });
}

/**
 * Runs a merge request job of the GitLab CI example (default `service-registry`) in a merge
 * request pipeline of `source` into `target` of the bare repository `origin` (see
 * `runGitlabScript`).
 */
export function runGitlabJob(options: {
  origin: string;
  workspace: string;
  tools: string;
  source: string;
  target: string;
  /** More pipeline variables: GitLab's API and the note's token (`gitlab-note`). */
  variables?: Record<string, string>;
  /** The job (default `service-registry`). */
  job?: string;
}): Promise<CliRun> {
  return runGitlabScript(
    options.job ?? 'service-registry',
    { ...options, branch: options.source },
    {
      CI_PIPELINE_SOURCE: 'merge_request_event',
      CI_MERGE_REQUEST_SOURCE_BRANCH_NAME: options.source,
      CI_MERGE_REQUEST_TARGET_BRANCH_NAME: options.target,
      ...options.variables,
    },
  );
}

/**
 * Runs a default branch job of the GitLab CI example (default `service-registry-default-branch`)
 * in a push pipeline of `main` of the bare repository `origin` (see `runGitlabScript`).
 */
export function runGitlabDefaultBranchJob(options: {
  origin: string;
  workspace: string;
  tools: string;
  /** The job (default `service-registry-default-branch`). */
  job?: string;
  /** More pipeline variables: the push's commits, GitLab's API and the token. */
  variables?: Record<string, string>;
}): Promise<CliRun> {
  return runGitlabScript(
    options.job ?? 'service-registry-default-branch',
    { ...options, branch: 'main' },
    {
      CI_PIPELINE_SOURCE: 'push',
      CI_COMMIT_BRANCH: 'main',
      CI_DEFAULT_BRANCH: 'main',
      ...options.variables,
    },
  );
}
