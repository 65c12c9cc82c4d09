import { Typography } from '@material-ui/core';
import { Link } from '@backstage/core-components';
import { GLOBAL_PROJECT_ID } from '@service-registry/plugin-service-registry-common';
import { ProjectSummaryFindingCounts } from '../../api/types';
import { findingsRouteRef } from '../../routes';
import { findingsSummaryText } from '../EntityServiceRegistryCard/findingsSummaryText';
import { useOptionalRouteRef } from '../EntityServiceRegistryFindingsCard/findingParts';
import { registryPageLink } from '../../lib/registryPageLink';

/**
 * The findings of a project counted by severity, linked to the findings page filtered by the
 * project (`?project=<id>`, `?project=:global` for the global services) of the card's registry
 * (`&registry=<id>`, but for `default`: see `registryPageLink`) when the app mounts the
 * page and there is something to see.
 */
export function ProjectFindingsLine(props: {
  /** The project id; null for the global services. */
  project: string | null;
  /** The registry of the card, which the link carries (`&registry=<id>`). */
  registry: string | undefined;
  findings: ProjectSummaryFindingCounts;
}) {
  const { project, registry, findings } = props;
  const findingsRoute = useOptionalRouteRef(findingsRouteRef);
  const text = findingsSummaryText(findings);
  const any = findings.errors + findings.warnings + findings.infos > 0;
  return (
    <Typography variant="body2">
      {findingsRoute && any ? (
        <Link
          to={registryPageLink(
            findingsRoute(),
            { project: project ?? GLOBAL_PROJECT_ID },
            registry,
          )}
          title="Open these findings on the findings page"
        >
          {text}
        </Link>
      ) : (
        text
      )}
    </Typography>
  );
}
