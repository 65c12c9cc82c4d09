/** Where a command writes; injectable so tests can run commands in-process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colours). */
  isTTY: boolean;
  /** Whether what goes to stderr may be coloured (stderr is a terminal); default no colours. */
  stderrColor?: boolean;
  /** Working directory for relative paths. */
  cwd: string;
  /** The environment variables a command reads (gitlab-note's); default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/** Whether the user asked for no colours (`NO_COLOR` set and not empty, see no-color.org). */
function noColor(): boolean {
  return Boolean(process.env.NO_COLOR);
}

/**
 * Writes to a stream of the process until its reader goes away: when the output is piped into a
 * program that stops reading (`service-registry validate | head`), the rest is dropped instead of
 * crashing the run with `EPIPE`, so the command still ends with its own exit code. Other write
 * errors are thrown as before.
 */
function untilClosed(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return text => {
    if (!closed) stream.write(text);
  };
}

/** The process's own streams; each is coloured only when it is a terminal and NO_COLOR is unset. */
export function processIO(): CliIO {
  return {
    stdout: untilClosed(process.stdout),
    stderr: untilClosed(process.stderr),
    isTTY: Boolean(process.stdout.isTTY) && !noColor(),
    stderrColor: Boolean(process.stderr.isTTY) && !noColor(),
    cwd: process.cwd(),
  };
}
