import { Typography } from '@material-ui/core';
import { ServiceConsumers } from '../../api/types';
import { ServiceLinkList } from './ServiceLinkList';

const services = (count: number) =>
  `${count} ${count === 1 ? 'service' : 'services'}`;

/** ` (in projects a, b)`, ` (in project a)`, or nothing when every consumer is global. */
function inProjects(projects: string[]): string {
  if (projects.length === 0) return '';
  return ` (in ${
    projects.length === 1 ? 'project' : 'projects'
  } ${projects.join(', ')})`;
}

/**
 * `Required by N services (in projects a, b)` and `Optional for M services`, each followed by the
 * consumers linked to their entity pages, from the registry's dependency graph.
 */
export function ServiceConsumersSummary(props: {
  consumers: ServiceConsumers;
  /** How many links of each list show before "Show all". */
  limit?: number;
}) {
  const { consumers, limit } = props;
  const { requiredBy, optionalFor } = consumers;
  if (requiredBy.length === 0 && optionalFor.length === 0) {
    return (
      <Typography variant="body2">
        No service of the registry depends on it.
      </Typography>
    );
  }
  return (
    <>
      <Typography variant="body2">
        {requiredBy.length === 0
          ? 'Required by no service'
          : `Required by ${services(requiredBy.length)}${inProjects(
              consumers.projects,
            )}`}
      </Typography>
      {requiredBy.length > 0 && (
        <ServiceLinkList
          label="Required by"
          serviceIds={requiredBy}
          limit={limit}
        />
      )}
      {optionalFor.length > 0 && (
        <>
          <Typography variant="body2">
            {`Optional for ${services(optionalFor.length)}${inProjects(
              consumers.optionalProjects,
            )}`}
          </Typography>
          <ServiceLinkList
            label="Optional for"
            serviceIds={optionalFor}
            limit={limit}
          />
        </>
      )}
    </>
  );
}
