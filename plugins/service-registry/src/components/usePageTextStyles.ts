import { makeStyles } from '@material-ui/core';
import { readableText } from './contrast';

/**
 * The class `secondary`, for secondary text on the page itself rather than on a card (a filter's
 * label, a line under the filters): the theme's secondary text colour is made for cards and reads
 * just below 4.5:1 on Backstage's light page background, so it is darkened as much as needed.
 * Give it to a filter's label with `InputLabelProps={{ className }}`.
 */
export const usePageTextStyles = makeStyles(theme => ({
  // more specific than the label's own colour whatever the order of the style sheets; a focused
  // label keeps the theme's focus colour
  secondary: {
    '&:not(.Mui-focused)': {
      color: readableText(theme, theme.palette.text.secondary),
    },
  },
}));
