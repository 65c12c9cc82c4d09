import { SERVICE_ID_PATTERN } from '../../load/fieldSpecs';
import { RegistryFinding } from '../../model/types';
import { aboutService, makeFinding, quoted, tableHeader } from '../findings';
import { ValidationContext } from '../types';

/**
 * What the Backstage catalog adds to the contract's id pattern for an entity name: it starts and
 * ends with a letter or digit (`-auth`, `cache-` and `-` are valid ids but not entity names).
 */
const ENDS_WITH_ALPHANUMERICS = /^[a-z0-9](?:.*[a-z0-9])?$/;

/** An id the contract allows but the catalog cannot name an entity. */
function isContractIdButNotEntityName(id: string): boolean {
  return SERVICE_ID_PATTERN.test(id) && !ENDS_WITH_ALPHANUMERICS.test(id);
}

/** The id without its leading and trailing `-`, or `fallback` when nothing is left. */
function suggestedName(id: string, fallback: string): string {
  return id.replace(/^-+|-+$/g, '') || fallback;
}

const CANNOT_NAME =
  'starts or ends with "-": the Backstage catalog cannot name an entity so and leaves';

/**
 * `schema/invalid-entity-name` (warning): a service id or a project folder name that the contract
 * allows but that is not a valid Backstage entity name because it starts or ends with `-`
 * (`-auth`, `cache-`, `-`). The catalog provider leaves such a service (its Component) or project
 * (its System) out with a `catalog/invalid-entity` error; this warns on the pull request first.
 * Ids the loader already reports as `schema/invalid-id` and retired services (never emitted) are
 * not reported.
 *
 * @param ctx - the validation context
 */
export function catalogEntityNames(ctx: ValidationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const service of ctx.services) {
    if (service.status === 'retired') continue;
    if (!isContractIdButNotEntityName(service.id)) continue;
    findings.push(
      makeFinding(
        'warning',
        'schema/invalid-entity-name',
        `Service id ${quoted(
          service.id,
        )} ${CANNOT_NAME} this service out (catalog/invalid-entity). Rename ${tableHeader(
          'service',
          service.id,
        )} to start and end with a letter or digit (e.g. "${suggestedName(
          service.id,
          'my-service',
        )}"), and update the dependencies that name it.`,
        service.source,
        aboutService(service),
      ),
    );
  }
  for (const project of ctx.registry.projects.values()) {
    if (!isContractIdButNotEntityName(project.id)) continue;
    findings.push(
      makeFinding(
        'warning',
        'schema/invalid-entity-name',
        `Project folder ${quoted(
          project.id,
        )} ${CANNOT_NAME} this project's System out (catalog/invalid-entity). Rename the folder projects/${
          project.id
        }/ to start and end with a letter or digit (e.g. "${suggestedName(
          project.id,
          'my-project',
        )}").`,
        project.source,
        { project: project.id },
      ),
    );
  }
  return findings;
}
