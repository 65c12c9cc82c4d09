import {
  keyPosition,
  LoadedRegistry,
  RegistryFinding,
  RegistryProject,
  RegistryService,
} from '@service-registry/plugin-service-registry-common';
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
      ? `service "${about.service}"`
      : `project "${about.project}"`;
  const shown = owner.length > 80 ? `${owner.slice(0, 77)}...` : owner;
  return {
    severity: 'warning',
    code:
      problem === 'unusable'
        ? 'catalog/owner-unusable'
        : 'catalog/owner-truncated',
    message:
      problem === 'unusable'
        ? `The owner "${shown}" of ${what} has nothing a catalog name can hold (letters a-z, digits, "-", "_", "."): the catalog shows ${fallback} as its owner. Write the owner's catalog name, e.g. owner = "payments-team".`
        : `The owner "${shown}" of ${what} is longer than a catalog name (63 characters) and is cut to fit: another owner that starts alike becomes the same Group. Write the owner's catalog name, e.g. owner = "payments-team".`,
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
 * Warnings about owners as written that the catalog cannot take as they are: one with nothing a
 * catalog name can hold (`Платёжная команда`, `@`), whose services get the project's or the
 * default owner, and one longer than a catalog name, cut to 63 characters (two long owners that
 * start alike become one Group). Each at the `owner` key that writes it. The other
 * normalisations (`Team Payments` to `team-payments`) are the documented mapping and give none.
 *
 * @param registry - the loaded registry
 * @param defaultOwner - the owner of services and projects that declare none
 */
export function ownerFindings(
  registry: LoadedRegistry,
  defaultOwner: string,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  for (const project of registry.projects.values()) {
    const problem = project.owner && ownerNameProblem(project.owner);
    if (problem) {
      findings.push(
        finding(
          project,
          { project: project.id },
          project.owner!,
          problem,
          `the default owner "${defaultOwner}"`,
        ),
      );
    }
  }
  for (const service of registry.services.values()) {
    if (service.status === 'retired') continue;
    const problem = service.owner && ownerNameProblem(service.owner);
    if (!problem) continue;
    findings.push(
      finding(
        service,
        { service: service.id },
        service.owner!,
        problem,
        service.project
          ? `its project's owner (or the default owner "${defaultOwner}")`
          : `the default owner "${defaultOwner}"`,
      ),
    );
  }
  return findings;
}
