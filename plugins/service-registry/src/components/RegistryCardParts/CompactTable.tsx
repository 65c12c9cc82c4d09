import { ReactNode } from 'react';
import { makeStyles } from '@material-ui/core';
import { ScrollingTable } from './ScrollingTable';

const useStyles = makeStyles(theme => ({
  // a registry card is often half a page wide: its columns fit when the cells keep their padding
  // small, and the table scrolls sideways when they still do not
  table: {
    '& th, & td': { padding: theme.spacing(0.75, 1) },
    '& th:first-child, & td:first-child': { paddingLeft: 0 },
  },
}));

/** A small, word-wrapping table for a registry card, labelled for assistive technology. */
export function CompactTable(props: { label: string; children: ReactNode }) {
  const classes = useStyles();
  return (
    <ScrollingTable label={props.label} className={classes.table}>
      {props.children}
    </ScrollingTable>
  );
}
