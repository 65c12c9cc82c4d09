import { Typography } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { ProjectSummaryResponse } from '../../api/types';
import { slaRouteRef } from '../../routes';
import { useOptionalRouteRef } from '../EntityServiceRegistryFindingsCard/findingParts';
import { registryPageLink } from '../../lib/registryPageLink';
import { slaSummaryText } from './projectSummaryText';

/**
 * The SLA compliance of a project's services, linked to the SLA page filtered by the project
 * (`?project=<id>`, `?project=:global` for the global services) of the card's registry
 * (`&registry=<id>`, but for `default`: see `registryPageLink`) when the app mounts the page and
 * there is a service to see.
 */
export function ProjectSlaLine(props: {
  /** The project id; null for the global services. */
  project: string | null;
  /** The registry of the card, which the link carries (`&registry=<id>`). */
  registry: string | undefined;
  sla: ProjectSummaryResponse['sla'];
}) {
  const { project, registry, sla } = props;
  const slaRoute = useOptionalRouteRef(slaRouteRef);
  const text = slaSummaryText(sla);
  return (
    <Typography variant="body2">
      {slaRoute && sla.services > 0 ? (
        <Link
          to={registryPageLink(
            slaRoute(),
            { project: project ?? GLOBAL_PROJECT_ID },
            registry,
          )}
          title="Open these services on the SLA page"
        >
          {text}
        </Link>
      ) : (
        text
      )}
    </Typography>
  );
}
