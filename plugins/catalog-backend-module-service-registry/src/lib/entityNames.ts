/**
 * Turns an owner as written in the registry (`@platform-team`, `Platform Team`) into a Backstage
 * entity name (`platform-team`). Returns undefined when nothing usable is left.
 */
export function ownerToEntityName(
  owner: string | undefined,
): string | undefined {
  if (!owner) return undefined;
  const name = owner
    .trim()
    .replace(/^@/, '')
    .replace(/^group:(default\/)?/i, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
    .slice(0, 63);
  return name || undefined;
}
