import { expect, Page } from '@playwright/test';

/** Opens a page of the portal; the guest sign-in page comes first and leads back to it. */
export async function openAsGuest(page: Page, path: string) {
  await page.goto(path);
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter).toBeVisible();
  await enter.click();
}
