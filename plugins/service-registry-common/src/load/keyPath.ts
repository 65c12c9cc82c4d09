/**
 * One step of a key path: a table key, or the index of an array element.
 *
 * @public
 */
export type KeyPathPart = string | number;

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

/** Whether a key is written without quotes in TOML (a bare key). */
export function isBareKey(key: string): boolean {
  return BARE_KEY.test(key);
}

/**
 * Joins key path parts into the dotted form used to key positions: bare keys as they are,
 * array indices as numbers, other keys quoted (`service.x."a.b".tags.0`).
 *
 * @public
 */
export function joinKeyPath(parts: readonly KeyPathPart[]): string {
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const text =
      typeof part === 'number' || isBareKey(part)
        ? String(part)
        : JSON.stringify(part);
    out = i === 0 ? text : `${out}.${text}`;
  }
  return out;
}
