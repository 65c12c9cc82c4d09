/**
 * The MySQL and MariaDB client programs, which take a password attached to `-p`
 * (`mysql -uroot -pS3cret`). Not the servers (`mysqld`, `mariadbd`: their `-p` is no password)
 * nor the other tools named alike (`mysqlrouter`, `mariadb-install-db`, `mysqldumpslow`).
 */
const MYSQL_CLIENTS: ReadonlySet<string> = new Set([
  'mysql',
  'mysqladmin',
  'mysqlbinlog',
  'mysqlcheck',
  'mysqldump',
  'mysqlimport',
  'mysqlpump',
  'mysqlsh',
  'mysqlshow',
  'mysqlslap',
  'mariadb',
  'mariadb-admin',
  'mariadb-backup',
  'mariadb-binlog',
  'mariadb-check',
  'mariadb-dump',
  'mariadb-import',
  'mariadb-show',
  'mariadb-slap',
  'mariadb-upgrade',
]);

/**
 * A word named like the MySQL and MariaDB programs (`mysql`, `mysqladmin`, `mariadb-dump`,
 * `mysqld`, `/usr/bin/mysql`), global; not an image (`mysql:8`) nor a variable
 * (`MYSQL_PASSWORD`). Group 1 is the character before the word (a quote opens a command:
 * `sh -c "mysql ..."`); the word is a client's when {@link MYSQL_CLIENTS} holds it.
 */
const MYSQL_WORD = /(^|[\s/;&|("'])((?:mysql|mariadb)[a-z-]*)(?=[\s"']|$)/g;

/**
 * Whether a command word (its name, or its path: `/usr/bin/mysqldump`) is one of the MySQL and
 * MariaDB clients, which take a password attached to `-p`: a lookup, not a pattern.
 *
 * @param word - a command word, as written
 */
export function isMysqlClient(word: string): boolean {
  return MYSQL_CLIENTS.has(word.slice(word.lastIndexOf('/') + 1));
}

/**
 * Whether a text names a MySQL or MariaDB client (see {@link isMysqlClient}) as a word anywhere:
 * the texts in which a `-p<password>` may be the client's. Shaped as a regular expression's
 * `test`, for `CredentialForm.within`.
 */
export const MYSQL_CLIENT_WORD: Pick<RegExp, 'test'> = {
  test(text: string): boolean {
    for (const match of text.matchAll(MYSQL_WORD)) {
      if (MYSQL_CLIENTS.has(match[2])) return true;
    }
    return false;
  },
};

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
    const [word, before, name] = match;
    // the server (`mysqld`) and the other tools named alike take no password with -p
    if (!MYSQL_CLIENTS.has(name)) continue;
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
