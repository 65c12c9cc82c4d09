import { test, expect, Locator, Page } from '@playwright/test';
import { openAsGuest } from './openAsGuest';

/*
 * The registry card on a service page, on examples/registry: project-a-checkout is at 1.9.0,
 * declares no tier (it inherits critical from project-a, "E-Commerce Platform") and requires
 * payments-gateway-v2, which is deprecated.
 */

/** The card whose title is the given heading (class names carry a numbered suffix here). */
function card(page: Page, title: string): Locator {
  return page
    .locator('[class*="MuiCard-root"]')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/** The value shown for a fact of the registry card. */
function fact(registry: Locator, label: string): Locator {
  return registry
    .locator('dt', { hasText: new RegExp(`^${label}$`) })
    .locator('xpath=following-sibling::dd[1]');
}

test('a service page shows what the registry declares, and opens the change template with the service selected', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog/default/component/project-a-checkout');

  const registry = card(page, 'Service registry');
  await expect(registry).toBeVisible({ timeout: 90_000 });
  await expect(fact(registry, 'Version')).toHaveText('1.9.0', {
    timeout: 60_000,
  });
  await expect(fact(registry, 'Tier')).toHaveText(
    'critical (from project E-Commerce Platform)',
  );
  await expect(fact(registry, 'Status')).toHaveText('ga');

  const dependencies = registry.getByRole('table', {
    name: 'Dependencies of project-a-checkout',
  });
  const payments = dependencies.getByRole('row').filter({
    has: page.getByRole('link', { name: 'payments-gateway-v2', exact: true }),
  });
  await expect(payments).toContainText('deprecated');
  await expect(payments).toContainText('^2.5');
  // tall enough for the whole card: the page scrolls inside its own container
  await page.setViewportSize({ width: 1280, height: 2000 });
  await registry.screenshot({
    path: testInfo.outputPath('service-registry-card.png'),
  });

  // "Change this service": the update template's form, the service already picked
  await registry.getByRole('button', { name: 'Change this service' }).click();
  await expect(page).toHaveURL(
    /\/create\/templates\/default\/service-registry-update-service\?formData=/,
  );
  const service = page.getByRole('textbox', { name: /Service to change/ });
  await expect(service).toBeVisible({ timeout: 90_000 });
  await expect(service).toHaveValue(/Checkout|project-a-checkout/);
  await page.screenshot({
    path: testInfo.outputPath('update-template-prefilled.png'),
    fullPage: true,
  });
  // the first step is complete: the form moves on to what changes
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('spinbutton', { name: /^Port/ })).toBeVisible();
});

test("a service that leaves out its status and owner shows them as not declared, beside what the page's header shows", async ({
  page,
}) => {
  // project-a-frontend declares no status and no owner, nor does project-a: the catalog shows
  // the provider's defaults, production and the group platform-team
  await openAsGuest(page, '/catalog/default/component/project-a-frontend');
  const registry = card(page, 'Service registry');
  await expect(registry).toBeVisible({ timeout: 90_000 });
  await expect(fact(registry, 'Version')).toHaveText('2.1.0', {
    timeout: 60_000,
  });
  await expect(fact(registry, 'Status')).toHaveText(
    'not declared; the catalog shows production',
  );
  await expect(fact(registry, 'Owner')).toHaveText(
    'none declared; the catalog shows Platform team',
  );
  await expect(fact(registry, 'Owner').getByRole('link')).toHaveAttribute(
    'href',
    '/catalog/default/group/platform-team',
  );
  await expect(page.locator('header')).toContainText('Platform team');
  await expect(page.locator('header')).toContainText('production');
});

test('a beta service page says the notice its consumers get before a breaking change', async ({
  page,
}) => {
  // observability-collector is beta and sets no break_changes_notice, and the demo policies set
  // no beta_change_notice_days: the lifecycle's 30 days
  await openAsGuest(page, '/catalog/default/component/observability-collector');
  const registry = card(page, 'Service registry');
  await expect(registry).toBeVisible({ timeout: 90_000 });
  await expect(fact(registry, 'Status')).toHaveText('beta', {
    timeout: 60_000,
  });
  await expect(fact(registry, 'Notice of breaking changes')).toHaveText(
    '30 days (beta)',
  );
});

test('on a phone the registry card lists the dependencies of a service, each in three lines', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAsGuest(page, '/catalog/default/component/project-a-checkout');
  const list = page.getByRole('list', {
    name: 'Dependencies of project-a-checkout',
  });
  await expect(list).toBeVisible({ timeout: 90_000 });
  await expect(card(page, 'Service registry').getByRole('table')).toHaveCount(
    0,
  );
  const entries = list.locator(':scope > li');
  await expect(entries).toHaveCount(3);
  const payments = entries.filter({
    has: page.getByRole('link', { name: 'payments-gateway-v2', exact: true }),
  });
  await expect(payments).toContainText('deprecated');
  await expect(payments).toContainText('required · ^2.5');
  await expect(payments).toContainText(/✓\s*2\.7\.3 — within \^2\.5/);
  // the list is as wide as the card: nothing in it scrolls sideways
  expect(
    await list.evaluate(
      element => element.scrollWidth <= element.clientWidth + 1,
    ),
  ).toBe(true);
  await list.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: testInfo.outputPath('registry-card-phone.png'),
  });
});
