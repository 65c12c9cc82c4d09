/**
 * A problem with how the command was called (bad option, missing directory, unknown git ref):
 * the CLI prints the message and exits with code 2.
 *
 * @public
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Something the command has to read cannot be read (a git revision's files, say): the CLI prints
 * the message, without a stack trace, and exits with code 2.
 *
 * @public
 */
export class ReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReadError';
  }
}

/**
 * Whether an error is a problem of the input or of the file system rather than a bug of the CLI:
 * a {@link ReadError}, an `InputError` of the registry reader (a symbolic link it refuses, say) or
 * a Node.js system error (`EACCES`, `ENOTDIR`, …). Those are told in one line.
 */
export function isReadProblem(error: unknown): error is Error {
  if (!(error instanceof Error)) return false;
  if (error instanceof ReadError || error.name === 'InputError') return true;
  const { code, syscall } = error as NodeJS.ErrnoException;
  return typeof code === 'string' && typeof syscall === 'string';
}

/** Exit codes of the CLI. */
export const EXIT = {
  /** No errors (and no more warnings than allowed). */
  ok: 0,
  /** The registry has errors, or more warnings than `--max-warnings`. */
  failed: 1,
  /** The command was called wrongly, or what it reads cannot be read. */
  usage: 2,
} as const;
