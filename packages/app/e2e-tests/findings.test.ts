import { test, expect } from '@playwright/test';
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
