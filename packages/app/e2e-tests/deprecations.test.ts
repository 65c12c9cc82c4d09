import { test, expect } from '@playwright/test';
import {
  breaksInsideWords,
  cutShortTexts,
  fitsItsParent,
  renderedLines,
} from './layout';
import { expectNoSeriousViolations } from './axe';
import { openAsGuest } from './openAsGuest';

/*
 * Deprecation tracking, SLA and findings in the demo portal, on examples/registry: old-api's
 * sunset (2026-05-20) has passed while project-c-reporting still requires it, so its migration is
 * overdue whatever day the test runs; legacy-search is deprecated with its sunset in 2027.
 */

test('a deprecated service shows its migration: status and remaining consumers', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog/default/component/old-api');

  await expect(page.getByText('Migration', { exact: true })).toBeVisible({
    timeout: 90_000,
  });
  const consumers = page.getByRole('list', { name: 'Remaining consumers' });
  await expect(consumers).toBeVisible({ timeout: 60_000 });
  await expect(
    consumers.getByRole('link', { name: 'project-c-reporting', exact: true }),
  ).toBeVisible();
  await expect(
    page.getByText('Overdue', { exact: true }).first(),
  ).toBeVisible();
  await expect(page.getByText(/\d+ days? overdue/).first()).toBeVisible();
  await consumers.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('migration-card.png') });

  // the consumer's page warns about the dependency, with the sunset that has passed
  await consumers
    .getByRole('link', { name: 'project-c-reporting', exact: true })
    .click();
  const warning = page.getByRole('region', { name: 'Deprecated dependencies' });
  await expect(warning).toBeVisible({ timeout: 60_000 });
  await expect(warning).toContainText('old-api');
  await expect(warning).toContainText('2026-05-20');
  await warning.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('consumer-warning.png') });
});

test('a platform engineer reminds the consumers of a deprecated service, once a day, and the consumers read it in their notifications', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog/default/component/legacy-search');
  const remind = page.getByRole('button', { name: 'Remind consumers' });
  await expect(remind).toBeVisible({ timeout: 90_000 });
  const today = new Date().toISOString().slice(0, 10);
  // a retry of this test runs against the same portal, where the first attempt reminded already
  if (await remind.isEnabled()) {
    await expect(page.getByText(/^No reminder sent yet/)).toBeVisible();
    // from the keyboard: the focus stays on the button once it has done its one reminder a day
    await remind.focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByText(
        /^Reminded the owners of \d+ consuming services? of legacy-search/,
      ),
    ).toBeVisible({ timeout: 30_000 });
    await expect(remind).toBeDisabled();
    await expect(remind).toBeFocused();
  }
  await expect(
    page.getByText(`Last reminder ${today} by guest (one reminder a day)`),
  ).toBeVisible({ timeout: 30_000 });
  await expect(remind).toBeDisabled();
  await remind.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('reminder.png') });

  // the guest is in logistics-team, which owns legacy-search's consumers: the reminder is in its
  // notifications
  await page.getByRole('link', { name: 'Notifications' }).click();
  await expect(
    page.getByText('Reminder: legacy-search is deprecated').first(),
  ).toBeVisible({ timeout: 60_000 });
  await expect(
    page
      .getByText(
        /project-b-shipping and project-b-warehouse depend on legacy-search/,
      )
      .first(),
  ).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('notifications.png') });
});

test('the deprecations page draws the timeline with today and the overdue migrations', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/service-registry/deprecations');
  await expect(
    page.getByRole('heading', { name: 'Deprecations', exact: true }),
  ).toBeVisible({ timeout: 90_000 });

  const timeline = page.getByRole('group', {
    name: /deprecated services, today \d{4}-\d{2}-\d{2}/,
  });
  await expect(timeline).toBeVisible({ timeout: 60_000 });
  await expect(timeline.getByTestId('timeline-today')).toBeVisible();
  const oldApi = timeline.getByRole('button', { name: /^old-api: Overdue/ });
  await expect(oldApi).toHaveAttribute('data-status', 'overdue');
  await expect(
    timeline.getByRole('button', { name: /^legacy-search: / }),
  ).toBeVisible();

  // the timeline is drawn at the width of its card: its 12-pixel labels are not scaled down
  const label = oldApi.locator('text', { hasText: /^old-api$/ });
  const fontSize = await label.evaluate(
    text => text.getBoundingClientRect().height,
  );
  expect(fontSize).toBeGreaterThanOrEqual(12);

  // the table of deprecated services fits the page at 1280 px, no word broken inside
  const table = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Replacement' }) });
  expect(
    await fitsItsParent(table),
    'the deprecations table fits its card',
  ).toBe(true);
  for (const cell of await table.getByRole('cell').all()) {
    expect(await breaksInsideWords(cell)).toEqual([]);
  }

  // choosing a migration shows its burn-down
  await oldApi.click();
  await expect(page.getByText('Burn-down of old-api')).toBeVisible();

  // so does a row's button, from the keyboard; the focus stays on it
  const rowButton = table.getByRole('button', {
    name: 'Burn-down of legacy-search',
  });
  await rowButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Burn-down of legacy-search')).toBeVisible();
  await expect(rowButton).toHaveAttribute('aria-pressed', 'true');
  await expect(rowButton).toBeFocused();
  await page.screenshot({
    path: testInfo.outputPath('deprecations-page.png'),
    fullPage: true,
  });
});

test('on a phone the timeline fits the screen, each name above its bar, and the deprecated services are a list', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAsGuest(page, '/service-registry/deprecations');
  const timeline = page.getByRole('group', { name: /^Deprecation timeline/ });
  await expect(timeline).toBeVisible({ timeout: 90_000 });
  // nothing to scroll sideways: the whole time axis, today included, is on the screen
  await expect(
    page.getByRole('region', { name: /scrolls sideways/ }),
  ).toHaveCount(0);
  const drawing = (await timeline.boundingBox())!;
  expect(drawing.x).toBeGreaterThanOrEqual(0);
  expect(drawing.x + drawing.width).toBeLessThanOrEqual(390);
  const today = (await timeline
    .getByRole('img', { name: /^Today, / })
    .boundingBox())!;
  expect(today.x + today.width).toBeLessThanOrEqual(drawing.x + drawing.width);
  for (const service of ['old-api', 'payments-gateway-v2', 'legacy-search']) {
    const bar = timeline.getByRole('button', {
      name: new RegExp(`^${service}: `),
    });
    // the name, at its size, on a line above its bar
    const name = bar.locator('text', { hasText: new RegExp(`^${service}$`) });
    const named = (await name.boundingBox())!;
    expect(named.height).toBeGreaterThanOrEqual(12);
    const drawn = (await bar
      .getByTestId(`timeline-bar-${service}`)
      .boundingBox())!;
    expect(named.y + named.height).toBeLessThanOrEqual(drawn.y + 1);
    expect(drawn.x + drawn.width).toBeLessThanOrEqual(
      drawing.x + drawing.width,
    );
  }
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    ),
    'the page does not scroll sideways',
  ).toBe(true);

  // no seven-column table: a list, each service a few lines
  await expect(page.getByRole('table')).toHaveCount(0);
  const list = page.getByRole('list', { name: 'Deprecated services (3)' });
  const entries = list.getByRole('listitem');
  await expect(entries).toHaveCount(3);
  const oldApi = entries.filter({
    has: page.getByRole('link', { name: 'old-api', exact: true }),
  });
  await expect(oldApi).toContainText('Overdue');
  await expect(oldApi).toContainText(/Sunset\s*2026-05-20, \d+ days overdue/);
  await expect(oldApi.getByRole('link', { name: 'new-api' })).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('deprecations-phone.png'),
  });

  // its burn-down, above the list, comes into view
  await oldApi.getByRole('button', { name: 'Burn-down of old-api' }).click();
  await expect(
    page.getByRole('heading', { name: 'Burn-down of old-api' }),
  ).toBeInViewport();
  await expect(oldApi).toHaveAttribute('aria-current', 'true');
  await expectNoSeriousViolations(page, 'the deprecations page on a phone', {
    include: ['main article'],
  });

  // the list has no headers to sort by: its menu sorts it as they would, in the URL, so that a
  // reload (or the link, on a wider screen) lists the latest sunset first again
  const listed = () =>
    entries.evaluateAll(items =>
      items.map(item => item.querySelector('a')?.textContent),
    );
  await page.getByRole('button', { name: /^Sort by/ }).click();
  await page.getByRole('option', { name: 'Sunset, latest first' }).click();
  const latestSunsetFirst = ['legacy-search', 'payments-gateway-v2', 'old-api'];
  await expect.poll(listed).toEqual(latestSunsetFirst);
  expect(new URL(page.url()).searchParams.get('sort')).toBe('sunsetDate');
  expect(new URL(page.url()).searchParams.get('order')).toBe('desc');
  await page.reload();
  await expect(entries).toHaveCount(3, { timeout: 90_000 });
  await expect.poll(listed).toEqual(latestSunsetFirst);
  await expect(page.getByRole('button', { name: /^Sort by/ })).toContainText(
    'Sunset, latest first',
  );
});

test("on a phone the SLA page lists each tier's services with their availability, p99, compliance and gaps; so does a service's SLA card its targets", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAsGuest(page, '/service-registry/sla');
  const perProject = page.getByRole('list', {
    name: 'Compliance per project',
  });
  await expect(perProject).toBeVisible({ timeout: 90_000 });
  // no table whose telling columns a phone could only scroll to: lists as wide as the screen
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(
    perProject.getByRole('listitem').filter({ hasText: /^All/ }),
  ).toContainText(/^All\d+ services · /);
  const critical = page.getByRole('list', {
    name: 'Services of the Critical tier',
  });
  const gateway = critical.locator(':scope > li').filter({
    has: page.getByRole('link', { name: 'API Gateway', exact: true }),
  });
  await expect(gateway).toContainText('Compliant');
  await expect(gateway).toContainText(/Availability\s*99\.99%/);
  await expect(gateway).toContainText(/p99\s*50 ms/);
  await expect(gateway).toContainText(/Gaps\s*none/);
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    ),
    'the page does not scroll sideways',
  ).toBe(true);
  await page.screenshot({ path: testInfo.outputPath('sla-phone.png') });
  await expectNoSeriousViolations(page, 'the SLA page on a phone', {
    include: ['main article'],
  });
  // the lists have no headers to sort by: a menu sorts every tier as the headers would
  const names = () =>
    critical
      .locator(':scope > li')
      .evaluateAll(items =>
        items.map(item => item.querySelector('a')?.textContent ?? ''),
      );
  const byId = await names();
  await page.getByRole('button', { name: /^Sort by/ }).click();
  await page.getByRole('option', { name: 'Service, Z to A' }).click();
  const zToA = [...byId].sort((a, b) =>
    b.toLocaleLowerCase('en-US').localeCompare(a.toLocaleLowerCase('en-US')),
  );
  await expect.poll(names).toEqual(zToA);
  expect(await names()).not.toEqual(byId);
  // kept in the URL with the filters: a reload (or the link, shared) sorts the tiers so again
  await expect(page).toHaveURL(/[?&]sort=name&order=desc(&|$)/);
  await page.reload();
  await expect(critical).toBeVisible({ timeout: 60_000 });
  await expect.poll(names).toEqual(zToA);

  // so does a service's SLA card: project-b-warehouse declares no SLA, and its project's high
  // tier requires five targets; each reads whole, with its result on its first line
  await page.goto('/catalog/default/component/project-b-warehouse');
  const targets = page.getByRole('list', { name: 'SLA targets' });
  await expect(targets).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('table', { name: 'SLA targets' })).toHaveCount(0);
  const entries = targets.getByRole('listitem');
  await expect(entries).toHaveCount(5);
  const availability = entries.filter({ hasText: /^Availability/ });
  await expect(availability).toContainText('Missing');
  await expect(availability).toContainText(/Declared\s*not declared/);
  await expect(availability).toContainText(/high tier policy\s*99\.9%/);
  const box = await targets.boundingBox();
  expect(
    box!.x + box!.width,
    'the list ends inside the screen',
  ).toBeLessThanOrEqual(390);
  expect(
    await page.evaluate(
      () => document.documentElement.scrollWidth <= window.innerWidth,
    ),
    'the service page does not scroll sideways',
  ).toBe(true);
  await targets.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('sla-card-phone.png') });
});

test('the deprecations page opens the sorting and the search of its URL, after a reload too, and counts what the search finds', async ({
  page,
}, testInfo) => {
  await openAsGuest(
    page,
    '/service-registry/deprecations?sort=sunsetDate&order=desc&q=team',
  );
  const table = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Replacement' }) });
  const filterBox = page.getByRole('searchbox', { name: 'Search' });
  const sortedAndFiltered = async () => {
    // the services whose owner is a team, the latest sunset first: legacy-search (2027-03-01)
    // before payments-gateway-v2 (2026-12-10); old-api, which has no owner, is not among them
    await expect(table.locator('tbody tr').first()).toContainText(
      'legacy-search',
      { timeout: 90_000 },
    );
    await expect(
      table.getByRole('link', { name: 'payments-gateway-v2', exact: true }),
    ).toBeVisible();
    await expect(
      table.getByRole('link', { name: 'old-api', exact: true }),
    ).toHaveCount(0);
    await expect(filterBox).toHaveValue('team');
    // the counts are those of the rows found, not of every deprecation
    const rows = await table.locator('tbody tr').count();
    await expect(
      page.getByRole('list', { name: 'Deprecations by status' }),
    ).toContainText(`All: ${rows}`);
    await expect(
      page.getByRole('heading', { name: `Deprecated services (${rows})` }),
    ).toBeVisible();
    // the URL is the link's still
    expect(new URL(page.url()).search).toBe(
      '?sort=sunsetDate&order=desc&q=team',
    );
  };
  await sortedAndFiltered();
  await page.reload();
  await sortedAndFiltered();
  await table.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: testInfo.outputPath('deprecations-sorted-filtered.png'),
  });
});

test('a service page shows its SLA targets and its findings whole', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog/default/component/project-a-checkout');
  const targets = page.getByRole('table', { name: 'SLA targets' });
  await expect(targets).toBeVisible({ timeout: 90_000 });
  const findings = page.getByRole('list', {
    name: 'Findings of project-a-checkout',
  });
  await expect(findings).toBeVisible({ timeout: 60_000 });

  // in the half-width cards of a 1280 px page: no value or label of the SLA targets is broken
  // inside a word, and each finding is read whole (the theme cuts dense list items to one line)
  for (const cell of await targets.getByRole('cell').all()) {
    expect(await breaksInsideWords(cell)).toEqual([]);
  }
  const items = await findings.getByRole('listitem').all();
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) {
    const clipped = await item.evaluate(li =>
      Array.from(li.querySelectorAll('*')).some(
        el => el.scrollWidth > el.clientWidth + 1,
      ),
    );
    expect(clipped, await item.innerText()).toBe(false);
  }
  await findings.scrollIntoViewIfNeeded();
  await page.screenshot({
    path: testInfo.outputPath('service-sla-findings.png'),
  });
});

test('SLA and findings pages read the registry', async ({ page }, testInfo) => {
  await openAsGuest(page, '/service-registry/sla');
  await expect(
    page.getByRole('heading', { name: 'Service SLAs', exact: true }),
  ).toBeVisible({ timeout: 90_000 });
  await expect(
    page.getByRole('link', { name: 'shared-auth', exact: true }).first(),
  ).toBeVisible({ timeout: 60_000 });

  // at the default 1280 x 720 viewport the tables have room: no column label and no project
  // name is broken over lines (the counts per project once sat in a quarter-width column,
  // one letter per line)
  const perProject = page.getByRole('table', {
    name: 'Compliance per project',
  });
  await expect(perProject.getByRole('row')).toHaveCount(6);
  const tierTables = page.getByRole('table', { name: /^Services of the / });
  await expect(tierTables.first()).toBeVisible();
  for (const table of [perProject, ...(await tierTables.all())]) {
    for (const header of await table.getByRole('columnheader').all()) {
      expect(
        await renderedLines(header),
        `${await header.innerText()} of ${await table.getAttribute(
          'aria-label',
        )}`,
      ).toBe(1);
    }
  }
  for (const name of await perProject.getByRole('rowheader').all()) {
    expect(await renderedLines(name), await name.innerText()).toBe(1);
  }

  await page.screenshot({
    path: testInfo.outputPath('sla-page.png'),
    fullPage: true,
  });

  await page.goto('/service-registry/findings');
  await expect(
    page.getByRole('heading', { name: 'Validation findings' }),
  ).toBeVisible({ timeout: 60_000 });
  // the sidebar marks the page itself, not the topology page above it
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('link', { name: 'Findings' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // the suite's sidebar items are read whole, not cut short with an ellipsis
  for (const name of [
    'Topology',
    'Deprecations',
    'SLAs',
    'Findings',
    'Pending',
  ]) {
    expect(
      await cutShortTexts(nav.getByRole('link', { name, exact: true })),
    ).toEqual([]);
  }
  await expect(nav.getByRole('link', { name: 'Topology' })).not.toHaveAttribute(
    'aria-current',
    'page',
  );
  // the demo registry has findings: old-api's consumers are told to migrate
  await expect(page.getByText(/lifecycle\//).first()).toBeVisible({
    timeout: 60_000,
  });

  // at 1280 x 720 the findings fit the page: the table does not scroll sideways, the messages
  // have room, and ids and file paths break only between words
  const findings = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: 'Finding' }) });
  expect(
    await fitsItsParent(findings),
    'the findings table fits its card',
  ).toBe(true);
  const finding = findings.getByRole('columnheader', { name: 'Finding' });
  expect((await finding.boundingBox())!.width).toBeGreaterThanOrEqual(280);
  const firstRows = (await findings.locator('tbody tr').all()).slice(0, 10);
  for (const row of firstRows) {
    const cells = await row.getByRole('cell').all();
    // severity, service, project, owner, finding (free text: URLs may break), location
    for (const index of [1, 2, 3, 5]) {
      expect(await breaksInsideWords(cells[index])).toEqual([]);
    }
  }
  await page.screenshot({
    path: testInfo.outputPath('findings-page.png'),
    fullPage: true,
  });

  // the search box finds by code; the title and the counts by severity follow it, and the URL
  // keeps it
  const title = page.getByText(/^\d+ of \d+ findings$/);
  const [, total] = /^\d+ of (\d+) findings$/.exec(await title.innerText())!;
  const code = 'lifecycle/depends-on-deprecated';
  await page.getByRole('searchbox', { name: 'Search' }).fill(code);
  await expect
    .poll(async () => [
      // the code under each message (the location is in a code element too)
      ...new Set(
        await findings.locator('tbody tr td:nth-child(5) code').allInnerTexts(),
      ),
    ])
    .toEqual([code]);
  const [, found] = /^(\d+) of /.exec(await title.innerText())!;
  expect(Number(found)).toBeGreaterThan(0);
  expect(Number(found)).toBeLessThan(Number(total));
  const counts = await page
    .getByRole('group', { name: 'Findings by severity' })
    .getByRole('button')
    .allInnerTexts();
  expect(
    counts.reduce((sum, text) => sum + Number(/^\d+/.exec(text)![0]), 0),
  ).toBe(Number(found));
  expect(new URL(page.url()).search).toBe(
    '?q=lifecycle%2Fdepends-on-deprecated',
  );

  // so does the table's sorting: a reload (or the link, shared) sorts it so again
  const byLocation = findings
    .getByRole('columnheader', { name: 'Location' })
    .getByRole('button');
  await byLocation.click();
  await byLocation.click();
  await expect(page).toHaveURL(/[?&]sort=file&order=desc(&|$)/);
  const locations = () =>
    findings.locator('tbody tr td:nth-child(6)').allInnerTexts();
  const lastFirst = await locations();
  expect(lastFirst.length).toBeGreaterThan(1);
  expect(lastFirst).not.toEqual([...lastFirst].reverse());
  await page.reload();
  await expect.poll(locations, { timeout: 60_000 }).toEqual(lastFirst);
});
