import path from 'node:path';
import fs from 'node:fs';
import { writeFiles } from './cliProcess';
import { runInProcess } from './runInProcess';

/**
 * A registry whose policies require `@platform-team` and `@acme/security` for breaking changes
 * and `@Maintainer` for version bumps, with `auth` (at `port` and `version`) and `web`, which
 * requires it.
 */
export function approvalsRegistry(
  port: number,
  version: string,
): Record<string, string> {
  return {
    'policies/governance.toml': [
      '[change_control]',
      'breaking_changes_require = ["@platform-team", "@acme/security"]',
      'version_bumps_require = ["@Maintainer"]',
    ].join('\n'),
    'services/catalog.toml': [
      '[service.auth]',
      'owner = "platform-team"',
      `version = "${version}"`,
      `port = ${port}`,
      '',
      '[service.web]',
      'owner = "platform-team"',
      'dependencies.requires = ["auth"]',
    ].join('\n'),
  };
}

/**
 * Writes, in `cwd`, the JSON report of `diff` (as a workflow's diff step does) between
 * {@link approvalsRegistry} at port 8080 and version 1.0.0 and `head`, as `file`: `head` moves
 * auth to port 9090 and version 1.1.0 by default, which needs all three approvers.
 */
export async function writeApprovalsReport(
  cwd: string,
  file: string,
  head = approvalsRegistry(9090, '1.1.0'),
): Promise<void> {
  const base = path.join(cwd, `${file}-base`);
  const changed = path.join(cwd, `${file}-head`);
  writeFiles(base, approvalsRegistry(8080, '1.0.0'));
  writeFiles(changed, head);
  const diff = await runInProcess(
    ['diff', base, changed, '--format', 'json', '--today', '2026-01-20'],
    { cwd },
  );
  if (diff.code !== 0) {
    throw new Error(`diff exited ${diff.code}: ${diff.stderr}`);
  }
  fs.writeFileSync(path.join(cwd, file), diff.stdout);
}
