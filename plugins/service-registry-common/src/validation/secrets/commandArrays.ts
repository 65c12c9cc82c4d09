import { isMysqlClient } from './mysqlCommands';

/**
 * An element of an array, with the array it is in: a command may be written as its arguments
 * (`["sshpass", "-p", "...", "ssh", "host"]`), whose elements are judged together.
 *
 * @public
 */
export interface ArrayElement {
  /** The whole array, as written. */
  array: readonly unknown[];
  /** Where the element is in it. */
  index: number;
}

/**
 * A first element that starts a command whose password forms the detector knows (see
 * `CREDENTIAL_FORMS`), by name or path (`/usr/bin/mysql`): curl, the MySQL and MariaDB clients
 * (`isMysqlClient`, not their servers), redis-cli (and its forks), sshpass, docker, podman, nerdctl, kubectl, oc, helm and OpenSSL; or
 * one that runs the command after it (`CMD` of a compose healthcheck, `sudo`, `env`, `exec`).
 */
const COMMAND_WORD =
  /^(?:[^\s]*\/)?(?:curl|(?:redis|valkey|keydb)-cli|sshpass|docker|podman|nerdctl|kubectl|oc|helm|openssl|CMD|sudo|env|exec)$/;

/**
 * Whether an array whose first element is this one is a command that may give a password to a
 * program in a form the detector knows (see {@link COMMAND_WORD}). Most arrays are not.
 *
 * @param first - the array's first element
 */
export function startsCommand(first: unknown): boolean {
  if (typeof first !== 'string') return false;
  const word = first.trim();
  return COMMAND_WORD.test(word) || (!/\s/.test(word) && isMysqlClient(word));
}

/** An array of arguments as one command line, and where each element starts in it. */
export interface CommandLine {
  /** The elements joined by spaces, as a shell would read them. */
  text: string;
  /** Where each element starts in {@link CommandLine.text}, in order. */
  starts: number[];
}

/**
 * An array that starts a command (see {@link startsCommand}) as one command line: its elements
 * joined by spaces, each as written (a number as its digits; an empty string, a boolean, a date,
 * a table or an array as `""`, which no password form takes). An element holding a space stays
 * one: whatever the detector finds in it starts inside it.
 *
 * @param array - the array, as written
 * @returns the command line, or undefined when the array does not start a command
 */
export function commandLineOf(
  array: readonly unknown[],
): CommandLine | undefined {
  if (!startsCommand(array[0])) return undefined;
  const starts: number[] = [];
  let text = '';
  for (const element of array) {
    if (starts.length > 0) text += ' ';
    starts.push(text.length);
    if (typeof element === 'string' && element !== '') text += element;
    else if (typeof element === 'number' || typeof element === 'bigint') {
      text += String(element);
    } else text += '""';
  }
  return { text, starts };
}

/**
 * The index of the element of a command line (see {@link commandLineOf}) a position of its text
 * is in.
 *
 * @param line - the command line
 * @param at - a position in its text
 */
export function elementAt(line: CommandLine, at: number): number {
  const { starts } = line;
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (starts[mid] <= at) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}
