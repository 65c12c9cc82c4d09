import { isSecretLookingKey } from '../../load/secrets';

interface ValuePattern {
  kind: string;
  pattern: RegExp;
}

/** Values that are credentials whatever key holds them. */
const VALUE_PATTERNS: readonly ValuePattern[] = [
  {
    kind: 'a private key (PEM)',
    pattern: /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----/,
  },
  {
    kind: 'an AWS access key id',
    pattern: /(^|[^A-Z0-9])(AKIA|ASIA)[0-9A-Z]{16}([^A-Z0-9]|$)/,
  },
  {
    kind: 'a GitHub token',
    pattern:
      /(^|[^A-Za-z0-9])(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,})/,
  },
  {
    kind: 'a Slack token',
    pattern: /(^|[^A-Za-z0-9])xox[abposr]-[A-Za-z0-9-]{10,}/,
  },
  {
    kind: 'a JSON Web Token',
    pattern:
      /(^|[^A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/,
  },
  {
    kind: 'a URL with an embedded password',
    pattern: /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i,
  },
];

/** Keys whose name says they hold a credential. */
const CREDENTIAL_KEY =
  /pass(word|wd|phrase)|pwd|secret|token|api[-_]?key|private[-_]?key|access[-_]?key|credential/i;

/** Keys that only name, point to or describe a credential. */
const DESCRIPTIVE_SUFFIX =
  /[-_](url|uri|endpoint|file|path|name|ref|env|var|ttl|expiry|expires|header|type|length|id|count|days|hours|rotation|policy|required|enabled)$/i;

/** Values that refer to a secret stored elsewhere, or are obvious placeholders. */
const REFERENCE = [
  /^\$\{[^}]+\}$/,
  /^\$[A-Za-z_][A-Za-z0-9_]*$/,
  /^\{\{.+\}\}$/,
  /^(vault|env|secret|secrets|ssm|arn|aws-sm|gcp-sm|azure-kv|k8s|file|op|sops|keychain):/i,
  /^<[^>]+>$/,
  /^[*xX.-]+$/,
];

/** Length of the shortest credential the value patterns match, but URLs. */
const MIN_PATTERN_LENGTH = 15;

/** How a key's name is classified, cached: keys repeat across thousands of services. */
const keyKinds = new Map<string, 'credential' | 'suggestive' | 'plain'>();

function classifyKey(key: string): 'credential' | 'suggestive' | 'plain' {
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
 * Says whether a value looks like a credential, and which kind, without ever returning the
 * value: patterns of well-known credentials (PEM private keys, AWS access key ids, GitHub and
 * Slack tokens, JWTs, URLs with a password) under any key; any literal under a key named like a
 * credential (`password`, `secret`, `token`, `api_key`, `private_key`, ...), unless it is a
 * reference such as `"${DB_PASSWORD}"` or `"vault:db/password"`; a long random-looking string
 * under a key that merely suggests one (`key`, `cert`, ...).
 *
 * @param key - the key's own name (the array's key for an element)
 * @param value - the value
 * @returns a description such as `a GitHub token`, or undefined
 * @public
 */
export function detectSecret(key: string, value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  // Every well-known credential is at least this long, except a URL with a password.
  if (text.length >= MIN_PATTERN_LENGTH || text.includes('://')) {
    for (const { kind, pattern } of VALUE_PATTERNS) {
      if (pattern.test(text)) return kind;
    }
  }
  const keyKind = classifyKey(key);
  if (keyKind === 'plain') return undefined;
  if (REFERENCE.some(re => re.test(text))) return undefined;
  if (keyKind === 'credential') {
    return `a credential (the key "${key}" names one)`;
  }
  if (looksRandom(text)) return 'a random-looking credential';
  return undefined;
}

/** The credential patterns again, global, matching only the credential itself. */
const REDACTIONS: readonly [RegExp, string][] = [
  [
    /-----BEGIN [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----[\s\S]*?(-----END [A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|$)/g,
    '(hidden)',
  ],
  [/(AKIA|ASIA)[0-9A-Z]{16}/g, '(hidden)'],
  [/gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{30,}/g, '(hidden)'],
  [/xox[abposr]-[A-Za-z0-9-]{10,}/g, '(hidden)'],
  [
    /eyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g,
    '(hidden)',
  ],
  [/([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)[^\s/@]+@/gi, '$1(hidden)@'],
];

/**
 * Replaces well-known credentials (see {@link detectSecret}) found in a text by `(hidden)`; a
 * last line of defence for messages that quote values.
 *
 * @param text - e.g. a finding's message
 * @public
 */
export function redactSecrets(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REDACTIONS) {
    out = out.replace(pattern, replacement);
  }
  return out;
}
