import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bin } from './buildCli';

/** What a run of the CLI left: exit code and both streams. */
export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a subprocess, like the registry's CI does (`NO_COLOR` set unless `env`
 * says otherwise).
 */
export function cli(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): CliRun {
  const result = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Runs a program without blocking the test's event loop, so that a server of the test process (a
 * fake of GitHub's or GitLab's API) answers its requests; `NO_COLOR` set unless `env` says
 * otherwise.
 */
export function runAsync(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', text => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', text => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', code => resolve({ code, stdout, stderr }));
  });
}

/** {@link cli} without blocking the test's event loop (see {@link runAsync}). */
export function cliAsync(
  args: string[],
  cwd: string,
  env: Record<string, string | undefined> = {},
): Promise<CliRun> {
  return runAsync(process.execPath, [bin, ...args], cwd, env);
}

/** Writes files (path relative to `dir` → text or bytes), creating their folders. */
export function writeFiles(
  dir: string,
  files: Record<string, string | Uint8Array>,
): string {
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

/** Runs git in `cwd` with a fixed identity; returns its stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    ['-c', 'user.email=ci@example.com', '-c', 'user.name=CI', ...args],
    { cwd, stdio: 'pipe', encoding: 'utf8' },
  );
}

/** `git init` + everything committed on `main`. */
export function initRepository(dir: string, message = 'base'): string {
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message);
  return dir;
}

/** A small valid registry: a global service and a project whose services depend on it. */
export const VALID_REGISTRY = {
  'services/catalog.toml': `[service.shared-auth]
owner = "platform-team"
version = "1.2.3"
status = "ga"
port = 8080
`,
  'projects/shop/services.toml': `[project]
name = "Shop"
tier = "low"

[service.shop-api]
owner = "shop-team"
version = "2.0.0"
status = "ga"
[service.shop-api.dependencies]
requires = ["shared-auth@^1.0"]

[service.shop-web]
owner = "shop-team"
version = "1.0.0"
status = "ga"
[service.shop-web.dependencies]
requires = ["shop-api"]
`,
};
