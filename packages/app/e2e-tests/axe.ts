import { expect, Locator, Page } from '@playwright/test';
import type { AxeResults, ImpactValue } from 'axe-core';

/** The attribute {@link markForAxe} sets on the elements an accessibility check covers. */
const SCOPE_ATTRIBUTE = 'data-a11y-check';

/** The impacts that fail a check: what blocks or seriously hinders someone using the page. */
const FAILING_IMPACTS: ImpactValue[] = ['serious', 'critical'];

/** What an accessibility check covers. */
export interface AxeScope {
  /** CSS selectors of the parts of the page to check (default: the marked elements). */
  include?: string[];
  /**
   * CSS selectors of parts inside them not to check: components that are not ours (Backstage's),
   * whose violations we cannot fix. Name why next to each.
   */
  exclude?: string[];
}

/** One failing finding of axe, with what a reader needs to find and fix it. */
export interface AxeFinding {
  /** The axe rule id. */
  rule: string;
  /** How serious axe rates it. */
  impact: ImpactValue;
  /** What the rule asks for. */
  help: string;
  /** Where the rule is explained. */
  helpUrl: string;
  /** The elements that break the rule. */
  elements: AxeElement[];
}

/** An element that breaks a rule of axe. */
export interface AxeElement {
  /** Its CSS selector. */
  target: string;
  /** What axe found wrong there, e.g. the contrast ratio it measured. */
  problem: string;
}

/**
 * Marks elements of the page for an accessibility check (with the attribute the default scope of
 * {@link findAccessibilityViolations} includes): the plugin's own cards on a page that also holds
 * Backstage's cards and chrome.
 */
export async function markForAxe(...elements: Locator[]): Promise<void> {
  for (const element of elements) {
    for (const match of await element.all()) {
      await match.evaluate(
        (node, attribute) => node.setAttribute(attribute, ''),
        SCOPE_ATTRIBUTE,
      );
    }
  }
}

/**
 * Runs axe-core (injected into the page on first use) over a scope of the page and returns the
 * findings rated `serious` or `critical`.
 */
export async function findAccessibilityViolations(
  page: Page,
  scope: AxeScope = {},
): Promise<AxeFinding[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) {
    await page.addScriptTag({ path: require.resolve('axe-core') });
    // Colours are checked as they end up, not halfway through a transition: a button that has
    // just become `contained` fades its background in over 250 ms, and axe measured white text
    // on the half-faded blue once (4.09:1), where the settled button passes.
    await page.addStyleTag({
      content:
        '*, *::before, *::after { transition: none !important; animation: none !important; }',
    });
  }
  const include = scope.include ?? [`[${SCOPE_ATTRIBUTE}]`];
  const found = await page.evaluate(
    async context => {
      const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
      const results: AxeResults = await axe.run(context, {
        resultTypes: ['violations'],
      });
      return results.violations;
    },
    {
      include: include.map(selector => [selector]),
      exclude: (scope.exclude ?? []).map(selector => [selector]),
    },
  );
  return found
    .filter(violation => FAILING_IMPACTS.includes(violation.impact ?? 'minor'))
    .map(violation => ({
      rule: violation.id,
      impact: violation.impact!,
      help: violation.help,
      helpUrl: violation.helpUrl,
      elements: violation.nodes.map(node => ({
        target: node.target.join(' '),
        problem: (node.failureSummary ?? '')
          .split('\n')
          .slice(1)
          .map(line => line.trim())
          .filter(line => line)
          .join(' '),
      })),
    }));
}

/** The findings as a readable list: rule, impact and help, then each element's selector and problem. */
export function formatFindings(findings: AxeFinding[]): string {
  return findings
    .map(finding =>
      [
        `${finding.rule} (${finding.impact}): ${finding.help} (${finding.helpUrl})`,
        ...finding.elements.map(
          element => `  - ${element.target}\n    ${element.problem}`,
        ),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * Fails the test when axe finds `serious` or `critical` violations in the scope, listing each
 * with its rule, help and the selectors of the elements.
 */
export async function expectNoSeriousViolations(
  page: Page,
  what: string,
  scope: AxeScope = {},
): Promise<void> {
  const findings = await findAccessibilityViolations(page, scope);
  expect(
    findings.length,
    `serious or critical accessibility violations in ${what}:\n${formatFindings(
      findings,
    )}`,
  ).toBe(0);
}
