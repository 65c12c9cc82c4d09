import { makeStyles } from '@material-ui/core';

/**
 * The look of the lists that stand for a table on a phone (the deprecated services, a
 * tier's SLA): entries divided by lines, each a heading (a name that wraps anywhere, a status at
 * its end) over named facts in two columns (a `dl`: `dt` in the secondary text colour, `dd`).
 */
export const useEntryListStyles = makeStyles(theme => ({
  list: { padding: 0 },
  item: { display: 'block', padding: theme.spacing(1.5, 0) },
  heading: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: theme.spacing(1),
  },
  name: { minWidth: 0, overflowWrap: 'anywhere' },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: theme.spacing(1.5),
    rowGap: theme.spacing(0.25),
    margin: theme.spacing(1, 0, 0.5),
    '& dt': { color: theme.palette.text.secondary },
    '& dd': { margin: 0, overflowWrap: 'anywhere' },
  },
}));
