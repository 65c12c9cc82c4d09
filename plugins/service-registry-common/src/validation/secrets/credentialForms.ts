import { MYSQL_CLIENT_WORD, runsMysqlAt } from './mysqlCommands';
import { isProseWord } from './proseWords';

/**
 * A credential of a well-known form, recognisable whatever key holds it.
 */
export interface CredentialForm {
  /** What it is, for messages: `an AWS access key id`. */
  kind: string;
  /**
   * A regular expression (source) for a marker every occurrence contains (`AKIA`, `eyJ`, `=`):
   * cheap to look for, see {@link mayHoldCredential}.
   */
  marker: string;
  /** Finds it in a value. */
  detect: RegExp;
  /**
   * Finds every occurrence in a text (global): group 1 is what stays (a boundary, or what names
   * the credential, such as `?api_key=`), the rest of the match is the credential itself.
   */
  redact: RegExp;
  /**
   * When a regular expression cannot tell alone: whether an occurrence is one, judged on the
   * credential (the match without group 1) in time linear in its length, or on where it is in the
   * text (`at`: where the credential starts), in time linear in the text for all its occurrences.
   */
  accept?: (credential: string, text: string, at: number) => boolean;
  /**
   * A text holds the form only where this also matches it (tested once per text): a regular
   * expression, or a test shaped like one (a word lookup).
   */
  within?: Pick<RegExp, 'test'>;
}

/**
 * A form from one pattern, so that detection and redaction never drift apart. Group 1 of the
 * pattern is kept when redacting; every other group must be non-capturing.
 */
function form(
  kind: string,
  marker: string,
  pattern: RegExp,
  only: Pick<CredentialForm, 'accept' | 'within'> = {},
): CredentialForm {
  const flags = pattern.flags.replace('g', '');
  return {
    kind,
    marker,
    detect: new RegExp(pattern.source, flags),
    redact: new RegExp(pattern.source, `${flags}g`),
    ...only,
  };
}

/** Values that are not placeholders: no `${...}`, `<...>`, `{{...}}` (or encoded `%7B`, `%24`). */
export const NOT_PLACEHOLDER = String.raw`(?![$<{]|%7B|%24|[*xX.-]+(?:[&#;\s"']|$))`;

/**
 * A `user:password` whose password is the word itself (`curl -u user:password`, in docs). Not an
 * abbreviation: `admin:pass` is as likely a password in use as one of an example.
 */
export const NOT_PASSWORD_WORD = String.raw`(?!(?:[Pp]assword|PASSWORD|[Ss]ecret|SECRET|[Tt]oken|TOKEN)(?:[\s"']|$))`;

const BASE64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Whether base64 text (padded, as HTTP sends it) decodes to printable ASCII holding a colon: the
 * `user:password` of HTTP Basic credentials. Words of prose after `Basic` (`auth`, `plan`) do not.
 */
function isUserPasswordBase64(text: string): boolean {
  if (text.length % 4 !== 0) return false;
  let bits = 0;
  let buffer = 0;
  let colon = false;
  for (let i = 0; i < text.length && text[i] !== '='; i++) {
    buffer = ((buffer << 6) | BASE64.indexOf(text[i])) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const byte = (buffer >> bits) & 0xff;
      if (byte < 0x20 || byte > 0x7e) return false;
      if (byte === 0x3a) colon = true;
    }
  }
  return colon;
}

/** curl, whose `-u`/`--user` takes `user:password`. */
const CURL = /\bcurl\b/;

/** What a password given with `-u`/`--user` (curl's `user:password`) is, for messages. */
export const USER_PASSWORD_KIND = 'a user:password given with -u/--user';

/** Not a placeholder (see {@link NOT_PLACEHOLDER}) nor a command substitution (a backtick). */
const NOT_PLACEHOLDER_NOR_COMMAND = `${NOT_PLACEHOLDER}(?!\`)`;

/**
 * A password given to a command in one word, bare or in quotes: `S3cret`, `"S3cret Pw"`,
 * `'S3cret'` (not a placeholder nor a shell expansion: `"$MYSQL_PASSWORD"`, `<password>`).
 *
 * @param bare - what the unquoted word must also not be (a lookahead)
 */
function quotedOrBare(bare: string): string {
  const plain = NOT_PLACEHOLDER_NOR_COMMAND;
  return `(?:"${plain}[^"]{2,}"|'${plain}[^']{2,}'|${plain}${bare}[^\\s"']{2,})`;
}

/** What a password given with the MySQL clients' `-p` is, for messages. */
export const MYSQL_PASSWORD_KIND = 'a MySQL password given with -p';

/** A command word of redis-cli (or of its forks, valkey-cli and keydb-cli). */
const REDIS_CLI = /(?:^|[\s/;&|("'])(?:redis|valkey|keydb)-cli(?=[\s"']|$)/;

/** What a password given with redis-cli's `-a` is, for messages. */
export const REDIS_PASSWORD_KIND = 'a Redis password given with -a';

/** What a password given with sshpass's `-p` is, for messages. */
export const SSHPASS_PASSWORD_KIND = 'a password given with sshpass -p';

/** What a password given with `docker login -p` (or podman's, nerdctl's) is, for messages. */
export const LOGIN_PASSWORD_KIND = 'a registry password given with login -p';

/** What a password given to OpenSSL's `-pass`, `-passin` or `-passout` as `pass:...` is. */
export const OPENSSL_PASSWORD_KIND = 'an OpenSSL password given with pass:';

/** A number alone that may be a port (`-p3306`, `-p8080`): 1 to 5 digits, at most 65535. */
function mayBePort(value: string): boolean {
  return /^[0-9]{1,5}$/.test(value) && Number(value) <= 65535;
}

/**
 * Whether the value of an attached `-p` in a text that runs a MySQL client is its password: any
 * but a number that may be a port given to another command (`docker run -p3306 mysql`), which is
 * one only in the client's own arguments (`mysql -uroot -p123456`).
 */
function isMysqlPassword(password: string, text: string, at: number): boolean {
  return !mayBePort(password) || runsMysqlAt(text, at);
}

/**
 * A character of a percent-encoded URL's user or password: not a space, nor a `:`, `/` or `@`,
 * written or encoded (`%3A`, `%2F`, `%40`, any case). For a pattern with the `i` flag.
 */
const ENCODED_URL_CHARACTER = String.raw`(?:[^\s/:@%]|%(?!3A|2F|40)[0-9A-F]{2})`;

/** A word that is not the value of a flag: the next flag, a path, an operator of the shell. */
const NOT_A_FLAG_VALUE = String.raw`(?![-/&|;<>])`;

/** A password that is not a word of prose (`sshpass -p and the password`). */
const notProse = (password: string) => !isProseWord(password);

/**
 * The well-known credential forms, most specific first (a Slack webhook is also a URL, a JWT
 * after `Bearer` is reported as a JWT).
 */
export const CREDENTIAL_FORMS: readonly CredentialForm[] = [
  form(
    'a private key (PEM)',
    'PRIVATE KEY',
    /()-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----[\s\S]*?(?:-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----|$)/,
  ),
  form(
    'an AWS access key id',
    'AKIA|ASIA',
    /(^|[^A-Z0-9])(?:AKIA|ASIA)[0-9A-Z]{16}(?![0-9A-Z])/,
  ),
  form(
    'a Google API key',
    'AIza',
    /(^|[^A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/,
  ),
  form(
    'an Azure account key',
    '=',
    /((?:^|[;\s"'])(?:AccountKey|SharedAccessKey)\s*=\s*)[A-Za-z0-9+/]{20,}={0,2}/,
  ),
  form(
    'a Stripe secret key',
    'k_live_|k_test_',
    /(^|[^A-Za-z0-9])(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{10,}/,
  ),
  form(
    'a GitHub token',
    'gh[pousr]_|github_pat_',
    /(^|[^A-Za-z0-9])(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/,
  ),
  form('a GitLab token', 'glpat-', /(^|[^A-Za-z0-9])glpat-[A-Za-z0-9_-]{20,}/),
  form(
    'an npm token',
    'npm_',
    /(^|[^A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
  ),
  form(
    'an Anthropic API key',
    'sk-ant-',
    /(^|[^A-Za-z0-9_-])sk-ant-[a-z]+[0-9]{2}-[A-Za-z0-9_-]{20,}/,
  ),
  // project, service account and admin keys; the older ones hold `T3BlbkFJ` (base64 of `OpenAI`)
  form(
    'an OpenAI API key',
    'sk-',
    /(^|[^A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})/,
  ),
  form(
    'a Hugging Face token',
    'hf_',
    /(^|[^A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])/,
  ),
  form(
    'a Slack webhook URL',
    String.raw`hooks\.slack\.com`,
    /(hooks\.slack\.com\/(?:services|workflows|triggers)\/)[A-Za-z0-9_/-]{8,}/,
  ),
  form(
    'a Slack token',
    'xox[abposr]-',
    /(^|[^A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}/,
  ),
  form(
    'a JSON Web Token',
    'eyJ',
    /(^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/,
  ),
  // a token of at least 12 characters with a digit: `Bearer authentication` is prose
  form(
    'a bearer token',
    '[Bb]earer',
    /((?:^|[^A-Za-z0-9])[Bb]earer\s+)(?=[A-Za-z0-9._~+/-]*[0-9])[A-Za-z0-9._~+/-]{12,}=*/,
  ),
  // base64 of `user:password`, checked by decoding it: `Basic auth is used` is prose
  form(
    'HTTP Basic credentials',
    '[Bb]asic',
    /((?:^|[^A-Za-z0-9])[Bb]asic\s+)[A-Za-z0-9+/]{4,}={0,2}/,
    { accept: isUserPasswordBase64 },
  ),
  // curl's `-u user:password` (also `--user`, `-fsSu`): in a text that runs curl only, since
  // the `-u`/`--user` of other commands takes a user and a group (`docker run -u 1000:1000`)
  form(
    USER_PASSWORD_KIND,
    'curl',
    new RegExp(
      String.raw`((?:^|[\s"'])(?:-[A-Za-z]*u\s+|-u|--user(?:\s+|=))["']?[^\s:"']*:)${NOT_PLACEHOLDER}${NOT_PASSWORD_WORD}[^\s"']+`,
    ),
    { within: CURL },
  ),
  // the MySQL clients' `-p<password>`, attached (`-p` alone prompts, and the word after it is the
  // database), in a text that runs one: not a port mapping (`docker run -p3306:3306`), nor one
  // letter (`mkdir -pv`); digits alone are a password in the client's own arguments, where the
  // port is `-P` (`mysql -P3306 -p123456`), else only when no port can be them
  form(
    MYSQL_PASSWORD_KIND,
    'mysql|mariadb',
    new RegExp(
      String.raw`((?:^|[\s;&|(])-p)${quotedOrBare(
        String.raw`(?!(?![0-9]+(?:[\s"']|$))[0-9.:-]+(?:\/[a-z]+)?(?:[\s"']|$))`,
      )}`,
    ),
    { within: MYSQL_CLIENT_WORD, accept: isMysqlPassword },
  ),
  // redis-cli's `-a <password>`, in a text that runs it: not the next flag, a path (`ls -a /data`),
  // an operator of the shell nor a word of prose (`redis-cli -a with the password`)
  form(
    REDIS_PASSWORD_KIND,
    'redis-cli|valkey-cli|keydb-cli',
    new RegExp(
      String.raw`((?:^|[\s"'])-a\s+)${quotedOrBare(String.raw`(?![-/&|;<>])`)}`,
    ),
    { within: REDIS_CLI, accept: notProse },
  ),
  // sshpass's `-p <password>` (or `-p<password>`), after its other options: not its `-f <file>`,
  // `-e` (the SSHPASS variable), nor the `-p <port>` of the ssh it runs
  form(
    SSHPASS_PASSWORD_KIND,
    'sshpass',
    new RegExp(
      String.raw`((?:^|[\s/;&|("'])sshpass(?:\s+-[ehvV]+|\s+-[fdP]\s*[^\s-]\S*)*\s+-p\s*)${quotedOrBare(
        NOT_A_FLAG_VALUE,
      )}`,
    ),
    { accept: notProse },
  ),
  // `docker login -p <password>` (podman's, nerdctl's), within the few words of the login: not
  // `--password-stdin`, nor the `-p` (a port) of the next command (`docker login && docker run -p`)
  form(
    LOGIN_PASSWORD_KIND,
    String.raw`(?:docker|podman|nerdctl)\s+login`,
    new RegExp(
      String.raw`((?:^|[\s/;&|("'])(?:docker|podman|nerdctl)\s+login(?:\s+(?!-p)[^\s;&|]+){0,10}\s+-p\s*)${quotedOrBare(
        NOT_A_FLAG_VALUE,
      )}`,
    ),
    { accept: notProse },
  ),
  // OpenSSL's `-pass pass:<password>` (`-passin`, `-passout`); its other sources (`stdin`,
  // `env:VAR`, `file:path`, `fd:3`) hold none
  form(
    OPENSSL_PASSWORD_KIND,
    'pass:',
    new RegExp(
      String.raw`((?:^|[\s"'])-pass(?:in|out)?\s+["']?pass:)${NOT_PLACEHOLDER_NOR_COMMAND}(?:(?<="pass:)[^"\n]+(?=")|(?<='pass:)[^'\n]+(?=')|(?<!["']pass:)[^\s"']+)`,
    ),
  ),
  // a scheme of at most 32 characters: unbounded, every letter of a long word began one
  // (quadratic); the user may be empty (`redis://:password@host`: Redis takes a password alone)
  form(
    'a URL with an embedded password',
    '://',
    new RegExp(
      String.raw`([a-z][a-z0-9+.-]{0,31}:\/\/[^\s/:@]*:)${NOT_PLACEHOLDER}[^\s/@]+(?=@)`,
      'i',
    ),
  ),
  // the same URL whose `//` lost a `/` or became `_`s, as when it is pasted as a folder's name
  // (`projects/https:/user:password@host/`, `projects/https:__user:password@host/`); a password
  // without `:`, so that each occurrence is looked at up to the next `:` (linear)
  form(
    'a URL with an embedded password',
    ':[/_]',
    new RegExp(
      String.raw`([a-z][a-z0-9+.-]{0,31}:(?:\/|__?)[^\s/:@]*:)${NOT_PLACEHOLDER}[^\s/:@]+(?=@)`,
      'i',
    ),
  ),
  // the same URL percent-encoded, as some tools write a URL as a file's name
  // (`projects/https%3A%2F%2Fuser%3Apassword%40host/`, `%3a%2f` too): looked at only where an
  // encoded `:` is; the user and the password hold no encoded `:`, `/` nor `@` (a `%` of their
  // own escapes is `%25`), so that each occurrence is looked at up to the next `%3A` (linear)
  form(
    'a URL with an embedded password',
    '%3[Aa]',
    new RegExp(
      String.raw`([a-z][a-z0-9+.-]{0,31}%3A(?:%2F){1,2}${ENCODED_URL_CHARACTER}*%3A)${NOT_PLACEHOLDER}(?!%3C)${ENCODED_URL_CHARACTER}+(?=%40|@)`,
      'i',
    ),
  ),
  form(
    'a URL with a credential in its query string',
    '=',
    new RegExp(
      String.raw`([?&](?:api[_-]?key|apikey|access[_-]?key|access[_-]?token|auth[_-]?token|id[_-]?token|refresh[_-]?token|private[_-]?token|client[_-]?secret|token|secret|password|passwd|pwd|sig|signature)=)${NOT_PLACEHOLDER}[^&#\s"']{6,}`,
      'i',
    ),
  ),
  form(
    'a connection string with a password',
    '=',
    new RegExp(
      String.raw`((?:^|;)\s*(?:password|pwd)\s*=\s*)${NOT_PLACEHOLDER}[^;\s"']+`,
      'i',
    ),
  ),
];

/** Any marker of a credential form: most values have none, and skip the forms. */
const ANY_MARKER = new RegExp(
  [...new Set(CREDENTIAL_FORMS.map(f => f.marker))].join('|'),
);

/**
 * Whether a text may hold a credential of a well-known form: when false, none of
 * {@link CREDENTIAL_FORMS} matches it.
 *
 * @param text - a value or a message
 */
export function mayHoldCredential(text: string): boolean {
  return ANY_MARKER.test(text);
}

/**
 * Whether a text holds a credential of a form.
 *
 * @param credential - one of {@link CREDENTIAL_FORMS}
 * @param text - a value or a message
 */
export function holdsForm(credential: CredentialForm, text: string): boolean {
  const { accept, within } = credential;
  if (within && !within.test(text)) return false;
  if (!accept) return credential.detect.test(text);
  for (const match of text.matchAll(credential.redact)) {
    const at = match.index! + match[1].length;
    if (accept(match[0].slice(match[1].length), text, at)) return true;
  }
  return false;
}

/**
 * A text with every credential of a form in it replaced by `(hidden)`, keeping what names it
 * (group 1 of the form's pattern).
 *
 * @param credential - one of {@link CREDENTIAL_FORMS}
 * @param text - a value or a message
 */
export function hideForm(credential: CredentialForm, text: string): string {
  const { accept, within } = credential;
  if (within && !within.test(text)) return text;
  if (!accept) return text.replace(credential.redact, '$1(hidden)');
  return text.replace(
    credential.redact,
    (match: string, kept: string, offset: number) =>
      accept(match.slice(kept.length), text, offset + kept.length)
        ? `${kept}(hidden)`
        : match,
  );
}

/**
 * Where each credential of a form in a text starts (after what names it, group 1 of the form's
 * pattern), as {@link holdsForm} judges them.
 *
 * @param credential - one of {@link CREDENTIAL_FORMS}
 * @param text - a value or a command line
 */
export function* formStarts(
  credential: CredentialForm,
  text: string,
): Generator<number> {
  const { accept, within } = credential;
  if (within && !within.test(text)) return;
  for (const match of text.matchAll(credential.redact)) {
    const at = match.index! + match[1].length;
    if (!accept || accept(match[0].slice(match[1].length), text, at)) yield at;
  }
}
