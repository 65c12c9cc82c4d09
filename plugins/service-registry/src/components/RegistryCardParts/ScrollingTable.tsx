import { ReactNode } from 'react';
import { Table, TableContainer } from '@material-ui/core';
import { useWordWrapTableStyles } from '../useWordWrapTableStyles';

/**
 * A small, word-wrapping table labelled for assistive technology, which scrolls sideways when it
 * is wider than its container: a card (`overflow: hidden`) would otherwise cut its last columns
 * off on a phone.
 */
export function ScrollingTable(props: {
  label: string;
  /** More styles of the table (see `CompactTable`). */
  className?: string;
  children: ReactNode;
}) {
  const tableClasses = useWordWrapTableStyles();
  return (
    <TableContainer>
      <Table
        size="small"
        className={[tableClasses.table, props.className]
          .filter(Boolean)
          .join(' ')}
        aria-label={props.label}
      >
        {props.children}
      </Table>
    </TableContainer>
  );
}
