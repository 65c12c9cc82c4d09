/**
 * A service {@link renamedRegistry} declares after `shop-api` and `shop-api-next`: version
 * `1.0.0`, status `ga`.
 */
export interface RenamedRegistryService {
  /** The team that owns it; `shop-team` when not given. */
  owner?: string;
  /** Its `dependencies.requires` entries (`id` or `id@range`), in order; none when not given. */
  requires?: string[];
  /** Its `dependencies.optional` entries, in order; none when not given. */
  optional?: string[];
}

/**
 * The registry of the renamed-entity scenarios, as the files of a workspace: a catalog
 * transformer renamed the Components or moved them to another namespace, so an action has to read
 * a catalog ref as the registry id of the entity's `service-registry.io/service-id` annotation,
 * never as its name. Its `services/catalog.toml` declares `shop-api` (version 2.0.0) and
 * `shop-api-next` (1.0.0), both `ga` and owned by `shop-team`, then `others` in the order given.
 * The tests show these services as Components named like another service of the registry (the
 * one named `shop-api` stands for `shop-api-next`), so that reading a ref as a name would change
 * the wrong service.
 *
 * @example
 * `renamedRegistry({ orders: { requires: ['shop-api@^2'] } })` writes after the two shop APIs
 * ```toml
 * [service.orders]
 * version = "1.0.0"
 * status = "ga"
 * owner = "shop-team"
 * dependencies.requires = ["shop-api@^2"]
 * ```
 */
export function renamedRegistry(
  others: Record<string, RenamedRegistryService> = {},
): Record<string, string> {
  const tables = [
    table('shop-api', '2.0.0', {}),
    table('shop-api-next', '1.0.0', {}),
    ...Object.entries(others).map(([id, service]) =>
      table(id, '1.0.0', service),
    ),
  ];
  return { 'services/catalog.toml': tables.join('\n') };
}

/** The TOML table of one service, each line ended by a newline. */
function table(
  id: string,
  version: string,
  { owner = 'shop-team', requires, optional }: RenamedRegistryService,
): string {
  const lines = [
    `[service.${id}]`,
    `version = "${version}"`,
    'status = "ga"',
    `owner = "${owner}"`,
  ];
  if (requires) lines.push(`dependencies.requires = ${list(requires)}`);
  if (optional) lines.push(`dependencies.optional = ${list(optional)}`);
  return lines.map(line => `${line}\n`).join('');
}

/** A TOML array of strings on one line, as the registry's files write them. */
function list(entries: string[]): string {
  return `[${entries.map(entry => JSON.stringify(entry)).join(', ')}]`;
}
