/**
 * The CLI's help: the overview (`service-registry --help`) and one page per command
 * (`service-registry <command> --help`), both written from the tables below, so that a command's
 * page and the overview never disagree.
 */

/** The CLI's commands, in the order the help lists them. */
export const COMMAND_NAMES = [
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
] as const;

/** A command of the CLI. */
export type CommandName = (typeof COMMAND_NAMES)[number];

/** Whether a word is one of the CLI's commands. */
export function isCommandName(word: string): word is CommandName {
  return (COMMAND_NAMES as readonly string[]).includes(word);
}

/** The options of the CLI (`--help` aside), in the order the help lists them. */
export const OPTION_NAMES = [
  'format',
  'today',
  'max-warnings',
  'only',
  'shared-system',
  'fail-on-breaking',
  'new-findings-only',
  'include-optional',
  'max-depth',
  'service',
  'fill-from-policy',
  'out',
  'check',
  'dry-run',
  'ignore-stale-approvals',
  'max-file-bytes',
] as const;

/** An option of the CLI, without its dashes. */
export type OptionName = (typeof OPTION_NAMES)[number];

interface CommandHelp {
  /** Its arguments as the usage line writes them. */
  synopsis: string;
  /** One line, for the overview's list of commands. */
  summary: string;
  /** What it does, for its own page. */
  description: string;
  /** Each argument and what it is. */
  arguments: ReadonlyArray<readonly [string, string]>;
  /** The options it takes, in the overview's order; any other is refused (exit code 2). */
  options: readonly OptionName[];
  /** When it exits with 0. */
  succeedsWhen: string;
  /** When it exits with 1 (none: it never does). */
  failsWhen?: string;
  /** The usage problems of its own, beyond those every command has (exit code 2). */
  usageProblems?: string;
  /** When it exits with 2, for a command that reads no registry (instead of the usual list). */
  cannotRun?: string;
}

const DIR_ARGUMENT = [
  'dir',
  "the registry's root folder, which holds services/, projects/ and policies/ (default .)",
] as const;

const COMMANDS: Record<CommandName, CommandHelp> = {
  validate: {
    synopsis: '[dir]',
    summary: 'validate the registry in dir (default .)',
    description:
      'Checks the whole registry (schema, missing dependencies, cycles, semver ranges, lifecycle and deprecation rules, SLA policy, credentials) and prints its findings, each at its file, line and column.',
    arguments: [DIR_ARGUMENT],
    options: [
      'format',
      'today',
      'max-warnings',
      'only',
      'shared-system',
      'max-file-bytes',
    ],
    succeedsWhen: 'no errors (and no more warnings than --max-warnings)',
    failsWhen: 'errors, or more warnings than --max-warnings',
  },
  diff: {
    synopsis: '<base> [head]',
    summary:
      "compare base (a directory, or a git revision of head's repository such as origin/main; origin/main... is the commit HEAD branched off origin/main) with the registry in head (default .)",
    description:
      "Compares two versions of the registry: the breaking changes and the projects they reach, the approvals they need, and the findings of head's registry.",
    arguments: [
      [
        'base',
        "the registry before the change: a directory, or a git revision of head's repository such as origin/main (origin/main... is the commit HEAD branched off origin/main)",
      ],
      ['head', 'the registry after the change (default .)'],
    ],
    options: [
      'format',
      'today',
      'max-warnings',
      'shared-system',
      'fail-on-breaking',
      'new-findings-only',
      'max-file-bytes',
    ],
    succeedsWhen:
      "no errors in head's registry (with --new-findings-only, none that base did not have; and no more warnings than --max-warnings, no breaking change with --fail-on-breaking)",
    failsWhen:
      "errors in head's registry (with --new-findings-only, errors the change brings), more warnings than --max-warnings, breaking changes with --fail-on-breaking",
    usageProblems: 'an unknown git revision',
  },
  impact: {
    synopsis: '<service> [dir]',
    summary: 'everything that depends on a service, directly and transitively',
    description:
      'Lists everything that depends on a service, directly and transitively, by project: each dependent with its depth, the service it depends through, and its owner.',
    arguments: [
      ['service', 'the id of a service of the registry'],
      DIR_ARGUMENT,
    ],
    options: ['format', 'include-optional', 'max-depth', 'max-file-bytes'],
    succeedsWhen: 'the dependents are printed',
    usageProblems: 'an unknown service',
  },
  graph: {
    synopsis: '[dir]',
    summary: 'print the dependency graph',
    description: "Prints the registry's dependency graph.",
    arguments: [DIR_ARGUMENT],
    options: ['format', 'max-file-bytes'],
    succeedsWhen: 'the graph is printed',
  },
  openslo: {
    synopsis: '[dir]',
    summary: 'print OpenSLO v1 SLO documents of the declared service levels',
    description:
      'Prints OpenSLO v1 documents (a Service and its SLOs) of the service levels the registry declares.',
    arguments: [DIR_ARGUMENT],
    options: ['format', 'service', 'fill-from-policy', 'max-file-bytes'],
    succeedsWhen: 'the documents are printed',
    failsWhen: '--service on a service that declares no service level',
  },
  docs: {
    synopsis: '[dir]',
    summary:
      "write the registry's documentation (SERVICES.md, TOPOLOGY.md, RUNBOOK.md) into dir/docs",
    description:
      "Writes the registry's documentation (SERVICES.md, TOPOLOGY.md, RUNBOOK.md) into dir/docs.",
    arguments: [DIR_ARGUMENT],
    options: ['out', 'check', 'max-file-bytes'],
    succeedsWhen:
      'the documents are written (with --check: the documents on disk are current)',
    failsWhen:
      'a registry with files that do not parse or are above the size limit, --check on documents that are not current',
  },
  'github-comment': {
    synopsis: '<file>',
    summary:
      "post file (diff's markdown report) as a comment of the workflow's GitHub pull request, replacing the one posted before",
    description:
      "Posts a file, the markdown report of diff, as a comment of the pull request a GitHub Actions workflow runs for; the next run replaces that comment's text rather than adding one more. It finds its comment by a hidden marker, so another workflow's comment, even one the same bot posted, is never edited (as gh pr comment --edit-last would). The pull request and GitHub's API come from the workflow's variables (GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL); the token from GITHUB_TOKEN (the job's github.token, with permissions: pull-requests: write), which is never printed.",
    arguments: [
      ['file', 'the comment: a markdown file, such as the report of diff'],
    ],
    options: [],
    succeedsWhen: 'the comment is posted or updated',
    cannotRun:
      'usage problems: an unknown option or an option of another command, a missing workflow variable or token, an event that names no pull request; a file that is missing or empty; GitHub cannot be reached or refuses the comment (its answer, and what to do)',
  },
  'github-approvals': {
    synopsis: '<file>',
    summary:
      "check that the approvals diff's JSON report requires are given by the reviews of the workflow's GitHub pull request",
    description:
      "Checks the approvals a change requires (requiredApprovals of the JSON report of diff, by the policies' [change_control] and the changed services' governance.approvers) against the reviews of the pull request a GitHub Actions workflow runs for, and prints one line per approver. An approver is approved when a reviewer with its login (without the @, in any case) approves, or an active member of the team it names: org/team as written, or a team of the repository's owner. A reviewer's last review that approves or requests changes counts (a dismissal takes an approval back; a comment does not); with --ignore-stale-approvals, an approval counts only when given on the pull request's head commit. Run it on pull_request and pull_request_review events, so that a new review runs it again. The pull request and GitHub's API come from the workflow's variables (GITHUB_EVENT_PATH, GITHUB_REPOSITORY, GITHUB_API_URL); the token from GITHUB_TOKEN (permissions: pull-requests: read; a token that can read the organisation's teams, read:org, for team approvers), which is never printed.",
    arguments: [['file', 'the JSON report of diff (diff … --format json)']],
    options: ['ignore-stale-approvals'],
    succeedsWhen: 'every required approver has approved, or none is required',
    failsWhen: 'a required approver has not approved',
    cannotRun:
      'usage problems: an unknown option or an option of another command, a missing workflow variable or token, an event that names no pull request; a file that is missing or is not the JSON report of diff; GitHub cannot be reached or refuses to answer (its answer, and what to do)',
  },
  'github-issues': {
    synopsis: '<file> [dir]',
    summary:
      "open an issue in the GitHub repository of each service a breaking change of diff's JSON report reaches",
    description:
      "Tells the services a breaking change reaches directly (those that require the changed service, and those that use it optionally, which it degrades) through an issue in their repository (seed 000: an automatic issue in each affected project): one issue per repository and changed service, listing the repository's consuming services, what changes, the migration guide and the approvers. A consumer's repository is its repository field in the registry in dir (head's, where the report was made); a consumer without one, or with one on another host, is listed as not told. The next run brings an open issue up to date rather than opening another, with a comment saying what is new (an edited description notifies no one): it finds the issue by a hidden marker, among those the token's user (or, for an installation token, a bot) opened; a person's issue is never edited, and a closed one stays closed. Run it where the registry's change lands (on push to the default branch), after diff … --format json. The token comes from GITHUB_TOKEN and must open issues in the consumers' repositories (issues: write): a GitHub App's installation token or a fine-grained personal access token, as a job's own github.token reaches only its repository; GitHub's API and server come from GITHUB_API_URL and GITHUB_SERVER_URL (default api.github.com and github.com), and the registry's commit, named in the issue, from GITHUB_REPOSITORY and GITHUB_SHA. The token is never printed.",
    arguments: [
      ['file', 'the JSON report of diff (diff … --format json)'],
      [
        'dir',
        "head's registry, whose services declare their repositories (default .)",
      ],
    ],
    options: ['dry-run', 'max-file-bytes'],
    succeedsWhen:
      'every issue is opened or up to date, or none is needed (with --dry-run: the issues are printed)',
    cannotRun:
      'usage problems: an unknown option or an option of another command, a missing directory or token; a file that is missing or is not the JSON report of diff; a registry that cannot be read; GitHub cannot be reached or refuses an issue (its answer, and what to do; the other repositories are still told)',
  },
  'gitlab-note': {
    synopsis: '<file>',
    summary:
      "post file (diff's markdown report) as a note of the pipeline's GitLab merge request, replacing the one posted before",
    description: `Posts a file, the markdown report of diff, as a note of the merge request a GitLab merge request pipeline runs for; the next pipeline of that merge request replaces the note's text rather than adding one more. The merge request and GitLab's API come from the pipeline's variables (CI_API_V4_URL, CI_MERGE_REQUEST_PROJECT_ID, CI_MERGE_REQUEST_IID); the token from the CI/CD variable SERVICE_REGISTRY_GITLAB_TOKEN (a project access token with the api scope and the Reporter role, masked), which is never printed.`,
    arguments: [
      ['file', 'the note: a markdown file, such as the report of diff'],
    ],
    options: [],
    succeedsWhen: 'the note is posted or updated',
    cannotRun:
      'usage problems: an unknown option or an option of another command, a missing pipeline variable or token; a file that is missing or empty; GitLab cannot be reached or refuses the note (its answer, and what to do)',
  },
  'gitlab-approvals': {
    synopsis: '<file>',
    summary:
      "check that the approvals diff's JSON report requires are given by the approvals of the pipeline's GitLab merge request",
    description:
      "Checks the approvals a change requires (requiredApprovals of the JSON report of diff, by the policies' [change_control] and the changed services' governance.approvers) against the approvals of the merge request a GitLab merge request pipeline runs for, and prints one line per approver. An approver is approved when a user with its username (without the @, in any case) approves, or a member (direct or inherited) of the group it names: a group path as written (group/subgroup), or a group of the project's top-level group (CI_PROJECT_ROOT_NAMESPACE), else a top-level group of that name. GitLab runs no pipeline on an approval: retry the job once approved (with Pipelines must succeed, the merge request cannot merge before). The merge request and GitLab's API come from the pipeline's variables (CI_API_V4_URL, CI_MERGE_REQUEST_PROJECT_ID, CI_MERGE_REQUEST_IID); the token from the CI/CD variable SERVICE_REGISTRY_GITLAB_TOKEN (read_api scope, Reporter role; a group access token of the top-level group for group approvers, masked), which is never printed.",
    arguments: [['file', 'the JSON report of diff (diff … --format json)']],
    options: [],
    succeedsWhen: 'every required approver has approved, or none is required',
    failsWhen: 'a required approver has not approved',
    cannotRun:
      'usage problems: an unknown option or an option of another command, a missing pipeline variable or token; a file that is missing or is not the JSON report of diff; GitLab cannot be reached or refuses to answer (its answer, and what to do)',
  },
  'gitlab-issues': {
    synopsis: '<file> [dir]',
    summary:
      "open an issue in the GitLab project of each service a breaking change of diff's JSON report reaches",
    description:
      "Does what github-issues does, with GitLab: an issue in the GitLab project of each service a breaking change reaches directly, one per project and changed service, brought up to date by the next run while it is open, with a note saying what is new (found by a hidden marker among the open issues the token's user opened; another user's issue is never edited, a closed one stays closed). A consumer's project is its repository field in the registry in dir (head's): the address of the project, or of a folder in it (…/group/project/-/tree/main/api), on the GitLab server CI_SERVER_URL (default https://gitlab.com); a consumer without one, or with one on another host, is listed as not told. Run it in a pipeline of the default branch, after diff … --format json. GitLab's API comes from CI_API_V4_URL, the registry's commit, named in the issue, from CI_PROJECT_URL and CI_COMMIT_SHA, and the token from the CI/CD variable SERVICE_REGISTRY_GITLAB_TOKEN (the api scope and the Reporter role in the consumers' projects: a group access token of their top-level group, masked), which is never printed.",
    arguments: [
      ['file', 'the JSON report of diff (diff … --format json)'],
      [
        'dir',
        "head's registry, whose services declare their repositories (default .)",
      ],
    ],
    options: ['dry-run', 'max-file-bytes'],
    succeedsWhen:
      'every issue is opened or up to date, or none is needed (with --dry-run: the issues are printed)',
    cannotRun:
      'usage problems: an unknown option or an option of another command, a missing directory or token; a file that is missing or is not the JSON report of diff; a registry that cannot be read; GitLab cannot be reached or refuses an issue (its answer, and what to do; the other projects are still told)',
  },
};

interface OptionHelp {
  /** The option as the help writes it, with its value. */
  flag: string;
  /** What it does, for each command that takes it. */
  text: Partial<Record<CommandName, string>>;
  /** What the overview says when every command takes it. */
  everyCommand?: string;
}

const REPORT_FORMATS = 'text (default), json, markdown, github, gitlab, sarif';
const TODAY = 'the date lifecycle rules measure days to (default: today, UTC)';
const MAX_WARNINGS = 'fail when there are more than n warnings';
const SHARED_SYSTEM =
  "the catalog provider's sharedSystem, the System of global services; a project named like it is an error (catalog/duplicate-entity; default shared)";
const MAX_FILE_BYTES =
  'registry files larger than this are not read, but reported (toml/file-too-large) and left out (default 16777216, 16 MiB';

const OPTIONS: Record<OptionName, OptionHelp> = {
  format: {
    flag: '--format <f>',
    text: {
      validate: REPORT_FORMATS,
      diff: REPORT_FORMATS,
      impact: 'text (default), json, markdown',
      graph: 'dot (default), json, mermaid',
      openslo: 'yaml (default), json',
    },
  },
  today: {
    flag: '--today <YYYY-MM-DD>',
    text: { validate: TODAY, diff: TODAY },
  },
  'max-warnings': {
    flag: '--max-warnings <n>',
    text: { validate: MAX_WARNINGS, diff: MAX_WARNINGS },
  },
  only: {
    flag: '--only <areas>',
    text: {
      validate:
        'only the findings of these areas of finding codes, comma-separated (dependency,security), for a CI step per area; those of files that could not be read are always shown',
    },
  },
  'shared-system': {
    flag: '--shared-system <name>',
    text: { validate: SHARED_SYSTEM, diff: SHARED_SYSTEM },
  },
  'fail-on-breaking': {
    flag: '--fail-on-breaking',
    text: { diff: 'fail when there are breaking changes' },
  },
  'new-findings-only': {
    flag: '--new-findings-only',
    text: {
      diff: "fail only on the findings the change brings: the errors (and warnings, for --max-warnings) base's registry already had are reported but do not fail the run, as the scaffolder's validate action does",
    },
  },
  'include-optional': {
    flag: '--include-optional',
    text: { impact: 'follow optional dependencies too' },
  },
  'max-depth': {
    flag: '--max-depth <n>',
    text: { impact: 'stop after n hops' },
  },
  service: {
    flag: '--service <id>',
    text: { openslo: 'only this service' },
  },
  'fill-from-policy': {
    flag: '--fill-from-policy',
    text: {
      openslo: "take targets a service does not declare from its tier's policy",
    },
  },
  out: {
    flag: '--out <dir>',
    text: { docs: 'write the documents there instead of dir/docs' },
  },
  check: {
    flag: '--check',
    text: {
      docs: 'write nothing; fail when the documents on disk are not current',
    },
  },
  'dry-run': {
    flag: '--dry-run',
    text: {
      'github-issues':
        'print the issues (repository, title, text) instead of opening them; needs no token',
      'gitlab-issues':
        'print the issues (project, title, text) instead of opening them; needs no token',
    },
  },
  'ignore-stale-approvals': {
    flag: '--ignore-stale-approvals',
    text: {
      'github-approvals':
        'count only the approvals given on the pull request\'s head commit, as branch protection\'s "Dismiss stale pull request approvals when new commits are pushed" would: an approval of an earlier commit does not count, and the approvers who gave one are named',
    },
  },
  'max-file-bytes': {
    flag: '--max-file-bytes <bytes>',
    text: {
      validate: `${MAX_FILE_BYTES})`,
      diff: `${MAX_FILE_BYTES}; in base and head alike)`,
      impact: `${MAX_FILE_BYTES})`,
      graph: `${MAX_FILE_BYTES})`,
      openslo: `${MAX_FILE_BYTES})`,
      docs: `${MAX_FILE_BYTES})`,
      'github-issues': `${MAX_FILE_BYTES})`,
      'gitlab-issues': `${MAX_FILE_BYTES})`,
    },
    everyCommand: `every command that reads a registry: ${MAX_FILE_BYTES}; for diff, both base and head)`,
  },
};

/** The options each command takes (`--help` goes with any). */
export const COMMAND_OPTIONS: Record<CommandName, readonly OptionName[]> =
  Object.fromEntries(
    COMMAND_NAMES.map(name => [name, COMMANDS[name].options]),
  ) as Record<CommandName, readonly OptionName[]>;

const WIDTH = 100;
const COLUMN = 30;
const HELP_FLAG = ['-h, --help', 'show this help'] as const;

/** Words of a text wrapped into lines of at most `width` characters (a longer word stays whole). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A term and its description, the description in its own column (on the next line when the term is long). */
function entry(term: string, ...descriptions: string[]): string {
  const head = `  ${term}`;
  const pad = ' '.repeat(COLUMN);
  const lines = descriptions.flatMap(d => wrap(d, WIDTH - COLUMN));
  if (head.length >= COLUMN - 1) {
    return [head, ...lines.map(l => pad + l)].join('\n');
  }
  return [
    head.padEnd(COLUMN) + lines[0],
    ...lines.slice(1).map(l => pad + l),
  ].join('\n');
}

/** An exit code and when, its continuation lines under the text. */
function exitCode(code: number, text: string): string {
  return wrap(text, WIDTH - 5)
    .map((line, index) => (index === 0 ? `  ${code}  ${line}` : `     ${line}`))
    .join('\n');
}

/** What an option's overview line says: each group of commands that share its text. */
function overviewOf(option: OptionHelp): string[] {
  if (option.everyCommand) return [option.everyCommand];
  const groups = new Map<string, CommandName[]>();
  for (const command of COMMAND_NAMES) {
    const text = option.text[command];
    if (text === undefined) continue;
    groups.set(text, [...(groups.get(text) ?? []), command]);
  }
  return [...groups].map(
    ([text, commands]) => `${commands.join(', ')}: ${text}`,
  );
}

/** `service-registry --help`: every command and option, and the exit codes. */
export function overviewHelp(): string {
  return `Usage: service-registry <command> [options]

Validate, diff and explore a TOML service registry.
service-registry <command> --help tells one command's arguments, options and exit codes.

Commands:
${COMMAND_NAMES.map(name =>
  entry(`${name} ${COMMANDS[name].synopsis}`, COMMANDS[name].summary),
).join('\n')}

Options:
${OPTION_NAMES.map(name =>
  entry(OPTIONS[name].flag, ...overviewOf(OPTIONS[name])),
).join('\n')}
${entry(...HELP_FLAG)}

Exit codes
${exitCode(0, 'no errors (and no more warnings than --max-warnings)')}
${exitCode(
  1,
  'errors, too many warnings, breaking changes with --fail-on-breaking, openslo --service on a service that declares no service level, docs on a registry with files that do not parse or are above the size limit, docs --check on documents that are not current, github-approvals and gitlab-approvals when a required approver has not approved',
)}
${exitCode(
  2,
  'usage problems: unknown command or option, an option of another command, missing directory, unknown git revision or service, a registry that cannot be read; github-comment, github-approvals, github-issues, gitlab-note, gitlab-approvals, gitlab-issues: a missing CI variable or token, a missing, empty or unreadable file, GitHub or GitLab unreachable or refusing the request',
)}
`;
}

/** `service-registry <command> --help`: its usage, arguments, options and exit codes. */
export function commandHelp(name: CommandName): string {
  const command = COMMANDS[name];
  const exitCodes = [exitCode(0, command.succeedsWhen)];
  if (command.failsWhen) exitCodes.push(exitCode(1, command.failsWhen));
  exitCodes.push(
    exitCode(
      2,
      command.cannotRun ??
        [
          'usage problems: an unknown option or an option of another command, a missing directory',
          command.usageProblems,
          'a registry that cannot be read',
        ]
          .filter(Boolean)
          .join(', '),
    ),
  );
  return `Usage: service-registry ${name} ${command.synopsis} [options]

${wrap(command.description, WIDTH).join('\n')}

Arguments:
${command.arguments.map(([term, text]) => entry(term, text)).join('\n')}

Options:
${[
  ...command.options.map(o => entry(OPTIONS[o].flag, OPTIONS[o].text[name]!)),
  entry(...HELP_FLAG),
].join('\n')}

Exit codes
${exitCodes.join('\n')}
`;
}
