import { CSSProperties } from 'react';
import { TableColumn } from '@backstage/core-components';

/**
 * A column of Backstage's `Table` sized to its content, whose cells break lines between words
 * only. material-table gives every column without a width an equal share of the table, however
 * short its values, and Backstage's theme lets table cells break inside words: ids then read
 * `ecommerc`/`e-team`. A width or cell style the column sets itself wins (a column of free text
 * can keep breaking long URLs with `wordBreak: 'break-word'`).
 */
export function sizedToContent<T extends object>(
  column: TableColumn<T>,
): TableColumn<T> {
  const own =
    typeof column.cellStyle === 'object' ? column.cellStyle : undefined;
  // a new style object per column: Backstage's Table writes into a highlighted column's
  const cellStyle: CSSProperties = { wordBreak: 'normal', ...own };
  return { width: 'auto', ...column, cellStyle };
}
