/**
 * A command word of the MySQL and MariaDB clients (`mysql`, `mysqladmin`, `mariadb-dump`,
 * `/usr/bin/mysql`), global; not an image (`mysql:8`) nor a variable (`MYSQL_PASSWORD`). Group 1
 * is the character before the word (a quote opens a command: `sh -c "mysql ..."`).
 */
const MYSQL_WORD = /(^|[\s/;&|("'])(?:mysql|mariadb)[a-z-]*(?=[\s"']|$)/g;

/** What ends a command of a shell: `;`, `&&`, `||`, `|`, `&`, a line break, a parenthesis. */
const COMMAND_END = /[;&|()\n]/g;

/** Where the MySQL clients run in a text: the end of each command word, each command's end. */
interface MysqlCommands {
  /** The text these are positions of. */
  text: string;
  /** Where each MySQL client's command word ends, in order. */
  starts: number[];
  /** Where each command of the text ends (at a `;`, `&`, `|`, ...), in order. */
  ends: number[];
}

/** The last text looked at: its `-p` are judged one after the other. */
let last: MysqlCommands | undefined;

/**
 * Whether the word before the one at `at` is an option (`--name mysql`, `-v /var/lib/mysql`,
 * `-it mysql`), which then takes the word as its value or is another command's; `--` (the end of
 * options: `kubectl exec db -- mysql`) is not one. Reads back over the word's own path (`/usr/bin/`
 * of `/usr/bin/mysql`), the blanks before it and the word before them only.
 */
function afterOption(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && !/\s/.test(text[i - 1])) i--;
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  let start = i;
  while (start > 0 && !/\s/.test(text[start - 1])) start--;
  const word = text.slice(start, i);
  return word[0] === '-' && word !== '--';
}

function mysqlCommands(text: string): MysqlCommands {
  if (last?.text === text) return last;
  const starts: number[] = [];
  for (const match of text.matchAll(MYSQL_WORD)) {
    const [word, before] = match;
    // at the start, after a quote or where a command ends, it is a command word
    const opens = before === '' || /[;&|("']/.test(before);
    if (opens || !afterOption(text, match.index! + before.length)) {
      starts.push(match.index! + word.length);
    }
  }
  const ends: number[] = [];
  for (const match of text.matchAll(COMMAND_END)) ends.push(match.index!);
  last = { text, starts, ends };
  return last;
}

/** The last of sorted `positions` before `at`, or -1. */
function lastBefore(positions: readonly number[], at: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (positions[mid] < at) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? -1 : positions[low - 1];
}

/**
 * Whether a position of a text lies in the arguments of a MySQL or MariaDB client: after its
 * command word (`mysql -uroot -p...`, `docker exec db mysql -p...`, `sh -c "mysql -p..."`) and in
 * the same command (no `;`, `&&`, `|` between). Not after a word that is an option's value
 * (`docker run --name mysql -p3306 mysql:8`), nor before the word (`docker run -p3306 mysql`).
 * Looks at the text once, however many positions of it are asked about, one after the other.
 *
 * @param text - a value or a message
 * @param at - a position in it (where the value of a `-p` starts)
 */
export function runsMysqlAt(text: string, at: number): boolean {
  const { starts, ends } = mysqlCommands(text);
  const start = lastBefore(starts, at);
  return start !== -1 && lastBefore(ends, at) < start;
}
