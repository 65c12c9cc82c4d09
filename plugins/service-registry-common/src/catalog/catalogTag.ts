/**
 * A tag the catalog accepts: `[a-z0-9:+#]` runs joined by single `-`, at most 63 characters; ''
 * when nothing is left (the tag is left out).
 *
 * @param tag - a tag as written in the registry
 * @public
 */
export function normaliseTag(tag: string): string {
  return tag
    .toLowerCase()
    .replace(/[^a-z0-9:+#]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 63)
    .replace(/-+$/, '');
}
