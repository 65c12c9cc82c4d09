import { useState } from 'react';
import { Button, makeStyles } from '@material-ui/core';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { useServiceEntityRef } from '../ServiceEntityRefs';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: theme.spacing(0.5, 1.5),
    listStyle: 'none',
    margin: theme.spacing(0.5, 0, 1),
    padding: 0,
  },
  more: { padding: theme.spacing(0, 0.5), minWidth: 0 },
}));

/**
 * Registry services as links to their entity pages, on wrapping lines. A long list shows its
 * first `limit` links and a button that shows the others.
 */
export function ServiceLinkList(props: {
  /** The list's accessible name, e.g. "Required by". */
  label: string;
  serviceIds: string[];
  /** How many links show before "Show all" (default 8). */
  limit?: number;
}) {
  const { label, serviceIds, limit = 8 } = props;
  const classes = useStyles();
  const refOf = useServiceEntityRef();
  const [expanded, setExpanded] = useState(false);
  // hiding a single link behind a button would save nothing
  const collapsible = serviceIds.length > limit + 1;
  const shown =
    collapsible && !expanded ? serviceIds.slice(0, limit) : serviceIds;
  return (
    <ul className={classes.list} aria-label={label}>
      {shown.map(id => (
        <li key={id}>
          <EntityRefLink entityRef={refOf(id)}>{id}</EntityRefLink>
        </li>
      ))}
      {collapsible && (
        <li>
          <Button
            size="small"
            color="primary"
            className={classes.more}
            aria-expanded={expanded}
            onClick={() => setExpanded(e => !e)}
          >
            {expanded
              ? 'Show fewer'
              : `Show all ${serviceIds.length} (${
                  serviceIds.length - limit
                } more)`}
          </Button>
        </li>
      )}
    </ul>
  );
}
