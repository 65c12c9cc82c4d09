import { Typography, makeStyles } from '@material-ui/core';
import { ProjectSummaryOverride } from '../../api/types';
import { ServiceLink } from '../ServiceLink';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0, 1), paddingLeft: theme.spacing(2.5) },
}));

/**
 * The global services a project overrides, each linked to its entity page (a retired one, which
 * the catalog does not have, as text with "(retired)") with the top-level fields the project's
 * override writes (`notification-service — writes metadata, port`).
 */
export function ProjectOverridesList(props: {
  overrides: ProjectSummaryOverride[];
}) {
  const { overrides } = props;
  const classes = useStyles();
  if (overrides.length === 0) {
    return (
      <Typography variant="body2">
        The project overrides no global service.
      </Typography>
    );
  }
  return (
    <ul className={classes.list} aria-label="Overrides of global services">
      {overrides.map(override => (
        <li key={override.id}>
          <Typography variant="body2" component="span">
            <ServiceLink service={override.id} status={override.status} />
            {override.fields.length > 0
              ? ` — writes ${override.fields.join(', ')}`
              : ' — writes no field'}
          </Typography>
        </li>
      ))}
    </ul>
  );
}
