/**
 * The longest markdown report, in characters, that GitHub takes as a pull request's body or
 * comment (it refuses a longer one; GitLab takes longer descriptions and notes): the CI examples
 * post the CLI's report as a comment, and the scaffolder opens its pull request with its report.
 *
 * @public
 */
export const MARKDOWN_REPORT_LIMIT = 65536;

/**
 * How much of the long lists a markdown report shows.
 *
 * @public
 */
export interface MarkdownReportLimits {
  /** At most this many findings are listed (default 200); the rest are counted. */
  maxFindings?: number;
  /**
   * At most this many services are listed a project in the lists of impacted services (the
   * change report's impacted and optional consumers, the impact report's tables; default all);
   * the rest are counted (`0`: only their number).
   */
  maxListedServices?: number;
}

/** How many findings the markdown renderers list when not told otherwise. */
const RENDERER_DEFAULT_MAX_FINDINGS = 200;

/** The services listed a project, tried in this order before any finding is left out. */
const LISTED_SERVICES_STEPS = [20, 5, 0];

/**
 * A markdown report that fits in a pull request's body or comment ({@link MARKDOWN_REPORT_LIMIT}):
 * as the renderer makes it when it fits; else with fewer services listed a project in the lists
 * of impacted services (20, then 5, then only their count); else with as many findings as fit
 * too (the renderer sums up the others in a line), so that the step that posts it does not fail
 * on a large registry. The other sections (changes, breaking changes, approvals) are kept whole
 * as long as they fit without any finding; a report longer than that (thousands of changes) is
 * cut at the last whole line that fits, with the cut notice after it.
 *
 * @param render - renders the report within the limits
 * @param options - `findings`: how many findings the report has; `cutNotice`: what a cut report
 *   says after the cut, e.g. how to get all of it
 * @public
 */
export function fitMarkdown(
  render: (limits: MarkdownReportLimits) => string,
  options: { findings: number; cutNotice: string },
): string {
  const whole = render({});
  if (whole.length <= MARKDOWN_REPORT_LIMIT) return whole;
  for (const maxListedServices of LISTED_SERVICES_STEPS) {
    const text = render({ maxListedServices });
    if (text.length <= MARKDOWN_REPORT_LIMIT) return text;
  }
  // the largest number of findings whose report fits, the lists at their shortest
  const shortest = (maxFindings: number) =>
    render({ maxFindings, maxListedServices: 0 });
  let fits = shortest(0);
  let low = 1;
  let high = Math.min(options.findings, RENDERER_DEFAULT_MAX_FINDINGS) - 1;
  while (low <= high) {
    const middle = Math.floor((low + high) / 2);
    const text = shortest(middle);
    if (text.length <= MARKDOWN_REPORT_LIMIT) {
      fits = text;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return fits.length <= MARKDOWN_REPORT_LIMIT
    ? fits
    : cutToFit(fits, options.cutNotice);
}

/** A report cut at the last whole line that fits, with the notice after it. */
function cutToFit(report: string, cutNotice: string): string {
  const notice = `\n\n**The report is cut here**: it is longer than the ${MARKDOWN_REPORT_LIMIT.toLocaleString(
    'en-US',
  )} characters GitHub takes. ${cutNotice}\n`;
  const room = MARKDOWN_REPORT_LIMIT - notice.length;
  const lastLine = report.lastIndexOf('\n', room);
  return `${report.slice(0, lastLine > 0 ? lastLine : room)}${notice}`;
}
