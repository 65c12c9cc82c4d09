import {
  fitMarkdown,
  MarkdownReportLimits,
  MARKDOWN_REPORT_LIMIT,
} from './fitMarkdown';

const CUT_NOTICE = 'Run it with `--format text` for all of it.';

/**
 * A report of `changes` table rows (kept whole), the impacted services of `projects` projects of
 * `perProject` services each (`maxListedServices` of them named a project), up to `maxFindings`
 * of 1,000 findings, and the approvals last.
 */
function report(changes: number, projects = 0, perProject = 0) {
  return ({ maxFindings = 200, maxListedServices }: MarkdownReportLimits) =>
    [
      '### Changes',
      '| service | change |',
      '| --- | --- |',
      ...Array.from(
        { length: changes },
        (_, i) => `| svc-${i} | port 8080 → 9090 |`,
      ),
      '#### Impacted projects',
      ...Array.from({ length: projects }, (_unused, p) => {
        const names = Array.from(
          { length: Math.min(perProject, maxListedServices ?? Infinity) },
          (_, i) => `\`project-${p}-service-${i}\``,
        );
        const rest = perProject - names.length;
        if (names.length === 0) return `- \`project-${p}\`: ${rest} services`;
        return `- \`project-${p}\`: ${names.join(', ')}${
          rest ? ` and ${rest} more` : ''
        }`;
      }),
      '### Findings',
      ...Array.from(
        { length: Math.min(maxFindings, 1000) },
        (_, i) => `- finding ${i}: ${'a long message '.repeat(4)}`,
      ),
      '### Required approvals',
      '- `@platform-team`',
    ].join('\n');
}

describe('fitMarkdown', () => {
  const options = { findings: 1000, cutNotice: CUT_NOTICE };

  it('keeps a report that fits as it is', () => {
    const render = report(10, 3, 10);
    expect(fitMarkdown(render, options)).toBe(render({}));
  });

  it('names fewer impacted services a project before it leaves out any finding', () => {
    // 50 projects of 200 services: about 290,000 characters named in full
    const fitted = fitMarkdown(report(10, 50, 200), options);
    expect(fitted.length).toBeLessThanOrEqual(MARKDOWN_REPORT_LIMIT);
    expect(fitted).toContain(
      `- \`project-49\`: ${Array.from(
        { length: 20 },
        (_, i) => `\`project-49-service-${i}\``,
      ).join(', ')} and 180 more`,
    );
    expect(fitted).toContain('- finding 199:');
    expect(fitted).toContain('### Required approvals\n- `@platform-team`');
  });

  it('leaves findings out of a report that does not fit with all of them', () => {
    const fitted = fitMarkdown(report(1700, 5, 10), options);
    expect(fitted.length).toBeLessThanOrEqual(MARKDOWN_REPORT_LIMIT);
    expect(fitted).toContain('| svc-1699 | port 8080 → 9090 |');
    expect(fitted).toContain('- finding 0:');
    expect(fitted).not.toContain('- finding 199:');
    // the lists of impacted services went down to their counts first
    expect(fitted).toContain('- `project-0`: 10 services');
    expect(fitted).toContain('### Required approvals');
  });

  it('cuts a report that does not fit even without findings at a whole line, and says so', () => {
    const fitted = fitMarkdown(report(10_000), options);
    expect(fitted.length).toBeLessThanOrEqual(MARKDOWN_REPORT_LIMIT);
    expect(fitted).toContain('| svc-0 | port 8080 → 9090 |');
    expect(fitted).toMatch(
      /\| port 8080 → 9090 \|\n\n\*\*The report is cut here\*\*: it is longer than the 65,536 characters GitHub takes\. Run it with `--format text` for all of it\.\n$/,
    );
  });
});
