import { parseArgs } from 'node:util';
import {
  isEntityName,
  redactSecrets,
} from '@service-registry/plugin-service-registry-common';
import { diffCommand } from './commands/diff';
import { docsCommand } from './commands/docs';
import { graphCommand } from './commands/graph';
import { impactCommand } from './commands/impact';
import { openSloCommand } from './commands/openslo';
import { validateCommand } from './commands/validate';
import { forTerminal } from './format/text';
import { EXIT, isReadProblem, UsageError } from './lib/errors';
import { CliIO } from './lib/io';
import { guardWorkflowCommands } from './lib/workflowCommands';
import {
  maxDepthOption,
  maxFileBytesOption,
  maxWarningsOption,
  reportFormat,
  todayOption,
} from './lib/options';

/** Usage text of the CLI. */
export const USAGE = `Usage: service-registry <command> [options]

Validate, diff and explore a TOML service registry.

Commands:
  validate [dir]              validate the registry in dir (default .)
  diff <base> [head]          compare base (a directory, or a git revision of head's repository
                              such as origin/main; origin/main... is the commit HEAD branched
                              off origin/main) with the registry in head (default .)
  impact <service> [dir]      everything that depends on a service, directly and transitively
  graph [dir]                 print the dependency graph
  openslo [dir]               print OpenSLO v1 SLO documents of the declared service levels
  docs [dir]                  write the registry's documentation (SERVICES.md, TOPOLOGY.md)
                              into dir/docs

Options:
  --format <f>                validate, diff: text (default), json, markdown, github
                              impact: text (default), json, markdown
                              graph: dot (default), json, mermaid
                              openslo: yaml (default), json
  --today <YYYY-MM-DD>        validate, diff: the date lifecycle rules measure days to
                              (default: today, UTC)
  --max-warnings <n>          validate, diff: fail when there are more than n warnings
  --shared-system <name>      validate, diff: the catalog provider's sharedSystem, the System of
                              global services; a project named like it is an error
                              (catalog/duplicate-entity; default shared)
  --fail-on-breaking          diff: fail when there are breaking changes
  --include-optional          impact: follow optional dependencies too
  --max-depth <n>             impact: stop after n hops
  --service <id>              openslo: only this service
  --fill-from-policy          openslo: take targets a service does not declare from its tier's policy
  --out <dir>                 docs: write the documents there instead of dir/docs
  --check                     docs: write nothing; fail when the documents on disk are not current
  --max-file-bytes <bytes>    every command: registry files larger than this are not read, but
                              reported (toml/file-too-large) and left out (default 16777216,
                              16 MiB; for diff, both base and head)
  -h, --help                  show this help

Exit codes:
  0  no errors (and no more warnings than --max-warnings)
  1  errors, too many warnings, breaking changes with --fail-on-breaking, openslo --service on a
     service that declares no service level, docs on a registry with files that do not parse
     or are above the size limit, docs --check on documents that are not current
  2  usage problems: unknown command or option, an option of another command, missing directory,
     unknown git revision or service, a registry that cannot be read
`;

const OPTIONS = {
  format: { type: 'string' },
  today: { type: 'string' },
  'max-warnings': { type: 'string' },
  'fail-on-breaking': { type: 'boolean', default: false },
  'include-optional': { type: 'boolean', default: false },
  'max-depth': { type: 'string' },
  service: { type: 'string' },
  'fill-from-policy': { type: 'boolean', default: false },
  out: { type: 'string' },
  check: { type: 'boolean', default: false },
  'max-file-bytes': { type: 'string' },
  'shared-system': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type OptionName = keyof typeof OPTIONS;

/** The options each command takes (`--help` goes with any). */
const COMMAND_OPTIONS: Record<string, readonly OptionName[]> = {
  validate: [
    'format',
    'today',
    'max-warnings',
    'max-file-bytes',
    'shared-system',
  ],
  diff: [
    'format',
    'today',
    'max-warnings',
    'fail-on-breaking',
    'max-file-bytes',
    'shared-system',
  ],
  impact: ['format', 'include-optional', 'max-depth', 'max-file-bytes'],
  graph: ['format', 'max-file-bytes'],
  openslo: ['format', 'service', 'fill-from-policy', 'max-file-bytes'],
  docs: ['out', 'check', 'max-file-bytes'],
};

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
  command: string,
  given: ReadonlyArray<{ kind: string; name?: string }>,
): void {
  const allowed = COMMAND_OPTIONS[command];
  if (!allowed) return;
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

/**
 * Whether what a command prints on stdout in a format is read in a CI log (`text`), or stays the
 * same document once guarded (`json`): text from the registry there must not act as a GitHub
 * Actions workflow command. The `github` format writes its commands itself, with the registry's
 * text escaped as data; markdown, dot, mermaid and yaml are documents for a file or a comment.
 */
function isGuardedFormat(command: string, format: string | undefined) {
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
    const [command, ...rest] = positionals;
    if (command && isGuardedFormat(command, values.format)) {
      io = { ...io, stdout: guardWorkflowCommands(given.stdout) };
    }
    if (command && !Object.hasOwn(COMMAND_OPTIONS, command)) {
      // with --help too: a mistyped command is a mistake, not a request for help
      throw new UsageError(`unknown command ${command}`);
    }
    if (values.help || !command) {
      (values.help ? io.stdout : io.stderr)(USAGE);
      return values.help ? EXIT.ok : EXIT.usage;
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
        )}\nRun service-registry --help for usage.\n`,
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
