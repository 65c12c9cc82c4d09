import { test, expect, Page } from '@playwright/test';

/** Opens a page of the portal; the guest sign-in page comes first and leads back to it. */
async function openAsGuest(page: Page, path: string) {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
}

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
