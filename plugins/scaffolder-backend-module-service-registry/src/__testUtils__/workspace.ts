import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { parse } from 'yaml';

/** The demo registry of the repository. */
export const DEMO_REGISTRY = path.resolve(
  __dirname,
  '../../../../examples/registry',
);

const created: string[] = [];

/** A temporary directory removed by {@link cleanUp}. */
export async function tempDir(prefix = 'sr-'): Promise<string> {
  const dir = await fs.realpath(
    await fs.mkdtemp(path.join(os.tmpdir(), prefix)),
  );
  created.push(dir);
  return dir;
}

/** Removes the temporary directories. */
export async function cleanUp(): Promise<void> {
  while (created.length) {
    await fs.rm(created.pop()!, { recursive: true, force: true });
  }
}

/** Runs git in a directory (for test setup and checks). */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' },
  }).trim();
}

/** Commits what is staged in a repository as a test author, without hooks or signing. */
export function commitAll(cwd: string, message: string): void {
  git(
    cwd,
    '-c',
    'user.name=Test',
    '-c',
    'user.email=test@example.com',
    'commit',
    '--quiet',
    '-m',
    message,
  );
}

/** A workspace with the demo registry in `registry/` and its base in `.service-registry/base`. */
export async function workspaceWithRegistry(
  source = DEMO_REGISTRY,
): Promise<string> {
  const workspace = await tempDir('sr-ws-');
  await fs.cp(source, path.join(workspace, 'registry'), { recursive: true });
  await fs.cp(source, path.join(workspace, '.service-registry/base'), {
    recursive: true,
  });
  return workspace;
}

/** A workspace like {@link workspaceWithRegistry}'s, with a registry made of the given files. */
export async function workspaceWithFiles(
  files: Record<string, string | Uint8Array>,
): Promise<string> {
  const source = await tempDir('sr-src-');
  for (const [file, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(source, file)), { recursive: true });
    await fs.writeFile(path.join(source, file), text);
  }
  return workspaceWithRegistry(source);
}

/** Collects every message the context's logger is given, at any level. */
export function captureLogs(ctx: { logger: Record<string, any> }): string[] {
  const messages: string[] = [];
  for (const level of ['debug', 'info', 'warn', 'error']) {
    ctx.logger[level] = (message: string) => {
      messages.push(message);
    };
  }
  return messages;
}

/** A bare git repository whose `main` holds the files of `source`, symbolic links as links. */
export async function bareRepositoryOf(
  source = DEMO_REGISTRY,
): Promise<string> {
  const root = await tempDir('sr-git-');
  const bare = path.join(root, 'registry.git');
  const work = path.join(root, 'work');
  git(root, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  // symbolic links stay as the source writes them (fs.cp would make relative ones absolute)
  await fs.cp(source, work, { recursive: true, verbatimSymlinks: true });
  git(work, 'init', '--quiet', '--initial-branch=main');
  git(work, 'add', '--all');
  commitAll(work, 'Initial registry');
  git(work, 'push', '--quiet', bare, 'main');
  return bare;
}

/** Every file below a directory with its content (to check that nothing changed). */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const entry of await fs.readdir(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '.git') await walk(p);
      } else out[path.relative(dir, p)] = await fs.readFile(p, 'utf8');
    }
  };
  await walk(dir);
  return out;
}

/** The app-config of the actions, allowing the given local repositories. */
export function configWith(
  localRepositories: string[] = [],
  extra: Record<string, unknown> = {},
) {
  return new ConfigReader({
    scaffolder: { serviceRegistry: { localRepositories, ...extra } },
    integrations: {
      github: [{ host: 'github.com', token: 'test-token' }],
      gitlab: [{ host: 'gitlab.com', token: 'test-token' }],
    },
  });
}

/** A mock action context on a workspace, its outputs collected. */
export function contextFor<T extends Record<string, any>>(
  workspacePath: string,
  input: T,
  extra: { isDryRun?: boolean } = {},
) {
  const outputs: Record<string, any> = {};
  const ctx = createMockActionContext({
    workspacePath,
    input: input as any,
    ...extra,
  } as any);
  if (extra.isDryRun !== undefined) ctx.isDryRun = extra.isDryRun;
  ctx.output = (name: string, value: any) => {
    outputs[name] = value;
  };
  return { ctx, outputs };
}

/** Runs the steps of an action's example that use that action, in order, on a workspace. */
export async function runExample(
  action: { id: string; handler: (ctx: any) => Promise<void> },
  example: { example: string },
  workspacePath: string,
): Promise<Record<string, any>[]> {
  const steps: { action: string; input: Record<string, any> }[] = parse(
    example.example,
  ).steps;
  const outputs = [];
  for (const step of steps.filter(s => s.action === action.id)) {
    const { ctx, outputs: out } = contextFor(workspacePath, step.input ?? {});
    await action.handler(ctx);
    outputs.push(out);
  }
  return outputs;
}
