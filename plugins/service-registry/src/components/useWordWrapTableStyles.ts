import { makeStyles } from '@material-ui/core';

/**
 * The class `table`, for a Material UI table whose cells break lines between words only.
 * Backstage's theme lets table cells break inside words (`word-break: break-word`), and a narrow
 * column then read `Decla`/`red` or `99.99`/`%`.
 */
export const useWordWrapTableStyles = makeStyles({
  table: { '& th, & td': { wordBreak: 'normal' } },
});
