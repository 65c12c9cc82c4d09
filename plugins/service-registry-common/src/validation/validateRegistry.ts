import { catalogNameFindings } from '../catalog/catalogNameFindings';
import { projectSystemFindings } from '../catalog/projectSystemFindings';
import { sharedSystemFindings } from '../catalog/sharedSystemFindings';
import { LoadedRegistry, RegistryFinding } from '../model/types';
import { applyBlockOn } from './blockOn';
import { createValidationContext } from './context';
import { resolveToday } from './dates';
import { sortFindings } from './findings';
import { VALIDATION_RULES } from './rules';
import { redactSecrets } from './secrets/detectSecret';
import { shownId } from './secrets/shownId';
import { ValidateOptions } from './types';

/**
 * Validates a loaded registry: the loader's findings (syntax, schema, duplicate ids, ...) plus
 * every rule of {@link VALIDATION_RULES} (dependencies, cycles, versions, lifecycle, policies,
 * secrets), sorted by file, line and column. A warning or info whose code the policies'
 * `[security] block_on` lists (or a prefix of it) is an error, its message saying so (see
 * `applyBlockOn`). With `options.catalog`, also the catalog provider's warnings about what its
 * mapping changes (`catalogNameFindings`) and its error about a project whose folder name cannot
 * name a System (`projectSystemFindings`), and with `options.catalog.sharedSystem` its error about
 * a project named like the System of global services (`sharedSystemFindings`); none is subject to
 * `block_on`. Deterministic for a given registry and `today`; never throws on bad registry
 * content.
 *
 * @param registry - the result of `loadRegistry`
 * @param options - `today` (`YYYY-MM-DD`, default today in UTC) for the lifecycle dates;
 *   `catalog` for the catalog provider's findings
 * @throws TypeError when `options.today` is not a `YYYY-MM-DD` date
 * @public
 */
export function validateRegistry(
  registry: LoadedRegistry,
  options: ValidateOptions = {},
): RegistryFinding[] {
  const ctx = createValidationContext(registry, resolveToday(options.today));
  const findings = [...registry.findings];
  for (const rule of Object.values(VALIDATION_RULES)) {
    for (const finding of rule(ctx)) findings.push(finding);
  }
  const blocked = applyBlockOn(registry.policies, findings);
  if (options.catalog) {
    blocked.push(
      ...catalogNameFindings(registry, options.catalog.defaultOwner),
      ...projectSystemFindings(registry),
    );
    if (options.catalog.sharedSystem !== undefined) {
      blocked.push(
        ...sharedSystemFindings(registry, options.catalog.sharedSystem),
      );
    }
  }
  return sortFindings(blocked.map(redacted));
}

/**
 * A finding whose message has any credential of a well-known form replaced by `(hidden)`, and whose
 * `service` and `project` read `(hidden)` when they hold one (see `shownId`). Messages never show
 * a value that looks like a credential (`describeValue` hides it whole, before it is cut to
 * length); this is the last line of defence for text quoted by other means (an id, a range), in
 * the loader's findings and the rules' alike. The CLI and the backend show these fields as they
 * are.
 */
function redacted(finding: RegistryFinding): RegistryFinding {
  const message = redactSecrets(finding.message);
  const service =
    finding.service === undefined ? undefined : shownId(finding.service);
  const project =
    finding.project === undefined ? undefined : shownId(finding.project);
  if (
    message === finding.message &&
    service === finding.service &&
    project === finding.project
  ) {
    return finding;
  }
  const out: RegistryFinding = { ...finding, message };
  if (service !== undefined) out.service = service;
  if (project !== undefined) out.project = project;
  return out;
}
