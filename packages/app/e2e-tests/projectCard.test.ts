import { test, expect, Locator, Page } from '@playwright/test';
import { openAsGuest } from './openAsGuest';

/*
 * The project card on a System page, on examples/registry: project-a ("E-Commerce Platform")
 * declares six services (project-a-checkout still requires the deprecated payments-gateway-v2),
 * overrides the metadata of the global notification-service, and depends on global services
 * (shared-auth, payments-gateway-v2/v3, …) and on analytics-service of project-c. The global
 * services belong to the System `shared`.
 */

/** The card whose title is the given heading (class names carry a numbered suffix here). */
function card(page: Page, title: string): Locator {
  return page
    .locator('[class*="MuiCard-root"]')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/** The row of a services table whose header cell links to the service. */
function serviceRow(page: Page, table: Locator, id: string): Locator {
  return table.getByRole('row').filter({
    has: page.getByRole('link', { name: id, exact: true }),
  });
}

/** The entry of a "Depends on" / "Used by" list that links to a project's System. */
function projectEntry(
  page: Page,
  project: Locator,
  list: string,
  name: string,
): Locator {
  return project
    .getByRole('list', { name: list, exact: true })
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name, exact: true }) })
    .first();
}

test('a project page shows its services, its overrides and what it depends on, and the shared System the global services', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog/default/system/project-a');

  const project = card(page, 'Project in the service registry');
  await expect(project).toBeVisible({ timeout: 90_000 });
  const services = project.getByRole('table', {
    name: 'Services of E-Commerce Platform',
  });
  await expect(services).toBeVisible({ timeout: 60_000 });
  // project-a declares no owner: the card says so, and links the group the catalog shows instead
  // (the provider's defaultOwner), named as the page's header names it
  const owner = project
    .getByRole('term')
    .filter({ hasText: /^Owner$/ })
    .locator('xpath=following-sibling::dd[1]');
  await expect(owner).toHaveText(
    'none declared; the catalog shows Platform team',
  );
  await expect(owner.getByRole('link')).toHaveAttribute(
    'href',
    '/catalog/default/group/platform-team',
  );

  // each service with its status
  for (const id of [
    'project-a-api',
    'project-a-cart',
    'project-a-catalog',
    'project-a-checkout',
    'project-a-db',
  ]) {
    await expect(serviceRow(page, services, id)).toContainText('ga');
  }
  await expect(serviceRow(page, services, 'project-a-api')).toContainText(
    '3.4.0',
  );
  await expect(serviceRow(page, services, 'project-a-frontend')).toContainText(
    'not declared',
  );
  await expect(serviceRow(page, services, 'project-a-checkout')).toContainText(
    'Depends on a deprecated service: payments-gateway-v2',
  );

  // its override of the global notification-service
  await expect(
    project.getByRole('list', { name: 'Overrides of global services' }),
  ).toContainText('notification-service — writes metadata');

  // it depends on global services, linked to the shared System
  const globals = projectEntry(page, project, 'Depends on', 'Global services');
  await expect(globals).toContainText('shared-auth: required by');
  await expect(globals).toContainText('payments-gateway-v2');
  await expect(
    globals.getByRole('link', { name: 'Global services', exact: true }),
  ).toHaveAttribute('href', /\/catalog\/default\/system\/shared$/);
  await expect(
    projectEntry(page, project, 'Depends on', 'Data & Analytics'),
  ).toContainText('analytics-service: optional for project-a-frontend');

  // tall enough for the whole card: the page scrolls inside its own container
  await page.setViewportSize({ width: 1280, height: 2400 });
  await project.screenshot({ path: testInfo.outputPath('project-card.png') });
  await page.screenshot({ path: testInfo.outputPath('project-page.png') });

  // the shared System: the global services, and the projects that use them
  await globals
    .getByRole('link', { name: 'Global services', exact: true })
    .click();
  await expect(page).toHaveURL(/\/catalog\/default\/system\/shared$/);
  const shared = card(page, 'Project in the service registry');
  const globalServices = shared.getByRole('table', {
    name: 'Services of the global services',
  });
  await expect(globalServices).toBeVisible({ timeout: 60_000 });
  await expect(
    serviceRow(page, globalServices, 'notification-service'),
  ).toContainText('Overridden by project-a');
  await expect(
    serviceRow(page, globalServices, 'payments-gateway-v2'),
  ).toContainText('deprecated');
  await expect(
    projectEntry(page, shared, 'Used by', 'E-Commerce Platform'),
  ).toContainText('shared-auth: required by');
  await shared.screenshot({ path: testInfo.outputPath('shared-card.png') });
});

test('the shared System links its findings and SLA lines to the pages filtered to the global services, with the same counts', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog/default/system/shared');
  const shared = card(page, 'Project in the service registry');
  const findingsLine = shared.getByRole('link', {
    name: /in the registry's validation$/,
  });
  await expect(findingsLine).toBeVisible({ timeout: 90_000 });
  const findingsText = (await findingsLine.textContent()) ?? '';
  const slaLine = shared.getByRole('link', { name: /^\d+ services?: / });
  const slaText = (await slaLine.textContent()) ?? '';

  await findingsLine.click();
  await expect(page).toHaveURL(
    /\/service-registry\/findings\?project=%3Aglobal$/,
  );
  const filters = page.getByRole('group', { name: 'Filters' });
  await expect(filters).toContainText('Global services', { timeout: 60_000 });
  // "1 error, 7 warnings in the registry's validation": the same numbers as the counts
  const counts = page.getByRole('group', { name: 'Findings by severity' });
  for (const [, n, severity] of findingsText.matchAll(
    /(\d+) (error|warning|info)/g,
  )) {
    await expect(counts).toContainText(`${n} ${severity}`);
  }
  await page.screenshot({ path: testInfo.outputPath('findings-global.png') });

  await page.goBack();
  await expect(slaLine).toBeVisible({ timeout: 60_000 });
  await slaLine.click();
  await expect(page).toHaveURL(/\/service-registry\/sla\?project=%3Aglobal$/);
  const total = slaText.match(/^(\d+) services?/)![1];
  await expect(
    page.getByText(
      new RegExp(
        `^Showing ${total} of \\d+ services \\(retired services are not counted\\)$`,
      ),
    ),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByRole('search', { name: 'Filter services' }),
  ).toContainText('Global services');
});

test('on a phone the project card lists its services, each whole, with its findings in sight', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAsGuest(page, '/catalog/default/system/project-a');
  const project = card(page, 'Project in the service registry');
  const services = project.getByRole('list', {
    name: 'Services of E-Commerce Platform',
  });
  await expect(services).toBeVisible({ timeout: 90_000 });
  // no five-column table whose findings a phone cut off
  await expect(
    project.getByRole('table', { name: 'Services of E-Commerce Platform' }),
  ).toHaveCount(0);
  const entries = services.getByRole('listitem');
  await expect(entries).toHaveCount(6);
  const api = entries.filter({
    has: page.getByRole('link', { name: 'project-a-api', exact: true }),
  });
  await expect(api).toContainText('ga');
  await expect(api).toContainText(/Version\s*3\.4\.0/);
  await expect(api).toContainText(/Tier\s*critical \(inherited\)/);
  await expect(api).toContainText(/Findings\s*\d+ warnings?/);
  const checkout = entries.filter({
    has: page.getByRole('link', { name: 'project-a-checkout', exact: true }),
  });
  await expect(checkout).toContainText(
    'Depends on a deprecated service: payments-gateway-v2',
  );
  // the marker reads in lines of words, not a word a line
  const marker = checkout.locator('[data-marker="deprecated-dependency"]');
  expect((await marker.boundingBox())!.height).toBeLessThan(60);
  const box = (await services.boundingBox())!;
  expect(
    box.x + box.width,
    'the list ends inside the screen',
  ).toBeLessThanOrEqual(390);
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    ),
    'the page does not scroll sideways',
  ).toBe(true);
  await checkout.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: testInfo.outputPath('project-card-phone.png'),
  });
});
