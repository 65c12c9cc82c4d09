import { runCli } from '../program';

/**
 * Runs the CLI in this process (no build needed), in `cwd` and with `env` as its environment
 * (default: none), and returns what it printed and its exit code.
 */
export async function runInProcess(
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: text => {
      stdout += text;
    },
    stderr: text => {
      stderr += text;
    },
    isTTY: false,
    cwd: options.cwd,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}
