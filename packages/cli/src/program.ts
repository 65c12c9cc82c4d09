import { parseArgs, ParseArgsOptionsConfig } from 'node:util';
import {
  isEntityName,
  redactSecrets,
} from '@service-registry/plugin-service-registry-common';
import { diffCommand } from './commands/diff';
import { docsCommand } from './commands/docs';
import { githubApprovalsCommand } from './commands/githubApprovals';
import { githubCommentCommand } from './commands/githubComment';
import { githubIssuesCommand } from './commands/githubIssues';
import { gitlabApprovalsCommand } from './commands/gitlabApprovals';
import { gitlabIssuesCommand } from './commands/gitlabIssues';
import { gitlabNoteCommand } from './commands/gitlabNote';
import { graphCommand } from './commands/graph';
import { impactCommand } from './commands/impact';
import { openSloCommand } from './commands/openslo';
import { validateCommand } from './commands/validate';
import { forTerminal } from './format/text';
import { EXIT, isReadProblem, UsageError } from './lib/errors';
import { CliIO } from './lib/io';
import {
  COMMAND_OPTIONS,
  CommandName,
  commandHelp,
  isCommandName,
  OptionName,
  overviewHelp,
} from './lib/help';
import { guardWorkflowCommands } from './lib/workflowCommands';
import {
  maxDepthOption,
  maxFileBytesOption,
  maxWarningsOption,
  onlyOption,
  reportFormat,
  todayOption,
} from './lib/options';

/** Usage text of the CLI: every command and option, and the exit codes (`--help`). */
export const USAGE = overviewHelp();

const OPTIONS = {
  format: { type: 'string' },
  today: { type: 'string' },
  'max-warnings': { type: 'string' },
  'fail-on-breaking': { type: 'boolean', default: false },
  'new-findings-only': { type: 'boolean', default: false },
  'include-optional': { type: 'boolean', default: false },
  'max-depth': { type: 'string' },
  service: { type: 'string' },
  'fill-from-policy': { type: 'boolean', default: false },
  out: { type: 'string' },
  check: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  'ignore-stale-approvals': { type: 'boolean', default: false },
  'max-file-bytes': { type: 'string' },
  'shared-system': { type: 'string' },
  only: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
  // every option the help describes (lib/help.ts), and no other
} as const satisfies Record<
  OptionName | 'help',
  ParseArgsOptionsConfig[string]
>;

/**
 * Checks `--shared-system`: a catalog entity name, as the catalog provider's `sharedSystem` must be
 * (letters and digits, joined by `-`, `_` or `.`, at most 63 characters).
 */
function sharedSystemOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isEntityName(value)) {
    throw new UsageError(
      `--shared-system must be a catalog entity name, as the catalog provider's sharedSystem is (letters and digits joined by '-', '_' or '.', at most 63 characters), got ${value}`,
    );
  }
  return value;
}

/** Refuses an option the command does not take: ignoring it would hide a mistake. */
function checkOptionsOf(
  command: CommandName,
  given: ReadonlyArray<{ kind: string; name?: string }>,
): void {
  const allowed = COMMAND_OPTIONS[command];
  for (const token of given) {
    if (token.kind !== 'option' || token.name === 'help') continue;
    const name = token.name as OptionName;
    if (!allowed.includes(name)) {
      throw new UsageError(
        `--${name} is not an option of ${command}; ${command} takes ${
          allowed.map(o => `--${o}`).join(', ') || 'no options'
        }`,
      );
    }
  }
}

/** The commands that take one file the job wrote: what they run, and what the file is. */
const FILE_COMMANDS: Record<
  'github-comment' | 'gitlab-note' | 'github-approvals' | 'gitlab-approvals',
  {
    run: (
      options: { file: string; ignoreStaleApprovals?: boolean },
      io: CliIO,
    ) => Promise<number>;
    file: string;
  }
> = {
  'github-comment': {
    run: githubCommentCommand,
    file: 'the markdown report to post',
  },
  'gitlab-note': {
    run: gitlabNoteCommand,
    file: 'the markdown report to post',
  },
  'github-approvals': {
    run: githubApprovalsCommand,
    file: 'the JSON report of diff',
  },
  'gitlab-approvals': {
    run: gitlabApprovalsCommand,
    file: 'the JSON report of diff',
  },
};

/**
 * Whether what a command prints on stdout in a format is read in a CI log (`text`), or stays the
 * same document once guarded (`json`): text from the registry there must not act as a GitHub
 * Actions workflow command. The `github` format writes its commands itself, with the registry's
 * text escaped as data; markdown, dot, mermaid and yaml are documents for a file or a comment.
 */
function isGuardedFormat(command: string, format: string | undefined) {
  // what github-comment and gitlab-note print holds an address the host answered with;
  // github-approvals and gitlab-approvals print the approvers the registry names and the host's
  // logins; github-issues and gitlab-issues the registry's ids, owners and messages
  if (
    command === 'github-comment' ||
    command === 'gitlab-note' ||
    command === 'github-approvals' ||
    command === 'github-issues' ||
    command === 'gitlab-issues' ||
    command === 'gitlab-approvals'
  ) {
    return true;
  }
  const reports = ['validate', 'diff', 'impact'];
  if (format === undefined) return reports.includes(command);
  return format === 'json' || format === 'text';
}

/**
 * Runs the CLI and returns its exit code; never throws. What it prints on stderr, and on stdout in
 * the text and JSON formats, holds no GitHub Actions workflow command (`::error::…`, `##[error]…`)
 * that the registry's text would make: a CI log shows such text as written.
 */
export async function runCli(argv: string[], given: CliIO): Promise<number> {
  const guarded = guardWorkflowCommands(given.stderr);
  // what stderr tells (an error or a warning naming a registry file) never shows a credential
  // that a path holds (a project folder named with one)
  const stderr = (text: string) => guarded(redactSecrets(text));
  let io: CliIO = { ...given, stderr };
  // where a usage problem sends the user: the command's own help once the command is known
  let helpCommand = 'service-registry --help';
  try {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        options: OPTIONS,
        allowPositionals: true,
        strict: true,
        tokens: true,
      });
    } catch (error) {
      // Node's messages run over several lines ("… is ambiguous.\nDid you forget …"): told in
      // one, as every usage problem is (escaped for the terminal, a line break would show as \u000a)
      throw new UsageError((error as Error).message.replace(/\s*\n\s*/g, ' '));
    }
    const { values, positionals, tokens } = parsed;
    const [word, ...rest] = positionals;
    if (word && isGuardedFormat(word, values.format)) {
      io = { ...io, stdout: guardWorkflowCommands(given.stdout) };
    }
    if (word && !isCommandName(word)) {
      // with --help too: a mistyped command is a mistake, not a request for help
      throw new UsageError(`unknown command ${word}`);
    }
    const command = word && isCommandName(word) ? word : undefined;
    if (command) helpCommand = `service-registry ${command} --help`;
    if (values.help) {
      io.stdout(command ? commandHelp(command) : USAGE);
      return EXIT.ok;
    }
    if (!command) {
      io.stderr(USAGE);
      return EXIT.usage;
    }
    checkOptionsOf(command, tokens);
    const maxFileBytes = maxFileBytesOption(values['max-file-bytes']);
    const expectAtMost = (n: number) => {
      if (rest.length > n) {
        throw new UsageError(
          `too many arguments for ${command}: ${rest.slice(n).join(' ')}`,
        );
      }
    };
    switch (command) {
      case 'validate':
        expectAtMost(1);
        return await validateCommand(
          {
            dir: rest[0] ?? '.',
            format: reportFormat(values.format),
            today: todayOption(values.today),
            maxWarnings: maxWarningsOption(values['max-warnings']),
            maxFileBytes,
            sharedSystem: sharedSystemOption(values['shared-system']),
            only: onlyOption(values.only),
          },
          io,
        );
      case 'diff':
        if (!rest[0])
          throw new UsageError(
            'diff needs a base: a directory or a git revision',
          );
        expectAtMost(2);
        return await diffCommand(
          {
            base: rest[0],
            head: rest[1] ?? '.',
            format: reportFormat(values.format),
            today: todayOption(values.today),
            maxWarnings: maxWarningsOption(values['max-warnings']),
            failOnBreaking: values['fail-on-breaking'],
            newFindingsOnly: values['new-findings-only'],
            maxFileBytes,
            sharedSystem: sharedSystemOption(values['shared-system']),
          },
          io,
        );
      case 'impact': {
        if (!rest[0]) throw new UsageError('impact needs a service id');
        expectAtMost(2);
        return await impactCommand(
          {
            service: rest[0],
            dir: rest[1] ?? '.',
            format: reportFormat(values.format, ['text', 'json', 'markdown']),
            includeOptional: values['include-optional'],
            maxDepth: maxDepthOption(values['max-depth']),
            maxFileBytes,
          },
          io,
        );
      }
      case 'graph':
        expectAtMost(1);
        return await graphCommand(
          { dir: rest[0] ?? '.', format: values.format, maxFileBytes },
          io,
        );
      case 'openslo':
        expectAtMost(1);
        return await openSloCommand(
          {
            dir: rest[0] ?? '.',
            format: values.format,
            service: values.service,
            fillFromTierPolicy: values['fill-from-policy'],
            maxFileBytes,
          },
          io,
        );
      case 'docs':
        expectAtMost(1);
        return await docsCommand(
          {
            dir: rest[0] ?? '.',
            out: values.out,
            check: values.check,
            maxFileBytes,
          },
          io,
        );
      case 'github-issues':
      case 'gitlab-issues':
        if (!rest[0]) {
          throw new UsageError(
            `${command} needs a file: the JSON report of diff`,
          );
        }
        expectAtMost(2);
        return await (command === 'github-issues'
          ? githubIssuesCommand
          : gitlabIssuesCommand)(
          {
            file: rest[0],
            dir: rest[1] ?? '.',
            dryRun: values['dry-run'],
            maxFileBytes,
          },
          io,
        );
      case 'github-comment':
      case 'gitlab-note':
      case 'github-approvals':
      case 'gitlab-approvals': {
        const { run, file } = FILE_COMMANDS[command];
        if (!rest[0]) {
          throw new UsageError(`${command} needs a file: ${file}`);
        }
        expectAtMost(1);
        // an option a command does not take was refused above (checkOptionsOf)
        return await run(
          {
            file: rest[0],
            ignoreStaleApprovals: values['ignore-stale-approvals'],
          },
          io,
        );
      }
      default:
        throw new UsageError(`unknown command ${command}`);
    }
  } catch (error) {
    // told in one line, with what comes from the registry or the command line (a file's name, a
    // link's target) escaped for the terminal
    if (error instanceof UsageError) {
      io.stderr(
        `service-registry: ${forTerminal(
          error.message,
        )}\nRun ${helpCommand} for usage.\n`,
      );
      return EXIT.usage;
    }
    if (isReadProblem(error)) {
      io.stderr(`service-registry: ${forTerminal(error.message)}\n`);
      return EXIT.usage;
    }
    io.stderr(`service-registry: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.usage;
  }
}
