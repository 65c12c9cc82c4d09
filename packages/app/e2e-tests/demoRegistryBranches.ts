/*
 * Branches of the demo registry's repository (scripts/demo-registry-remote.sh, which the demo
 * configuration's serviceRegistry.pendingChanges reads), pushed as the templates push theirs: the
 * pending changes the browser tests and the production smoke test look at.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** The demo registry's repository, from the repository root (the working directory). */
export const DEMO_REGISTRY_REMOTE =
  process.env.SERVICE_REGISTRY_DEMO_REMOTE ??
  path.join(process.cwd(), '.toolchain/demo-registry.git');

/** git as a person working on the registry. */
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ana Platform',
      GIT_AUTHOR_EMAIL: 'ana@example.com',
      GIT_COMMITTER_NAME: 'Ana Platform',
      GIT_COMMITTER_EMAIL: 'ana@example.com',
    },
  });

/**
 * Pushes a branch to the demo registry's repository, as the templates push theirs: a clone, an
 * edit of one registry file, one commit by Ana Platform. Returns the branch's name,
 * `service-registry/e2e-<name>-<time>`.
 *
 * @param name - what the branch's name starts with after its prefix
 * @param subject - the commit's subject
 * @param file - the registry file edited, relative to the registry's root
 * @param edit - the file's new text from its text on main
 */
export function pushDemoRegistryBranch(
  name: string,
  subject: string,
  file: string,
  edit: (text: string) => string,
): string {
  const branch = `service-registry/e2e-${name}-${Date.now().toString(36)}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pending-e2e-'));
  try {
    git(work, 'clone', '--quiet', DEMO_REGISTRY_REMOTE, '.');
    const target = path.join(work, file);
    fs.writeFileSync(target, edit(fs.readFileSync(target, 'utf8')));
    git(work, 'checkout', '--quiet', '-b', branch);
    git(work, 'commit', '--quiet', '-am', subject);
    git(work, 'push', '--quiet', 'origin', branch);
    return branch;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Deletes a branch of the demo registry's repository, if it is there. */
export function deleteDemoRegistryBranch(branch: string): void {
  try {
    execFileSync(
      'git',
      [`--git-dir=${DEMO_REGISTRY_REMOTE}`, 'branch', '-D', branch],
      { stdio: 'ignore' },
    );
  } catch {
    // deleted already
  }
}
