import { stripBom } from '@service-registry/plugin-service-registry-common';

/**
 * Whether a TOML file holds nothing: no table and no key, only blanks, line ends and comments (a
 * 0-byte file, a file cut to its comment header). The provider takes such a version of a file
 * whose last good version declared services for a mistake (a truncated write, a bad merge) and
 * keeps that version: deleting the file is how a registry removes its services.
 *
 * @param text - the file's text
 */
export function holdsNothing(text: string): boolean {
  for (const line of stripBom(text).split('\n')) {
    const content = line.trim();
    if (content !== '' && !content.startsWith('#')) return false;
  }
  return true;
}
