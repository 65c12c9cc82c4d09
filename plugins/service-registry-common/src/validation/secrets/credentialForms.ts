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
}

/**
 * A form from one pattern, so that detection and redaction never drift apart. Group 1 of the
 * pattern is kept when redacting; every other group must be non-capturing.
 */
function form(kind: string, marker: string, pattern: RegExp): CredentialForm {
  const flags = pattern.flags.replace('g', '');
  return {
    kind,
    marker,
    detect: new RegExp(pattern.source, flags),
    redact: new RegExp(pattern.source, `${flags}g`),
  };
}

/** Values that are not placeholders: no `${...}`, `<...>`, `{{...}}` (or encoded `%7B`, `%24`). */
const NOT_PLACEHOLDER = String.raw`(?![$<{]|%7B|%24|[*xX.-]+(?:[&#;\s"']|$))`;

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
  form(
    'a URL with an embedded password',
    '://',
    new RegExp(
      String.raw`([a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:)${NOT_PLACEHOLDER}[^\s/@]+(?=@)`,
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
