import { test, expect } from '@playwright/test';
import { openAsGuest } from './openAsGuest';

test('the catalog lists the demo registry', async ({ page }, testInfo) => {
  await openAsGuest(page, '/catalog?filters[kind]=component&filters[user]=all');

  const row = page.getByRole('link', { name: 'Demo service registry' });
  await expect(row).toBeVisible({ timeout: 90_000 });
  await page.screenshot({
    path: testInfo.outputPath('catalog.png'),
    fullPage: true,
  });

  await row.click();
  await expect(
    page.getByText('Central TOML service registry').first(),
  ).toBeVisible();
});

test('the services of the TOML registry are catalog entities', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog?filters[kind]=component&filters[user]=all');
  await page.getByPlaceholder('Filter').fill('shared-auth');
  const service = page.getByRole('link', { name: 'shared-auth', exact: true });
  await expect(service).toBeVisible({ timeout: 90_000 });
  await service.click();

  // the owner and the system of global services, both from the registry
  await expect(
    page.getByRole('link', { name: 'Platform team' }).first(),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Shared services' }).first(),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('registry-service.png'),
    fullPage: true,
  });
});

test("a service's page shows where its project's monitoring sends its alerts", async ({
  page,
}) => {
  await openAsGuest(page, '/catalog/default/component/project-a-api');
  // examples/registry/projects/project-a/monitoring.toml routes project-a-api's alerts
  const alerts = page.locator('section').filter({
    has: page.getByRole('heading', { name: 'Alerts', exact: true }),
  });
  await expect(alerts).toBeVisible({ timeout: 90_000 });
  await expect(alerts).toContainText('slack#critical-alerts');
  await expect(alerts).toContainText('slack#warnings, email@ops');
  await expect(alerts).toContainText('@on-call after 5m');
});

test("a service's page shows its release history, newest first", async ({
  page,
}) => {
  await openAsGuest(page, '/catalog/default/component/payments-gateway-v3');
  // examples/registry/services/versions.toml has two releases of payments-gateway-v3
  const releases = page.getByRole('table', {
    name: 'Releases of payments-gateway-v3',
  });
  await expect(releases).toBeVisible({ timeout: 90_000 });
  const rows = releases.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('3.0.2current2026-10-12');
  await expect(rows.nth(2)).toContainText(
    '3.0.02026-05-04Bank transfers; new idempotency keys.',
  );
});
