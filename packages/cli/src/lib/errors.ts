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

/** Exit codes of the CLI. */
export const EXIT = {
  /** No errors (and no more warnings than allowed). */
  ok: 0,
  /** The registry has errors, or more warnings than `--max-warnings`. */
  failed: 1,
  /** The command was called wrongly. */
  usage: 2,
} as const;
