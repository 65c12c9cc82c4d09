import { Typography } from '@material-ui/core';
import { ServiceAlertRoutes } from '../../api/types';
import { Fact, FactList } from '../RegistryCardParts/FactList';

/** The facts of one project's routes: each level that has channels, then the escalation. */
function factsOf(route: ServiceAlertRoutes): Fact[] {
  const facts: Fact[] = [];
  const levels: Array<[string, string[]]> = [
    ['Critical', route.critical],
    ['Warning', route.warning],
    ['Info', route.info],
  ];
  for (const [label, channels] of levels) {
    if (channels.length > 0) facts.push([label, channels.join(', ')]);
  }
  if (route.escalateTo.length > 0) {
    facts.push([
      'Escalates to',
      `${route.escalateTo.join(', ')}${
        route.escalateAfter ? ` after ${route.escalateAfter}` : ''
      }`,
    ]);
  }
  if (route.pageIf) facts.push(['Pages on', route.pageIf]);
  return facts;
}

/**
 * Where the projects' `monitoring.toml` files send a service's alerts: the channels of each level
 * and whom they escalate to. A project's routes are headed by its id when it is not the service's
 * own project, or when several projects route them (a global service's).
 */
export function ServiceAlertRoutesList(props: {
  routes: ServiceAlertRoutes[];
  /** The service's project; undefined for a global service. */
  project?: string;
}) {
  const { routes, project } = props;
  const named = routes.length > 1 || routes.some(r => r.project !== project);
  return (
    <>
      {routes.map(route => (
        <div key={route.project}>
          {named && (
            <Typography variant="body2" component="p" gutterBottom>
              {`From ${route.project}'s monitoring.toml`}
            </Typography>
          )}
          <FactList facts={factsOf(route)} />
        </div>
      ))}
    </>
  );
}
