import { useState } from 'react';
import { Button, makeStyles } from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  more: { marginTop: theme.spacing(1) },
}));

/**
 * The first `pageSize` items of a long list for a phone, and a "Show N more of M" button that adds
 * `pageSize` more each time (none once all are shown). The list starts again at its first page
 * when it is mounted again: key it by what selects its items.
 */
export function useShowMore<T>(
  items: readonly T[],
  pageSize: number,
): { shown: readonly T[]; more: JSX.Element | null } {
  const classes = useStyles();
  const [limit, setLimit] = useState(pageSize);
  const shown = items.slice(0, limit);
  const rest = items.length - shown.length;
  const more =
    rest > 0 ? (
      <Button
        variant="outlined"
        size="small"
        className={classes.more}
        onClick={() => setLimit(limit + pageSize)}
      >
        Show {Math.min(pageSize, rest)} more of {rest}
      </Button>
    ) : null;
  return { shown, more };
}
