import { loadRegistry } from '@service-registry/plugin-service-registry-common';
import { forTerminal } from '../format/text';
import { breakingChangesIn } from './breakingChangesFile';
import {
  ConsumerIssue,
  planConsumerIssues,
  UntoldConsumer,
  UntoldReason,
} from './consumerIssues';
import { EXIT } from './errors';
import { HostedApiError } from './hostedApi';
import { CliIO } from './io';
import { IssueTracker, upsertIssue } from './issueTracker';
import { readDirectorySource } from './readSource';
import { checkRegistryRoot } from './registryRootNote';
import { warnAboutUnparsedFiles } from './unparsedFiles';

/** Options of `github-issues` and `gitlab-issues`. */
export interface ConsumerIssuesOptions {
  /** The JSON report of `diff`. */
  file: string;
  /** Head's registry, which declares the consumers' repositories (default `.`). */
  dir: string;
  /** Print the issues instead of opening them (`--dry-run`); needs no token. */
  dryRun: boolean;
  /** Size in bytes above which a registry file is not read (`--max-file-bytes`). */
  maxFileBytes?: number;
}

/** The host the issues are opened on, as a command of the CLI reaches it. */
export interface IssueHost {
  /** `github-issues`. */
  command: string;
  /** Why a consumer's repository is not on the host: `its repository is not on the GitHub server (GITHUB_SERVER_URL)`. */
  notOnHost: string;
  /** The repository an address names on the host, or undefined for another host. */
  repositoryOf(address: string): string | undefined;
  /** The address of the registry's change the job runs for, if known. */
  changeUrl?: string;
  /** The host's client, asked for only when issues are to be opened (it reads the token). */
  connect(): Promise<IssueTracker>;
  /**
   * The statuses that concern one repository (it refuses, is not found, has issues turned off):
   * told, and the other repositories still told. Any other failure ends the run.
   */
  refusals: readonly number[];
}

const UNTOLD: Record<Exclude<UntoldReason, 'not-on-host'>, string> = {
  'no-repository': 'it declares no repository',
  'not-in-registry':
    "the registry does not declare it (is it the report's head?)",
};

/** `shared-auth (major-version-bump) for project-a-api, gateway (optional)` */
function describeIssue(issue: ConsumerIssue): string {
  const kinds = issue.kinds.join(', ');
  const consumers = issue.consumers
    .map(c => `${c.id}${c.optional ? ' (optional)' : ''}`)
    .join(', ');
  return `${issue.service} (${kinds}) for ${consumers}`;
}

function describeUntold(c: UntoldConsumer, host: IssueHost): string {
  const project = c.project === null ? 'global' : `project ${c.project}`;
  return `${c.id} (${project}${c.owner ? `, owner ${c.owner}` : ''}) uses ${
    c.service
  }${c.optional ? ' optionally' : ''}, but ${
    c.reason === 'not-on-host' ? host.notOnHost : UNTOLD[c.reason]
  }`;
}

/**
 * Opens an issue in the repository of each service a breaking change reaches directly (seed 000:
 * "create automatic issue in project"), from the JSON report of `diff` and head's registry, which
 * declares the consumers' repositories: one issue per repository and changed service (see
 * `planConsumerIssues`), which the next run brings up to date while it is open. With `dryRun`,
 * prints the issues instead, and never connects to the host.
 *
 * @returns 0 when every issue is opened or up to date (or none is needed), 2 when a repository
 *   refused one (the others are still told); a missing token, an unreadable report or registry,
 *   or a host that cannot be reached throws (exit code 2)
 */
export async function runConsumerIssues(
  host: IssueHost,
  options: ConsumerIssuesOptions,
  io: CliIO,
): Promise<number> {
  const report = await breakingChangesIn(options.file, io.cwd);
  const source = await readDirectorySource(options.dir, {
    maxFileBytes: options.maxFileBytes,
  });
  checkRegistryRoot(source, io);
  const registry = loadRegistry(source.files);
  warnAboutUnparsedFiles(
    registry,
    source.files,
    source.displayRoot,
    'the repositories of the services it declares are not read',
    io,
  );
  const plan = planConsumerIssues(report, registry, host);
  // what comes from the registry (ids, owners, messages) never drives the terminal
  const t = forTerminal;
  const tellUntold = () => {
    for (const consumer of plan.untold) {
      io.stdout(`Not told: ${t(describeUntold(consumer, host))}\n`);
    }
  };
  if (plan.issues.length === 0) {
    io.stdout(
      report.breakingChanges.length === 0
        ? 'No breaking change: no issue to open.\n'
        : 'No breaking change reaches a service with a repository there: no issue to open.\n',
    );
    tellUntold();
    return EXIT.ok;
  }
  if (options.dryRun) {
    for (const issue of plan.issues) {
      // the text line by line: each line escaped, the line breaks kept
      const body = issue.body.trimEnd().split('\n').map(t).join('\n');
      io.stdout(
        `Would open or update an issue in ${t(issue.repository)}: ${t(
          describeIssue(issue),
        )}\n\n  title: ${t(issue.title)}\n\n${body}\n\n`,
      );
    }
    tellUntold();
    return EXIT.ok;
  }
  const tracker = await host.connect();
  const refused: string[] = [];
  for (const issue of plan.issues) {
    try {
      const result = await upsertIssue(tracker, issue.repository, issue);
      const done = {
        created: 'Opened',
        updated: 'Updated',
        unchanged: 'Up to date:',
      }[result.action];
      io.stdout(
        `${done} ${t(issue.repository)}#${result.number}: ${t(
          describeIssue(issue),
        )}${result.url ? ` ${t(result.url)}` : ''}\n`,
      );
    } catch (error) {
      if (
        error instanceof HostedApiError &&
        host.refusals.includes(error.status)
      ) {
        refused.push(error.message);
        continue;
      }
      throw error;
    }
  }
  tellUntold();
  for (const message of refused) {
    io.stderr(`service-registry: ${t(message)}\n`);
  }
  return refused.length > 0 ? EXIT.usage : EXIT.ok;
}
