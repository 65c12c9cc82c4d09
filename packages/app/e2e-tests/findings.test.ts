import { test, expect, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openAsGuest } from './openAsGuest';

/*
 * The findings page of examples/registry. Its findings include old-api's: deprecated, past its
 * sunset, and still required by project-c-reporting (an error, listed first).
 */

test('on a phone the findings are a list that uses the width of the screen, 20 at a time', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAsGuest(page, '/service-registry/findings');
  const heading = page.getByRole('heading', { name: /^\d+ of \d+ findings$/ });
  await expect(heading).toBeVisible({ timeout: 90_000 });
  const total = Number(/of (\d+)/.exec((await heading.textContent())!)![1]);
  expect(total).toBeGreaterThan(20);

  // no six-column table that scrolls sideways: a list, as wide as the page's content
  await expect(page.getByRole('table')).toHaveCount(0);
  const list = page.getByRole('list', { name: /findings$/ });
  const entries = list.getByRole('listitem');
  await expect(entries).toHaveCount(20);
  const overdue = entries.first();
  await expect(overdue).toContainText('lifecycle/sunset-passed-with-consumers');
  await expect(overdue).toContainText(/Service "old-api" is overdue/);
  await expect(overdue.getByRole('link', { name: 'old-api' })).toBeVisible();
  await expect(overdue).toContainText('services/catalog.toml:');
  // the message takes the width of the screen (in the table it wrapped a few words per line)
  const message = overdue.locator('p');
  expect(
    await message.evaluate(p => p.getBoundingClientRect().width),
  ).toBeGreaterThan(300);
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    ),
    'the page does not scroll sideways',
  ).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('findings-phone.png') });

  // the next ones on request
  await page
    .getByRole('button', {
      name: `Show ${Math.min(20, total - 20)} more of ${total - 20}`,
    })
    .click();
  await expect(entries).toHaveCount(Math.min(40, total));

  // a service's entries link to its page
  await overdue.getByRole('link', { name: 'old-api' }).click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/old-api/);
  await page.goBack();
  await expect(heading).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(page, 'the findings page on a phone', {
    include: ['main article'],
  });

  // the list has no headers to sort by: its menu sorts it as they would, from its first 20
  await page.getByRole('button', { name: /^Sort by/ }).click();
  await page.getByRole('option', { name: 'Severity, info first' }).click();
  await expect(entries).toHaveCount(20);
  await expect(entries.first()).not.toContainText(/^error/);
  await expect(entries.first()).not.toContainText(
    'lifecycle/sunset-passed-with-consumers',
  );
  // kept in the URL, as the table's headers keep it: a reload lists them so again
  await expect(page).toHaveURL(/[?&]sort=severity&order=desc(&|$)/);
  const infoFirst = await entries.first().textContent();
  await page.reload();
  await expect(entries.first()).toHaveText(infoFirst ?? '', {
    timeout: 60_000,
  });
  await expect(page.getByRole('button', { name: /^Sort by/ })).toContainText(
    'Severity, info first',
  );
});

/**
 * Opens the findings page at a path as the guest, with its table wide enough to be one: the table,
 * how many findings it has, and what its pager shows (written twice by material-table, once
 * hidden, for narrow screens).
 */
async function openFindingsTable(page: Page, path: string) {
  await openAsGuest(page, path);
  const findings = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Finding' }) });
  const title = page.getByText(/^\d+ of \d+ findings$/);
  await expect(title).toBeVisible({ timeout: 90_000 });
  const [, total] = /^\d+ of (\d+) findings$/.exec(await title.innerText())!;
  // the demo registry has more findings than a page holds
  expect(Number(total)).toBeGreaterThan(20);
  const pager = (first: number) =>
    page
      .getByText(`${first}-${Math.min(first + 19, Number(total))} of ${total}`)
      .filter({ visible: true });
  return { findings, pager };
}

test("the findings table keeps its page and its sorting on the way back from a service's page", async ({
  page,
}) => {
  const { findings, pager } = await openFindingsTable(
    page,
    '/service-registry/findings',
  );
  const byService = findings
    .getByRole('columnheader', { name: 'Service' })
    .getByRole('button');
  await byService.click();
  await page.getByRole('button', { name: 'Next Page' }).first().click();
  await expect(page).toHaveURL(/[?&]sort=service&page=2$/);
  const secondPageShown = pager(21);
  await expect(secondPageShown).toBeVisible();
  const rows = findings.locator('tbody tr');
  const secondPage = await rows.allInnerTexts();

  // a service of the second page, and back
  const service = findings.locator('tbody tr td:nth-child(2) a').first();
  await service.click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\//);
  await expect(
    page.getByRole('heading', { name: 'Service registry' }),
  ).toBeVisible({ timeout: 60_000 });
  await page.goBack();
  await expect(secondPageShown).toBeVisible({ timeout: 60_000 });
  await expect.poll(() => rows.allInnerTexts()).toEqual(secondPage);
});

test('a column of the findings table sorted from the keyboard on a later page keeps the focus, to sort it the other way', async ({
  page,
}) => {
  const { findings, pager } = await openFindingsTable(
    page,
    '/service-registry/findings?page=2',
  );
  await expect(pager(21)).toBeVisible();
  const byLocation = findings
    .getByRole('columnheader', { name: 'Location' })
    .getByRole('button');
  await byLocation.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]sort=file$/);
  await expect(pager(1)).toBeVisible();
  await expect(byLocation).toBeFocused();
  const locations = () =>
    findings.locator('tbody tr td:nth-child(6)').allInnerTexts();
  const ascending = await locations();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/[?&]sort=file&order=desc$/);
  await expect(byLocation).toBeFocused();
  await expect.poll(locations).not.toEqual(ascending);
});
