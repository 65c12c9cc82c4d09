import { tomlBasicString } from '../../load/keyPath';
import { isSecretLookingKey } from '../../load/secrets';
import { ArrayElement, commandLineOf, elementAt } from './commandArrays';
import {
  CREDENTIAL_FORMS,
  formStarts,
  hideForm,
  holdsForm,
  mayHoldCredential,
  NOT_PASSWORD_WORD,
  NOT_PLACEHOLDER,
  OPENSSL_PASSWORD_KIND,
  USER_PASSWORD_KIND,
} from './credentialForms';
import { isProseWord } from './proseWords';

/** Keys whose name says they hold a credential (`token` but not `tokenizer`). */
const CREDENTIAL_KEY =
  /pass(word|wd|[-_]?phrase)|pwd|secret|token(?!i[sz])|api[-_]?key|private[-_]?key|access[-_]?key|credential|(^|[-_.])creds?($|[-_.])|(^|[-_.])(pass|pw)$/i;

/** The words of a key: split at `-`, `_`, `.` and camelCase humps, lowercase. */
function keyWords(key: string): string[] {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[-_.\s]+/)
    .filter(word => word !== '');
}

/**
 * A count of a language model's tokens, not a token: `max_tokens`, `OPENAI_MAX_TOKENS`,
 * `max_completion_tokens`, `maxOutputTokens` (the last word `tokens`, after `max`, `min` or
 * `num`).
 */
function isTokenCount(key: string): boolean {
  const words = keyWords(key);
  return (
    words[words.length - 1] === 'tokens' &&
    words.slice(0, -1).some(w => w === 'max' || w === 'min' || w === 'num')
  );
}

/** Last words of keys that only name, point to, describe or bound a credential. */
const DESCRIPTIVE_WORDS = [
  'url',
  'uri',
  'endpoint',
  'file',
  'path',
  'name',
  'ref',
  'env',
  'var',
  'ttl',
  'expiry',
  'expires',
  'header',
  'type',
  'length',
  'id',
  'count',
  'days',
  'hours',
  'rotation',
  'policy',
  'required',
  'enabled',
  'age',
  'min',
  'max',
  'limit',
  'timeout',
  'interval',
  'period',
  'lifetime',
  'attempts',
  'retries',
  'size',
  'format',
  'algorithm',
  'store',
  'backend',
  'provider',
  'manager',
  'mount',
  'engine',
  'source',
  'location',
  'version',
  'scope',
  'scopes',
  'issuer',
  'audience',
  // how long it lasts, in the units settings are named in
  'duration',
  'expiration',
  'expire',
  'in',
  'ms',
  'millis',
  'milliseconds',
  'secs',
  'seconds',
  'mins',
  'minutes',
  // how it is made, kept and sent
  'rounds',
  'cost',
  'method',
  'dir',
  'directory',
  'folder',
  'prefix',
];

/** Keys that only name, point to, describe or bound a credential: `token_ttl`, `secret-name`. */
const DESCRIPTIVE_SUFFIX = new RegExp(
  `[-_](${DESCRIPTIVE_WORDS.join('|')})$`,
  'i',
);

/** The same in camelCase: `tokenTtl`, `secretName`, `apiKeyID`. */
const DESCRIPTIVE_CAMEL_SUFFIX = new RegExp(
  `[a-z0-9](${DESCRIPTIVE_WORDS.map(
    word => `${word[0].toUpperCase()}${word.slice(1)}|${word.toUpperCase()}`,
  ).join('|')})$`,
);

/** Values that refer to a secret stored elsewhere, or are obvious placeholders. */
const REFERENCE = [
  /^\$\{[^}]+\}$/,
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /^\{\{.+\}\}$/,
  /^(vault|env|secret|secrets|ssm|arn|aws-sm|gcp-sm|azure-kv|k8s|file|op|sops|keychain):/i,
  /^<[^>]+>$/,
  /^[*xX.-]+$/,
  // a path to the file that holds it (`/var/secrets/google/key.json`, `./secrets/client.json`)
  /^(?:~|\.{1,2})?\/(?:[\w.@-]+\/)+[\w.@-]+\/?$/,
];

/** A whole `NAME=value` string (an environment entry, a `--flag=value` argument). */
const ASSIGNMENT = /^(-{0,2})([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*([\s\S]*)$/;

/**
 * A `NAME=value` or `--flag=value` word at the start of a text or after a space in a command (`env
 * PGPASSWORD=... psql`, `java -Ddb.password=... -jar`): the name, then {@link WORD_VALUE} from
 * `lastIndex`.
 */
const WORD_ASSIGNMENT = /(?:^|\s)(-{0,2})([A-Za-z_][A-Za-z0-9_.-]*)=/g;

/** The value of such a word: up to a space (an opening quote left out). */
const WORD_VALUE = /["']?([^\s"']*)/y;

/**
 * A flag followed by a space in a command (`--password hunter2`, `-pw hunter2`): its dashes and
 * name, ending in a letter or digit (`--password.` ends a sentence); {@link SPACED_VALUE} from
 * `lastIndex` reads its value.
 */
const SPACED_FLAG =
  /(?:^|\s)(-{1,2})([A-Za-z](?:[A-Za-z0-9_.-]*[A-Za-z0-9])?)(?=\s)/g;

/** The value after such a flag: the next word (an opening quote left out). */
const SPACED_VALUE = /\s+["']?([^\s"']*)/y;

/** Whether a text may give a flag a value after a space: a dash at its start or after a space. */
const MAY_HOLD_FLAG = /(?:^|\s)-/;

/**
 * Where OpenSSL's `-pass` (`-passin`, `-passout`) reads a password from, not one: `stdin`,
 * `fd:3`, and `pass:...`, whose password the OpenSSL form of `CREDENTIAL_FORMS` judges (`env:VAR`
 * and `file:path` are references).
 */
const OPENSSL_PASS_SOURCE = /^(?:stdin$|fd:\d+$|pass:)/;

/**
 * Flags whose value is a `KEY=value` pair, judged by `KEY` when written as one word
 * (`--from-literal=password=...`): kubectl's and oc's `--from-literal`, helm's `--set` and
 * `--set-string`, docker's `--env` and `--build-arg`. Not those whose value is a path or a spec
 * (`--from-file=password=./pw`, `--secret=id=npmrc,src=...`).
 */
const PAIR_FLAG = /^(?:from-literal|set|set-string|env|build-arg)$/;

/** A `KEY=value` pair given to such a flag. */
const PAIR = /^([A-Za-z_][A-Za-z0-9_.-]*)=/;

/** The setting of a switch after a flag (`--use-token true`), not a password. */
const SETTING = /^(?:true|false|yes|no|on|off|none|null)$/i;

/** A value that is a placeholder, not a password: `<password>`, `{{ password }}`, `***`. */
const PLACEHOLDER = new RegExp(`^(?!${NOT_PLACEHOLDER})`);

/** An array element that is a flag (`--password`, `-pw`), with its name. */
const FLAG = /^(-{1,2})([A-Za-z][A-Za-z0-9_.-]*)$/;

/** Flags named like a credential that take no value of it: `--password-stdin`, `--no-password`. */
const SWITCH_FLAG = /^(no|ask|prompt|skip)[-_]|[-_](stdin|prompt)$/i;

/** The `user:password` of curl's `-u` (not a reference nor a placeholder: `user:password`). */
const USER_PASSWORD = new RegExp(
  String.raw`^[^\s:]*:${NOT_PLACEHOLDER}${NOT_PASSWORD_WORD}\S+$`,
);

/** A uid:gid, as `docker run -u` takes. */
const UID_GID = /^\d+:\d+$/;

type KeyKind = 'credential' | 'suggestive' | 'plain';

/** How a key's name is classified, cached: keys repeat across thousands of services. */
const keyKinds = new Map<string, KeyKind>();

function classifyKey(key: string): KeyKind {
  let kind = keyKinds.get(key);
  if (kind === undefined) {
    if (
      CREDENTIAL_KEY.test(key) &&
      !DESCRIPTIVE_SUFFIX.test(key) &&
      !DESCRIPTIVE_CAMEL_SUFFIX.test(key) &&
      !isTokenCount(key)
    ) {
      kind = 'credential';
    } else if (isSecretLookingKey(key)) kind = 'suggestive';
    else kind = 'plain';
    if (keyKinds.size < 10_000) keyKinds.set(key, kind);
  }
  return kind;
}

function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const ch of text) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** A long token-like string: no spaces, at least 20 characters, high entropy, mixed classes. */
function looksRandom(value: string): boolean {
  if (value.length < 20 || /\s/.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter(re =>
    re.test(value),
  ).length;
  return classes >= 2 && shannonEntropy(value) >= 3.5;
}

/**
 * What a literal held by a named key (or variable) is, judged by the name: a credential when the
 * name says so, a random-looking credential when the name merely suggests one.
 */
function namedSecret(
  name: string,
  text: string,
  noun: 'key' | 'variable' | 'flag',
  shown = name,
): string | undefined {
  const kind = classifyKey(name);
  if (kind === 'plain' || text === '') return undefined;
  if (REFERENCE.some(re => re.test(text))) return undefined;
  if (kind === 'credential') {
    return `a credential (the ${noun} ${tomlBasicString(shown)} names one)`;
  }
  return looksRandom(text) ? 'a random-looking credential' : undefined;
}

/**
 * A value given to a name inside a command (a flag, a variable), judged by the name alone: a
 * credential when the name says so. A name that merely suggests one (`--key`, `--cert`) mostly
 * takes a path, and a value starting with `$` or a backtick is expanded by the shell.
 */
function commandSecret(
  name: string,
  text: string,
  noun: 'variable' | 'flag' | 'key',
  shown: string,
): string | undefined {
  if (classifyKey(name) !== 'credential') return undefined;
  if (isExpanded(text)) return undefined;
  if (noun === 'flag' && /^secrets?$/i.test(name) && !looksRandom(text)) {
    return undefined;
  }
  return namedSecret(name, text, noun, shown);
}

/**
 * Whether the shell expands a value (`$DB_PASSWORD`, `"${DB_PASSWORD}"`, `$(cat /run/secrets/db)`,
 * a backtick): what it stands for is not written there.
 */
function isExpanded(text: string): boolean {
  const start = text[0] === '"' ? text[1] : text[0];
  return start === '$' || start === '`';
}

/** A credential given to a flag or a variable in a command: what it is, and where its value is. */
interface CommandCredential {
  /** What it is, for messages: `a credential (the flag "--password" names one)`. */
  kind: string;
  /** Where its value starts in the text (after an opening quote). */
  start: number;
  /** Where the value's word ends (before a closing quote). */
  end: number;
  /** The quote the value is written in (up to its closing one), if any. */
  quote?: string;
}

/** The quote a value starting at `start` is written in: the character before it, if one. */
function quoteBefore(text: string, start: number): string | undefined {
  const quote = text[start - 1];
  return quote === '"' || quote === "'" ? quote : undefined;
}

/**
 * The credentials given to a flag after a space in a command (`--password hunter2`, `--api-key
 * ...`), judged as {@link commandSecret} does. A flag that takes none (`--password-stdin`), the
 * next flag, a setting's `=` (`-db_password = ...`), a placeholder (`<password>`, `{{ password
 * }}`), a switch's setting (`--use-token true`) and a word of prose (`--password and`) are left
 * alone. docker's `--secret` takes a secret's name or spec (`id=npmrc,src=...`): only a
 * random-looking value after it is one.
 */
function* spacedFlagsInCommand(text: string): Generator<CommandCredential> {
  SPACED_FLAG.lastIndex = 0;
  for (let flag = SPACED_FLAG.exec(text); flag; flag = SPACED_FLAG.exec(text)) {
    const [, dashes, name] = flag;
    if (classifyKey(name) !== 'credential' || SWITCH_FLAG.test(name)) continue;
    SPACED_VALUE.lastIndex = SPACED_FLAG.lastIndex;
    const value = SPACED_VALUE.exec(text)?.[1] ?? '';
    // the next flag, or a setting's `=` (`-db_password = ...`: a removed line of a diff)
    if (value === '' || value[0] === '-' || value[0] === '=') continue;
    if (PLACEHOLDER.test(value)) continue;
    if (isProseWord(value) || SETTING.test(value)) continue;
    if (dashes === '-' && name === 'pass' && OPENSSL_PASS_SOURCE.test(value)) {
      continue;
    }
    const kind = commandSecret(name, value, 'flag', `${dashes}${name}`);
    const end = SPACED_VALUE.lastIndex;
    const start = end - value.length;
    if (kind) yield { kind, start, end, quote: quoteBefore(text, start) };
  }
}

/**
 * The credential of a `KEY=value` pair given to a flag that takes one (see {@link PAIR_FLAG}:
 * `--from-literal=password=...`), judged by its key as {@link commandSecret} does.
 *
 * @param pair - the flag's value
 * @param start - where it starts in the text
 * @param quote - the quote it is written in, if any
 */
function pairSecret(
  pair: string,
  start: number,
  quote: string | undefined,
): CommandCredential | undefined {
  const key = PAIR.exec(pair)?.[1];
  if (key === undefined) return undefined;
  const value = pair.slice(key.length + 1);
  if (PLACEHOLDER.test(value)) return undefined;
  const kind = commandSecret(key, value, 'key', key);
  return kind
    ? { kind, start: start + key.length + 1, end: start + pair.length, quote }
    : undefined;
}

/**
 * The credentials given to a name in a `NAME=value` or `--flag=value` word of a command, judged
 * as {@link commandSecret} does, and those of a `KEY=value` pair given to a flag that takes one
 * (`--from-literal=password=...`, see {@link pairSecret}); a placeholder (`<password>`, `{{
 * password }}`) is left alone.
 */
function* assignedInCommand(text: string): Generator<CommandCredential> {
  WORD_ASSIGNMENT.lastIndex = 0;
  for (
    let word = WORD_ASSIGNMENT.exec(text);
    word;
    word = WORD_ASSIGNMENT.exec(text)
  ) {
    const [, dashes, name] = word;
    WORD_VALUE.lastIndex = WORD_ASSIGNMENT.lastIndex;
    const value = WORD_VALUE.exec(text)![1];
    if (PLACEHOLDER.test(value)) continue;
    const kind = dashes
      ? commandSecret(name, value, 'flag', `${dashes}${name}`)
      : commandSecret(name, value, 'variable', name);
    const end = WORD_VALUE.lastIndex;
    const start = end - value.length;
    const quote = quoteBefore(text, start);
    if (kind) yield { kind, start, end, quote };
    else if (dashes === '--' && PAIR_FLAG.test(name)) {
      const pair = pairSecret(value, start, quote);
      if (pair) yield pair;
    }
  }
}

/**
 * The credentials given to flags and variables in a command (see {@link assignedInCommand} and
 * {@link spacedFlagsInCommand}), in the order they are looked for.
 *
 * @param assigned - whether to look for `NAME=value` words (the text holds a `=`)
 * @param spaced - whether to look for flags followed by a space (see {@link MAY_HOLD_FLAG})
 */
function* credentialsInCommand(
  text: string,
  assigned: boolean,
  spaced: boolean,
): Generator<CommandCredential> {
  if (assigned) yield* assignedInCommand(text);
  if (spaced) yield* spacedFlagsInCommand(text);
}

/** The OpenSSL form of {@link CREDENTIAL_FORMS}: `-pass pass:<password>`. */
const OPENSSL_FORM = CREDENTIAL_FORMS.find(
  form => form.kind === OPENSSL_PASSWORD_KIND,
)!;

/**
 * An array element judged as the value of the flag before it: a credential after a flag named
 * like one (`"--password", "..."`, `"--token", "..."`), a `user:password` after `-u`/`--user`
 * (curl's; not a uid:gid), a `pass:<password>` after OpenSSL's `-pass` (not `stdin`, `fd:3`).
 * `-p` is not judged: a port, a parent, a publish as often as a password.
 */
function flagValueSecret(previous: unknown, text: string): string | undefined {
  if (typeof previous !== 'string' || previous[0] !== '-') return undefined;
  if (text[0] === '-') return undefined; // the next flag
  const flag = FLAG.exec(previous.trim());
  if (!flag) return undefined;
  const [, dashes, name] = flag;
  const shown = `${dashes}${name}`;
  if (shown === '-u' || shown === '--user') {
    return USER_PASSWORD.test(text) &&
      !UID_GID.test(text) &&
      !REFERENCE.some(re => re.test(text))
      ? USER_PASSWORD_KIND
      : undefined;
  }
  if (shown === '-pass' && OPENSSL_PASS_SOURCE.test(text)) {
    return holdsForm(OPENSSL_FORM, `-pass ${text}`)
      ? OPENSSL_PASSWORD_KIND
      : undefined;
  }
  if (SWITCH_FLAG.test(name)) return undefined;
  return commandSecret(name, text, 'flag', shown);
}

/**
 * The credentials in an array that starts a command (see `commandLineOf`: `["sshpass", "-p",
 * "...", "ssh", "host"]`), by the index of the element each starts in: those {@link detectSecret}
 * finds in the same command written as one string, of a well-known form first.
 */
function credentialsInArray(
  array: readonly unknown[],
): ReadonlyMap<number, string> | undefined {
  const line = commandLineOf(array);
  if (!line) return undefined;
  const { text } = line;
  const found = new Map<number, string>();
  const note = (at: number, kind: string) => {
    const index = elementAt(line, at);
    if (!found.has(index)) found.set(index, kind);
  };
  const marked = mayHoldCredential(text);
  if (marked) {
    for (const form of CREDENTIAL_FORMS) {
      for (const at of formStarts(form, text)) note(at, form.kind);
    }
  }
  for (const { kind, start } of credentialsInCommand(
    text,
    marked,
    MAY_HOLD_FLAG.test(text),
  )) {
    note(start, kind);
  }
  return found.size > 0 ? found : undefined;
}

/** The last array judged whole, and what was found in it: its elements are judged in turn. */
let lastArray: readonly unknown[] | undefined;
let lastFound: ReadonlyMap<number, string> | undefined;

/**
 * The credential an array element holds as an argument of the command the array writes (see
 * {@link credentialsInArray}), if any. The array is judged once for all its elements, asked
 * about one after the other.
 */
function argumentSecret(element: ArrayElement): string | undefined {
  const { array, index } = element;
  if (array !== lastArray) {
    lastArray = array;
    lastFound = credentialsInArray(array);
  }
  return lastFound?.get(index);
}

/**
 * Says whether a value looks like a credential, and which kind, without ever returning the
 * value:
 *
 * - credentials of a well-known form under any key (see `CREDENTIAL_FORMS`: PEM private keys,
 *   AWS, Google, Azure, Stripe, GitHub, GitLab, npm, Slack, OpenAI, Anthropic and Hugging Face
 *   keys and tokens, Slack webhooks, JWTs, bearer tokens, HTTP Basic credentials, the passwords
 *   of curl's `-u user:password` (not the word `password` itself, as in docs), of the MySQL
 *   clients' `-p<password>` (digits too, in the client's own arguments), of
 *   redis-cli's `-a <password>`, of sshpass's `-p <password>`, of `docker login -p <password>` and of OpenSSL's
 *   `-pass pass:<password>`, URLs with a password (also with their `//` lost or written `__`, and
 *   percent-encoded: `https%3A%2F%2Fuser%3Apassword%40host`, as pasted as a folder's name) or a
 *   credential in their query string,
 *   connection strings with a password);
 * - any literal, string or number, under a key named like a credential (`password`, `DB_PASS`,
 *   `secret`, `token`, `api_key`, `private_key`, ...), unless it is a reference such as
 *   `"${DB_PASSWORD}"` or `"vault:db/password"`;
 * - a whole `NAME=value` string (e.g. an `env` entry `"DB_PASSWORD=..."`, an argument
 *   `"--password=..."`) judged by its name, and so a `NAME=value` or `--flag=value` word of a
 *   command (`env PGPASSWORD=... psql`, `java -Ddb.password=...`) when its name is a
 *   credential's, unless the shell expands it (`PGPASSWORD=$(cat /run/secrets/db) psql`), and the
 *   `KEY=value` pair given so to a flag that takes one, judged by its key
 *   (`--from-literal=password=...`, `--set=db.password=...`);
 * - the word after a flag named like a credential in a command (`--password ...`,
 *   `--api-key ...`), unless it is the next flag, a placeholder, a value the shell expands or a word of
 *   prose (`with --password and the user`);
 * - an array element after a flag named like a credential (`["--password", "..."]`,
 *   `["--token", "..."]`), a `user:password` after `-u`/`--user` (curl's) or a `pass:...` after
 *   `-pass`, when given the element before it;
 * - an element of an array that writes a command as its arguments (its first element names
 *   curl, a MySQL client, redis-cli, sshpass, docker, podman, nerdctl, kubectl, oc, helm or
 *   openssl, or is `CMD`, `sudo`, `env` or `exec`: `["sshpass", "-p", "...", "ssh", "host"]`,
 *   `["mysql", "-uroot", "-p..."]`), when given the array: the element in which a credential
 *   starts that the same command written as one string holds, with the same exceptions;
 * - a long random-looking string under a key that merely suggests a credential (`key`, `cert`).
 *
 * Keys that only name or describe a credential (`token_url`, `secret_name`, `password_length`,
 * `tokenTtl`, `DB_PASSWORD_FILE`), flags that take none (`--password-file`, `--password-stdin`),
 * `-p` but the MySQL clients', sshpass's and `docker login`'s (a port as often as a password:
 * `docker run -p 8080:80`), OpenSSL's `-pass stdin` (`env:VAR`, `file:path`, `fd:3`), docker's
 * `--secret` (a secret's name or spec) and booleans are left alone.
 *
 * @param key - the key's own name (the array's key for an element)
 * @param value - the value
 * @param previous - for an array element, the element before it (a flag naming what it is)
 * @param element - for an array element, the array and where the element is in it (the command
 *   it is an argument of); the elements of one array are best asked about one after the other
 * @returns a description such as `a GitHub token`, or undefined
 * @public
 */
export function detectSecret(
  key: string,
  value: unknown,
  previous?: unknown,
  element?: ArrayElement,
): string | undefined {
  const kind = judgeValue(key, value, previous);
  if (kind !== undefined || element === undefined) return kind;
  return argumentSecret(element);
}

/** What {@link detectSecret} says of a value alone, or with the array element before it. */
function judgeValue(
  key: string,
  value: unknown,
  previous: unknown,
): string | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') {
    if (classifyKey(key) === 'credential') {
      return `a credential (the key ${tomlBasicString(key)} names one)`;
    }
    return previous === undefined
      ? undefined
      : flagValueSecret(previous, String(value));
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  // most values hold no marker of any form, and no `=` of a `NAME=value`
  const marked = mayHoldCredential(text);
  if (marked) {
    for (const form of CREDENTIAL_FORMS) {
      if (holdsForm(form, text)) return form.kind;
    }
  }
  const named =
    namedSecret(key, text, 'key') ??
    (previous === undefined ? undefined : flagValueSecret(previous, text));
  if (named) return named;
  const flagged = MAY_HOLD_FLAG.test(text);
  if (!marked && !flagged) return undefined;
  const assignment = ASSIGNMENT.exec(text);
  if (assignment) {
    const [, dashes, name, given] = assignment;
    const assigned = given.trim();
    // `PGPASSWORD=$(cat /run/secrets/db) psql`: the shell expands it
    if (!isExpanded(assigned)) {
      const secret = dashes
        ? namedSecret(name, assigned, 'flag', `${dashes}${name}`)
        : namedSecret(name, assigned, 'variable');
      if (secret) return secret;
    }
  }
  for (const found of credentialsInCommand(text, marked, flagged)) {
    return found.kind;
  }
  return undefined;
}

/**
 * A text with the value of every credential given to a flag or a variable in it (see
 * {@link credentialsInCommand}) replaced by `(hidden)`: a quoted value up to its closing quote
 * (`"correct horse"`), else its word.
 */
function hideCredentialsInCommand(text: string): string {
  const found = [
    ...credentialsInCommand(
      text,
      mayHoldCredential(text),
      MAY_HOLD_FLAG.test(text),
    ),
  ].sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const { start, end, quote } of found) {
    if (start < at) continue; // inside a quoted value hidden already
    const closing = quote === undefined ? -1 : text.indexOf(quote, start);
    out += `${text.slice(at, start)}(hidden)`;
    at = closing === -1 ? end : closing;
  }
  return out + text.slice(at);
}

/**
 * Replaces the credentials {@link detectSecret} finds in a text by `(hidden)`, keeping what names
 * them: those of a well-known form (`postgres://app:(hidden)@db`, `?api_key=(hidden)`,
 * `mysql -p(hidden)`, `sshpass -p (hidden)`, `-pass pass:(hidden)`) and the values of flags and variables
 * named like a credential (`--password (hidden)`, `--token=(hidden)`, `PGPASSWORD=(hidden)`,
 * `--from-literal=password=(hidden)`), with the same exceptions (`--password-file /x`,
 * `--password-stdin`, the next flag, placeholders, prose: `with --password and the user`). A
 * last line of defence for messages that quote values and for descriptions shown in the portal.
 *
 * @param text - e.g. a finding's message
 * @public
 */
export function redactSecrets(text: string): string {
  const marked = mayHoldCredential(text);
  if (!marked && !MAY_HOLD_FLAG.test(text)) return text;
  let out = text;
  if (marked) {
    for (const form of CREDENTIAL_FORMS) out = hideForm(form, out);
  }
  return hideCredentialsInCommand(out);
}
