/** What a markdown report cut to fit a pull request comment says after the cut. */
export const CUT_NOTICE =
  'Run the same command with `--format text` (or `json`) for all of it.';
