/** Makes a Backstage entity name (or namespace) of a free-form string; '' when nothing is left. */
function toEntityName(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .slice(0, 63)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
}

/**
 * Turns an owner as written in the registry (`@platform-team`, `Platform Team`) into a Backstage
 * entity name (`platform-team`). Returns undefined when nothing usable is left.
 */
export function ownerToEntityName(
  owner: string | undefined,
): string | undefined {
  if (!owner) return undefined;
  const name = toEntityName(
    owner
      .trim()
      .replace(/^@/, '')
      .replace(/^group:(default\/)?/i, ''),
  );
  return name || undefined;
}

const OWNER_REF = /^(user|group):(?:([^/]+)\/)?(.+)$/i;

/**
 * Turns an owner as written in the registry into an entity ref: a team name (`@platform-team`,
 * `Platform Team`) is `group:default/platform-team`; an owner already written as a ref
 * (`user:jane`, `group:ops/sre`) keeps its kind and namespace. Returns undefined when nothing
 * usable is left.
 */
export function ownerToEntityRef(
  owner: string | undefined,
): string | undefined {
  if (!owner) return undefined;
  const match = OWNER_REF.exec(owner.trim());
  if (match) {
    const name = toEntityName(match[3]);
    const namespace = toEntityName(match[2] ?? 'default').replace(
      /[._]+/g,
      '-',
    );
    if (name && namespace) {
      return `${match[1].toLowerCase()}:${namespace}/${name}`;
    }
  }
  const name = ownerToEntityName(owner);
  return name ? `group:default/${name}` : undefined;
}
