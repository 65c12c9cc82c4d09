/**
 * The hidden line that ends the report the CLI posts on a pull request (GitHub) or a merge
 * request (GitLab): the next run finds its own comment by it and replaces that comment's text
 * rather than adding one more, and leaves every other comment alone (another workflow's, even
 * one posted by the same bot).
 */
export const REPORT_MARKER = '<!-- service-registry:report -->';

/** The report's text as posted: its trailing blank lines trimmed, then the marker. */
export function withReportMarker(report: string): string {
  return `${report.replace(/\s+$/, '')}\n\n${REPORT_MARKER}\n`;
}

/** Whether a comment's text is a report the CLI posted (it ends with the marker). */
export function isMarkedReport(body: unknown): boolean {
  return typeof body === 'string' && body.trimEnd().endsWith(REPORT_MARKER);
}
