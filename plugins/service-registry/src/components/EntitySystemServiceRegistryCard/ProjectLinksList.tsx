import { Typography, makeStyles } from '@material-ui/core';
import {
  ProjectSummaryLink,
  ProjectSummaryLinkedService,
} from '../../api/types';
import { ServiceLink } from '../ServiceLink';
import { linkCountText } from './projectSummaryText';
import { ProjectSystemLink } from './ProjectSystemLink';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0, 1), paddingLeft: theme.spacing(2.5) },
  services: {
    margin: theme.spacing(0.25, 0, 0.5),
    paddingLeft: theme.spacing(2.5),
  },
  count: { color: theme.palette.text.secondary },
}));

/** `required by a, b; optional for c`. */
function consumersText(service: ProjectSummaryLinkedService): string {
  return [
    service.requiredBy.length > 0
      ? `required by ${service.requiredBy.join(', ')}`
      : undefined,
    service.optionalFor.length > 0
      ? `optional for ${service.optionalFor.join(', ')}`
      : undefined,
  ]
    .filter(Boolean)
    .join('; ');
}

/**
 * The projects (and the global services) on the other side of a project's dependencies, one
 * direction: each linked to its System page with the number of dependencies (required and
 * optional), then each service on that side linked to its entity page (a retired one, which the
 * catalog does not have, as text with "(retired)"), with the consumers that require it or use it
 * optionally.
 */
export function ProjectLinksList(props: {
  /** The list's accessible name, e.g. "Depends on". */
  label: string;
  links: ProjectSummaryLink[];
  /** What to say when there is none. */
  empty: string;
  /** The name of the System of the global services. */
  sharedSystem: string;
}) {
  const { label, links, empty, sharedSystem } = props;
  const classes = useStyles();
  if (links.length === 0) {
    return <Typography variant="body2">{empty}</Typography>;
  }
  return (
    <ul className={classes.list} aria-label={label}>
      {links.map(link => (
        <li key={link.project ?? ':global'}>
          <Typography variant="body2" component="span">
            <ProjectSystemLink
              project={link.project}
              name={link.name}
              sharedSystem={sharedSystem}
            />
            <span className={classes.count}>{` — ${linkCountText(link)}`}</span>
          </Typography>
          <ul className={classes.services}>
            {link.services.map(service => (
              <li key={service.service}>
                <Typography variant="body2" component="span">
                  <ServiceLink
                    service={service.service}
                    status={service.status}
                  />
                  {`: ${consumersText(service)}`}
                </Typography>
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
