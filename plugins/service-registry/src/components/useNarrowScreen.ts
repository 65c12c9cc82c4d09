import { Theme, useMediaQuery } from '@material-ui/core';

/**
 * True on a screen narrower than 600 pixels (MUI's `xs`: a phone), where the plugin's pages list
 * what they table on a wider screen: a table of six or seven columns does not fit such a screen,
 * and scrolls sideways with its most telling columns out of sight. Read at the first render (no
 * server rendering here), so that a phone does not mount the table first.
 */
export function useNarrowScreen(): boolean {
  return useMediaQuery((theme: Theme) => theme.breakpoints.down('xs'), {
    noSsr: true,
  });
}
