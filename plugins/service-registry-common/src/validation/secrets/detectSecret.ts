import { isSecretLookingKey } from '../../load/secrets';
import { CREDENTIAL_FORMS, mayHoldCredential } from './credentialForms';

/** Keys whose name says they hold a credential. */
const CREDENTIAL_KEY =
  /pass(word|wd|phrase)|pwd|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|credential|(^|[-_.])(pass|pw)$/i;

/** Keys that only name, point to, describe or bound a credential. */
const DESCRIPTIVE_SUFFIX =
  /[-_](url|uri|endpoint|file|path|name|ref|env|var|ttl|expiry|expires|header|type|length|id|count|days|hours|rotation|policy|required|enabled|age|min|max|limit|timeout|interval|period|lifetime|attempts|retries|size|format|algorithm|store|backend|provider|manager|mount|engine|source|location|version|scope|scopes|issuer|audience)$/i;

/** Values that refer to a secret stored elsewhere, or are obvious placeholders. */
const REFERENCE = [
  /^\$\{[^}]+\}$/,
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /^\{\{.+\}\}$/,
  /^(vault|env|secret|secrets|ssm|arn|aws-sm|gcp-sm|azure-kv|k8s|file|op|sops|keychain):/i,
  /^<[^>]+>$/,
  /^[*xX.-]+$/,
];

/** A whole `NAME=value` string (an environment entry, a `--flag=value` argument). */
const ASSIGNMENT = /^-{0,2}([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*([\s\S]*)$/;

type KeyKind = 'credential' | 'suggestive' | 'plain';

/** How a key's name is classified, cached: keys repeat across thousands of services. */
const keyKinds = new Map<string, KeyKind>();

function classifyKey(key: string): KeyKind {
  let kind = keyKinds.get(key);
  if (kind === undefined) {
    if (CREDENTIAL_KEY.test(key) && !DESCRIPTIVE_SUFFIX.test(key)) {
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
  noun: 'key' | 'variable',
): string | undefined {
  const kind = classifyKey(name);
  if (kind === 'plain' || text === '') return undefined;
  if (REFERENCE.some(re => re.test(text))) return undefined;
  if (kind === 'credential') {
    return `a credential (the ${noun} "${name}" names one)`;
  }
  return looksRandom(text) ? 'a random-looking credential' : undefined;
}

/**
 * Says whether a value looks like a credential, and which kind, without ever returning the
 * value:
 *
 * - credentials of a well-known form under any key (see `CREDENTIAL_FORMS`: PEM private keys,
 *   AWS, Google, Azure, Stripe, GitHub, GitLab, npm and Slack keys and tokens, Slack webhooks,
 *   JWTs, bearer tokens, URLs with a password or a credential in their query string, connection
 *   strings with a password);
 * - any literal, string or number, under a key named like a credential (`password`, `DB_PASS`,
 *   `secret`, `token`, `api_key`, `private_key`, ...), unless it is a reference such as
 *   `"${DB_PASSWORD}"` or `"vault:db/password"`;
 * - a whole `NAME=value` string (e.g. an `env` entry `"DB_PASSWORD=..."`) judged by its name;
 * - a long random-looking string under a key that merely suggests a credential (`key`, `cert`).
 *
 * Keys that only name or describe a credential (`token_url`, `secret_name`, `password_length`,
 * `DB_PASSWORD_FILE`) and booleans are left alone.
 *
 * @param key - the key's own name (the array's key for an element)
 * @param value - the value
 * @returns a description such as `a GitHub token`, or undefined
 * @public
 */
export function detectSecret(key: string, value: unknown): string | undefined {
  if (typeof value === 'number' || typeof value === 'bigint') {
    return classifyKey(key) === 'credential'
      ? `a credential (the key "${key}" names one)`
      : undefined;
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  // most values hold no marker of any form, and no `=` of a `NAME=value`
  const marked = mayHoldCredential(text);
  if (marked) {
    for (const form of CREDENTIAL_FORMS) {
      if (form.detect.test(text)) return form.kind;
    }
  }
  const named = namedSecret(key, text, 'key');
  if (named || !marked) return named;
  const assignment = ASSIGNMENT.exec(text);
  return assignment
    ? namedSecret(assignment[1], assignment[2].trim(), 'variable')
    : undefined;
}

/**
 * Replaces credentials of a well-known form (see {@link detectSecret}) found in a text by
 * `(hidden)`, keeping what names them (`postgres://app:(hidden)@db`, `?api_key=(hidden)`); a
 * last line of defence for messages that quote values.
 *
 * @param text - e.g. a finding's message
 * @public
 */
export function redactSecrets(text: string): string {
  if (!mayHoldCredential(text)) return text;
  let out = text;
  for (const form of CREDENTIAL_FORMS) {
    out = out.replace(form.redact, '$1(hidden)');
  }
  return out;
}
