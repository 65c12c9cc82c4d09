import { Typography, makeStyles } from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ProjectSummaryOverride } from '../../api/types';
import { serviceEntityRef } from '../EntityServiceRegistryCard/templateFormLink';

const useStyles = makeStyles(theme => ({
  list: { margin: theme.spacing(0.5, 0, 1), paddingLeft: theme.spacing(2.5) },
}));

/**
 * The global services a project overrides, each linked to its entity page with the top-level
 * fields the project's override writes (`notification-service — writes metadata, port`).
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
            <EntityRefLink entityRef={serviceEntityRef(override.id)}>
              {override.id}
            </EntityRefLink>
            {override.fields.length > 0
              ? ` — writes ${override.fields.join(', ')}`
              : ' — writes no field'}
          </Typography>
        </li>
      ))}
    </ul>
  );
}
