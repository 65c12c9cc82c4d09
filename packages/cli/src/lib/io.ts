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
}

/** Whether the user asked for no colours (`NO_COLOR` set and not empty, see no-color.org). */
function noColor(): boolean {
  return Boolean(process.env.NO_COLOR);
}

/** The process's own streams; each is coloured only when it is a terminal and NO_COLOR is unset. */
export function processIO(): CliIO {
  return {
    stdout: text => process.stdout.write(text),
    stderr: text => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY) && !noColor(),
    stderrColor: Boolean(process.stderr.isTTY) && !noColor(),
    cwd: process.cwd(),
  };
}
