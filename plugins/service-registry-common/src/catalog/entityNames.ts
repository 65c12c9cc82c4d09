/**
 * What the Backstage catalog takes as an entity name (`metadata.name`), apart from its length
 * (at most 63 characters, see {@link isEntityName}): letters and digits, joined by `-`, `_` or
 * `.`. For a schema that needs the pattern itself (a JSON Schema form field).
 *
 * @public
 */
export const ENTITY_NAME_PATTERN =
  /^[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/**
 * Whether a text is a name the Backstage catalog takes for an entity (as its
 * `KubernetesValidatorFunctions.isValidObjectName`): 1 to 63 letters and digits, joined by `-`,
 * `_` or `.`. The catalog provider's `sharedSystem`, the CLI's `--shared-system` and the
 * validate action's `sharedSystem` must be one.
 *
 * @param text - the name to check
 * @public
 */
export function isEntityName(text: string): boolean {
  return text.length <= 63 && ENTITY_NAME_PATTERN.test(text);
}

const NOT_IN_NAMES = /[^a-z0-9._-]+/g;
const UNTRIMMED = /^[^a-z0-9]+|[^a-z0-9]+$/g;

/** Makes a Backstage entity name (or namespace) of a free-form string; '' when nothing is left. */
function toEntityName(value: string): string {
  return value
    .toLowerCase()
    .replace(NOT_IN_NAMES, '-')
    .slice(0, 63)
    .replace(UNTRIMMED, '');
}

/** Whether {@link toEntityName} cuts the name of `value` to fit 63 characters. */
function isCutToFit(value: string): boolean {
  const whole = value
    .toLowerCase()
    .replace(NOT_IN_NAMES, '-')
    .replace(UNTRIMMED, '');
  return toEntityName(value) !== whole;
}

/**
 * Turns an owner as written in the registry (`@platform-team`, `Platform Team`) into a Backstage
 * entity name (`platform-team`). Returns undefined when nothing usable is left.
 *
 * @param owner - an owner as written in the registry
 * @public
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
 *
 * @param owner - an owner as written in the registry
 * @public
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
    // a ref whose name or namespace has nothing a name can hold is no team name either (its
    // kind, or its namespace, would become a Group)
    return name && namespace
      ? `${match[1].toLowerCase()}:${namespace}/${name}`
      : undefined;
  }
  const name = ownerToEntityName(owner);
  return name ? `group:default/${name}` : undefined;
}

/**
 * What is lost when an owner as written becomes an entity ref (see {@link ownerToEntityRef}):
 * `unusable` when nothing a name can hold is left (the owner falls back to another), `truncated`
 * when its name is cut to 63 characters; undefined when the ref is the owner's as written, or
 * its documented normalisation (`Team Payments` to `group:default/team-payments`).
 *
 * @param owner - an owner as written in the registry
 * @public
 */
export function ownerNameProblem(
  owner: string,
): 'unusable' | 'truncated' | undefined {
  if (!ownerToEntityRef(owner)) return 'unusable';
  const match = OWNER_REF.exec(owner.trim());
  const name =
    match && toEntityName(match[3])
      ? match[3]
      : owner
          .trim()
          .replace(/^@/, '')
          .replace(/^group:(default\/)?/i, '');
  return isCutToFit(name) ? 'truncated' : undefined;
}
