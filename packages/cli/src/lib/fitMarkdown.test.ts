import { fitMarkdown, MARKDOWN_REPORT_LIMIT } from './fitMarkdown';

/** A report of `changes` table rows (kept whole) and up to `maxFindings` of 1,000 findings. */
function report(changes: number) {
  return (maxFindings = 200) =>
    [
      '### Changes',
      '| service | change |',
      '| --- | --- |',
      ...Array.from(
        { length: changes },
        (_, i) => `| svc-${i} | port 8080 → 9090 |`,
      ),
      '### Findings',
      ...Array.from(
        { length: Math.min(maxFindings, 1000) },
        (_, i) => `- finding ${i}`,
      ),
    ].join('\n');
}

describe('fitMarkdown', () => {
  it('keeps a report that fits as it is', () => {
    const render = report(10);
    expect(fitMarkdown(render, 1000)).toBe(render());
  });

  it('leaves findings out of a report that does not fit with all of them', () => {
    const fitted = fitMarkdown(report(1500), 1000);
    expect(fitted.length).toBeLessThanOrEqual(MARKDOWN_REPORT_LIMIT);
    expect(fitted).toContain('| svc-1499 | port 8080 → 9090 |');
    expect(fitted).toContain('- finding 0');
  });

  it('cuts a report that does not fit even without findings at a whole line, and says so', () => {
    const fitted = fitMarkdown(report(10_000), 1000);
    expect(fitted.length).toBeLessThanOrEqual(MARKDOWN_REPORT_LIMIT);
    expect(fitted).toContain('| svc-0 | port 8080 → 9090 |');
    expect(fitted).toMatch(
      /\| port 8080 → 9090 \|\n\n\*\*The report is cut here\*\*: it is longer than the 65,536 characters a pull request comment takes\./,
    );
  });
});
