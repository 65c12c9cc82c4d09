import { keyPosition } from '../load/filePositions';
import { tomlBasicString } from '../load/keyPath';
import { shortText } from '../load/shortText';
import {
  LoadedRegistry,
  RegistryFinding,
  RegistryProject,
  RegistryService,
} from '../model/types';
import { normaliseTag } from './catalogTag';
import { ownerNameProblem } from './entityNames';

function finding(
  record: RegistryService | RegistryProject,
  about: { service: string } | { project: string },
  owner: string,
  problem: 'unusable' | 'truncated',
  fallback: string,
): RegistryFinding {
  const where = keyPosition(record, 'owner') ?? record.source;
  const what =
    'service' in about
      ? `service ${tomlBasicString(about.service)}`
      : `project ${tomlBasicString(about.project)}`;
  const shown = tomlBasicString(shortText(owner, 77));
  return {
    severity: 'warning',
    code:
      problem === 'unusable'
        ? 'catalog/owner-unusable'
        : 'catalog/owner-truncated',
    message:
      problem === 'unusable'
        ? `The owner ${shown} of ${what} has nothing a catalog name can hold (letters a-z, digits, "-", "_", "."): the catalog shows ${fallback} as its owner. Write the owner's catalog name, e.g. owner = "payments-team".`
        : `The owner ${shown} of ${what} is longer than a catalog name (63 characters) and is cut to fit: another owner that starts alike becomes the same Group. Write the owner's catalog name, e.g. owner = "payments-team".`,
    file: where.file,
    line: where.line,
    column: where.column,
    ...about,
    ...('service' in about && (record as RegistryService).project
      ? { project: (record as RegistryService).project }
      : {}),
  };
}

/**
 * Adds a warning per tag of a service that leaves nothing a catalog tag can hold (`日本語`, `"  "`):
 * the mapping leaves it out of the entity's tags.
 */
function addDroppedTags(
  service: RegistryService,
  isDropped: (tag: string) => boolean,
  findings: RegistryFinding[],
) {
  service.tags.forEach((tag, k) => {
    if (!isDropped(tag)) return;
    const where =
      keyPosition(service, `tags.${k}`) ??
      keyPosition(service, 'tags') ??
      service.source;
    const shown = tomlBasicString(shortText(tag, 37));
    findings.push({
      severity: 'warning',
      code: 'catalog/tag-dropped',
      message: `The tag ${shown} of service ${tomlBasicString(
        service.id,
      )} has nothing a catalog tag can hold (letters a-z, digits, ":", "+", "#") and is left out of its catalog entity. Write it with those characters, e.g. "payments".`,
      file: where.file,
      line: where.line,
      column: where.column,
      service: service.id,
      ...(service.project ? { project: service.project } : {}),
    });
  });
}

/**
 * `check` remembered per distinct string: registries repeat owners and tags, and every applied
 * run looks at all of them.
 */
function memoised<V>(check: (value: string) => V): (value: string) => V {
  const seen = new Map<string, V>();
  return value => {
    if (seen.has(value)) return seen.get(value)!;
    const result = check(value);
    seen.set(value, result);
    return result;
  };
}

/**
 * Warnings about what the catalog provider's mapping changes or leaves out of the registry as
 * written, each at the key that writes it: an owner with nothing a catalog name can hold
 * (`Платёжная команда`, `@`), whose services get the project's or the default owner; an owner
 * longer than a catalog name, cut to 63 characters (two long owners that start alike become one
 * Group); a tag with nothing a catalog tag can hold (`日本語`), left out. The other normalisations
 * (`Team Payments` to `team-payments`, `C++ / Rust` to `c++-rust`) are the documented mapping and
 * give none. The catalog provider reports them with its validation, and the CLI and the
 * scaffolder's validate action on the change, before the catalog shows it. Their `catalog/` codes
 * are not validation's: `block_on` does not make them errors.
 *
 * @param registry - the loaded registry
 * @param defaultOwner - the owner of services and projects that declare none (the catalog
 *   provider's `defaultOwner`), named in the messages; without it they name "the catalog
 *   provider's default owner"
 * @public
 */
export function catalogNameFindings(
  registry: LoadedRegistry,
  defaultOwner?: string,
): RegistryFinding[] {
  const fallback =
    defaultOwner === undefined
      ? "the catalog provider's default owner"
      : `the default owner "${defaultOwner}"`;
  const findings: RegistryFinding[] = [];
  const ownerProblem = memoised(ownerNameProblem);
  const isDropped = memoised(tag => normaliseTag(tag) === '');
  for (const project of registry.projects.values()) {
    const problem = project.owner && ownerProblem(project.owner);
    if (problem) {
      findings.push(
        finding(
          project,
          { project: project.id },
          project.owner!,
          problem,
          fallback,
        ),
      );
    }
  }
  for (const service of registry.services.values()) {
    if (service.status === 'retired') continue;
    if (service.tags.length > 0) addDroppedTags(service, isDropped, findings);
    const problem = service.owner && ownerProblem(service.owner);
    if (!problem) continue;
    findings.push(
      finding(
        service,
        { service: service.id },
        service.owner!,
        problem,
        service.project ? `its project's owner (or ${fallback})` : fallback,
      ),
    );
  }
  return findings;
}
