import { ProjectSummaryResponse } from '../../api/types';
import { Fact, FactList, Missing } from '../RegistryCardParts/FactList';
import { OwnerValue } from '../RegistryCardParts/OwnerValue';

/**
 * What the registry declares for a project, as a description list: its id and name, owner, tier
 * (which its services without one inherit), environment, and how many services it has. For the
 * global services: what they are and how many.
 */
export function ProjectFacts(props: {
  summary: ProjectSummaryResponse;
  /** The owner of the project's System in the catalog (`spec.owner`). */
  catalogOwner?: string;
}) {
  const { summary, catalogOwner } = props;
  const { project } = summary;
  const count = summary.services.length;
  const rows: Fact[] =
    project.id === null
      ? [
          ['Scope', 'Global: shared by every project'],
          ['Services', String(count)],
        ]
      : [
          [
            'Project',
            project.name !== project.id
              ? `${project.name} (${project.id})`
              : project.id,
          ],
          [
            'Owner',
            <OwnerValue owner={project.owner} catalogOwner={catalogOwner} />,
          ],
          ['Tier', project.tier ?? <Missing>none</Missing>],
          [
            'Environment',
            project.environment ?? <Missing>not declared</Missing>,
          ],
          ['Services', String(count)],
        ];
  return <FactList facts={rows} />;
}
