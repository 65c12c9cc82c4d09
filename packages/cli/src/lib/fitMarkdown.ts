/**
 * The longest markdown report, in characters, that a pull request comment takes: GitHub refuses a
 * longer comment body (GitLab takes longer notes), and the CI examples post the report as one.
 */
export const MARKDOWN_REPORT_LIMIT = 65536;

/** How many findings the markdown renderers list when not told otherwise. */
const RENDERER_DEFAULT_MAX_FINDINGS = 200;

/**
 * A markdown report that fits in a pull request comment ({@link MARKDOWN_REPORT_LIMIT}): as the
 * renderer makes it when it fits, else with as many findings as fit (the renderer sums up the
 * others in a line), so that the comment step of the registry's CI does not fail on a registry
 * with many findings. The other sections (changes, breaking changes, approvals) are kept whole
 * as long as they fit without any finding; a report longer than that (thousands of changes) is
 * cut at the last whole line that fits, and says so.
 *
 * @param render - renders the report with at most that many findings (undefined: the default)
 * @param findings - how many findings the report has
 */
export function fitMarkdown(
  render: (maxFindings?: number) => string,
  findings: number,
): string {
  const whole = render();
  if (whole.length <= MARKDOWN_REPORT_LIMIT) return whole;
  // the largest number of findings whose report fits
  let fits = render(0);
  let low = 1;
  let high = Math.min(findings, RENDERER_DEFAULT_MAX_FINDINGS) - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const text = render(middle);
    if (text.length <= MARKDOWN_REPORT_LIMIT) {
      fits = text;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return fits.length <= MARKDOWN_REPORT_LIMIT ? fits : cutToFit(fits);
}

const CUT_NOTICE = `\n\n**The report is cut here**: it is longer than the ${MARKDOWN_REPORT_LIMIT.toLocaleString(
  'en-US',
)} characters a pull request comment takes. Run the same command with \`--format text\` (or \`json\`) for all of it.\n`;

/** A report cut at the last whole line that fits with {@link CUT_NOTICE} after it. */
function cutToFit(report: string): string {
  const room = MARKDOWN_REPORT_LIMIT - CUT_NOTICE.length;
  const lastLine = report.lastIndexOf('\n', room);
  return `${report.slice(0, lastLine > 0 ? lastLine : room)}${CUT_NOTICE}`;
}
