const SECRET_KEY =
  /pass(word|wd|phrase)?|pwd|token|secret|credential|private|api[-_]?key|access[-_]?key|^key$|[-_]key$|cert/i;

/**
 * True when a key's name suggests its value is a credential (password, token, secret, key, ...),
 * so messages must not repeat the value.
 *
 * @param key - the key's own name (last part of its path)
 * @public
 */
export function isSecretLookingKey(key: string): boolean {
  return SECRET_KEY.test(key);
}
