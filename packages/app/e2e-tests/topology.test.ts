import { test, expect, Page } from '@playwright/test';
import { openAsGuest } from './openAsGuest';
import { fitsItsParent } from './layout';

/** Opens the portal-wide topology as the guest, and gives its map once it has been drawn. */
async function openDrawnMap(page: Page, path = '/service-registry') {
  await openAsGuest(page, path);
  const map = page.getByRole('application', { name: /Dependency map/ });
  await expect(map).toHaveAttribute('data-frames', /[1-9]/, {
    timeout: 90_000,
  });
  return map;
}

test('a service page shows its topology from the registry', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/catalog/default/component/project-a-checkout');

  await expect(page.getByText('Service topology', { exact: true })).toBeVisible(
    {
      timeout: 90_000,
    },
  );
  const upstream = page.getByRole('list', { name: 'Depends on (upstream)' });
  const downstream = page.getByRole('list', { name: 'Used by (downstream)' });
  await expect(upstream).toBeVisible({ timeout: 60_000 });

  // examples/registry: checkout requires project-a-api, payments-gateway-v2 (deprecated) and shared-auth
  await expect(
    upstream.getByRole('link', { name: 'project-a-api', exact: true }),
  ).toBeVisible();
  await expect(
    upstream.getByRole('link', { name: 'shared-auth', exact: true }),
  ).toBeVisible();
  const deprecated = upstream.getByRole('listitem').filter({
    has: page.getByRole('link', { name: 'payments-gateway-v2', exact: true }),
  });
  await expect(deprecated).toContainText('deprecated');
  await expect(deprecated).toContainText('cross-project');
  await expect(downstream).toHaveCount(0); // nothing depends on checkout: "None"
  await expect(page.getByText('Used by (downstream) (0)')).toBeVisible();
  const graph = page.getByRole('application', {
    name: /Dependency graph of project-a-checkout/,
  });
  await expect(graph).toBeVisible();
  await graph.scrollIntoViewIfNeeded();
  await expect(graph).toHaveAttribute('data-frames', /[1-9]/);
  await page.screenshot({ path: testInfo.outputPath('topology-card.png') });
  // the neighbourhood is wide and shallow: the drawing takes the height it needs, not the card's
  // 360 px, and the lists follow right below it
  const drawing = (await graph.boundingBox())!;
  expect(drawing.height).toBeLessThan(300);
  const list = (await upstream.boundingBox())!;
  expect(list.y - (drawing.y + drawing.height)).toBeLessThan(150);

  // click-through to a neighbour's entity page
  await upstream
    .getByRole('link', { name: 'shared-auth', exact: true })
    .click();
  await expect(page).toHaveURL(/\/catalog\/default\/component\/shared-auth/);
  await expect(
    page.getByRole('list', { name: 'Used by (downstream)' }).getByRole('link', {
      name: 'project-b-shipping',
      exact: true,
    }),
  ).toBeVisible({ timeout: 60_000 });
});

test('the portal-wide topology shows the impact of a change', async ({
  page,
}, testInfo) => {
  await openAsGuest(page, '/service-registry');
  await expect(
    page.getByRole('heading', { name: 'Service topology' }),
  ).toBeVisible({
    timeout: 90_000,
  });
  const map = page.getByRole('application', { name: /Dependency map/ });
  await expect(map).toBeVisible({ timeout: 60_000 });
  await expect(
    page.getByText(/28 services · \d+ dependencies · 3 projects/),
  ).toBeVisible();

  // the zoom buttons magnify the fitted map, and fit it again
  await expect(map).toHaveAttribute('data-scale', /\d/);
  const fitted = Number(await map.getAttribute('data-scale'));
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  expect(Number(await map.getAttribute('data-scale'))).toBeCloseTo(
    fitted * 1.5625,
    2,
  );
  await page.screenshot({ path: testInfo.outputPath('topology-zoomed.png') });
  await page.getByRole('button', { name: 'Fit the graph' }).click();
  expect(Number(await map.getAttribute('data-scale'))).toBeCloseTo(fitted, 3);

  // grouping by project collapses the projects (3) and the global services into 4 nodes
  await page.getByRole('button', { name: /Group by/ }).click();
  await page.getByRole('option', { name: 'Project' }).click();
  await expect(map).toHaveAttribute('aria-label', /: 4 nodes/);
  await expect(page.getByRole('listbox')).toBeHidden();
  await page.screenshot({
    path: testInfo.outputPath('topology-grouped.png'),
    fullPage: true,
  });
  await page.getByRole('button', { name: /Group by/ }).click();
  await page.getByRole('option', { name: 'No grouping' }).click();

  // impact mode: select shared-auth, see every project it affects
  await page.getByRole('checkbox', { name: 'Impact mode' }).check();
  await page
    .getByRole('textbox', { name: 'Find a service' })
    .fill('shared-auth');
  await page.getByRole('option', { name: 'shared-auth', exact: true }).click();
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(
    details.getByRole('heading', { name: 'Impact of shared-auth' }),
  ).toBeVisible();
  const table = details.getByRole('table', {
    name: 'Affected services per project',
  });
  await expect(table).toBeVisible({ timeout: 30_000 });
  // the narrow side panel holds the whole table: it neither overflows nor scrolls sideways
  expect(await fitsItsParent(table), 'the impact table fits its panel').toBe(
    true,
  );
  const [tableBox, detailsBox] = [
    await table.boundingBox(),
    await details.boundingBox(),
  ];
  expect(tableBox!.x + tableBox!.width).toBeLessThanOrEqual(
    detailsBox!.x + detailsBox!.width,
  );
  // every project of examples/registry has consumers of shared-auth: one row each, with a count
  for (const project of ['project-a', 'project-b', 'project-c']) {
    await expect(
      table
        .getByRole('row')
        .filter({ hasText: new RegExp(`^${project}\\s*[1-9]\\d*\\s*\\d+$`) }),
    ).toBeVisible();
  }
  await expect(
    details.getByText(
      /services affected \(\d+ direct, \d+ transitive\) in 3 projects/,
    ),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('topology-impact.png'),
    fullPage: true,
  });
});

test('a link to the portal-wide topology opens its view, which survives a reload', async ({
  page,
}, testInfo) => {
  await openAsGuest(
    page,
    '/service-registry?service=shared-auth&groupBy=project&project=%3Aglobal,project-b',
  );
  const map = page.getByRole('application', { name: /Dependency map/ });
  await expect(map).toBeVisible({ timeout: 90_000 });
  const details = page.getByRole('complementary', { name: 'Details' });
  await expect(
    details.getByRole('heading', { name: 'shared-auth', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Group by\s/ })).toHaveText(
    'Project',
  );
  await expect(page.getByRole('button', { name: /^Project\s/ })).toHaveText(
    'Global services, project-b',
  );
  // the map is centred on the service, zoomed in enough to read it, and focused on it
  await expect(map).toHaveAttribute('data-scale', /\d/);
  expect(Number(await map.getAttribute('data-scale'))).toBeGreaterThanOrEqual(
    0.8,
  );
  await expect(
    page.getByText(/^shared-auth, .*Global services/),
  ).toBeAttached();
  await page.screenshot({ path: testInfo.outputPath('topology-linked.png') });

  // finding a service writes it to the URL and centres the map on it
  await page.getByRole('button', { name: 'Fit the graph' }).click();
  await page
    .getByRole('textbox', { name: 'Find a service' })
    .fill('project-b-shipping');
  await page
    .getByRole('option', { name: 'project-b-shipping', exact: true })
    .click();
  await expect(page).toHaveURL(/[?&]service=project-b-shipping(&|$)/);
  expect(Number(await map.getAttribute('data-scale'))).toBeGreaterThanOrEqual(
    0.8,
  );
  await expect(
    page.getByText(/\(project-b-shipping\),.* project project-b/),
  ).toBeAttached();

  // a reload keeps the view (signing the guest in again if the portal asks)
  await page.reload();
  const enter = page.getByRole('button', { name: 'Enter' });
  await expect(enter.or(map)).toBeVisible({ timeout: 90_000 });
  if (await enter.isVisible()) await enter.click();
  await expect(map).toBeVisible({ timeout: 90_000 });
  await expect(
    details.getByRole('heading', { name: 'project-b-shipping', exact: true }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Project\s/ })).toHaveText(
    'Global services, project-b',
  );
});

test('over the topology card the mouse wheel scrolls the page until the drawing is clicked; the portal-wide map zooms at once', async ({
  page,
}) => {
  await openAsGuest(page, '/catalog/default/component/project-a-checkout');
  const graph = page.getByRole('application', {
    name: /Dependency graph of project-a-checkout/,
  });
  await expect(graph).toBeVisible({ timeout: 90_000 });
  await graph.scrollIntoViewIfNeeded();
  await expect(graph).toHaveAttribute('data-frames', /[1-9]/);
  const box = (await graph.boundingBox())!;
  const scale = async () => Number(await graph.getAttribute('data-scale'));
  const fitted = await scale();
  // how far the page has scrolled (Backstage's content scrolls in a box of its own, not the window)
  const scrolled = () =>
    graph.evaluate(element => {
      for (let n = element.parentElement; n; n = n.parentElement) {
        const { overflowY } = getComputedStyle(n);
        if (/auto|scroll/.test(overflowY) && n.scrollHeight > n.clientHeight) {
          return n.scrollTop;
        }
      }
      return window.scrollY;
    });

  // reading down the page: the wheel over the card scrolls on, and says how to zoom
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await scrolled();
  await page.mouse.wheel(0, 200);
  await expect.poll(scrolled).toBeGreaterThan(before);
  expect(await scale()).toBe(fitted);
  await expect(page.getByTestId('wheel-hint')).toHaveText(
    /^Click the graph to zoom with the wheel, or hold (Ctrl|⌘)$/,
  );

  // a click on the drawing's background (below the fitted graph) lets the wheel zoom it
  const again = (await graph.boundingBox())!;
  await page.mouse.click(again.x + 8, again.y + again.height - 8);
  await expect(page.getByTestId('wheel-hint')).toBeHidden();
  const still = await scrolled();
  await page.mouse.wheel(0, -200);
  await expect.poll(scale).toBeGreaterThan(fitted);
  expect(await scrolled()).toBe(still);

  // the portal-wide map is the page: its wheel zooms at once
  await page.goto('/service-registry');
  const map = page.getByRole('application', { name: /Dependency map/ });
  await expect(map).toHaveAttribute('data-frames', /[1-9]/, {
    timeout: 90_000,
  });
  const mapBox = (await map.boundingBox())!;
  const mapFitted = Number(await map.getAttribute('data-scale'));
  await page.mouse.move(mapBox.x + 40, mapBox.y + 40);
  await page.mouse.wheel(0, -200);
  await expect
    .poll(async () => Number(await map.getAttribute('data-scale')))
    .toBeGreaterThan(mapFitted);
  await expect(page.getByTestId('wheel-hint')).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
  });

  test('two fingers zoom and move the portal-wide topology, and the page keeps its size', async ({
    page,
  }, testInfo) => {
    const map = await openDrawnMap(page);
    await map.scrollIntoViewIfNeeded();
    // (the map starts at its top left corner, at 0.8: see the next test)
    const started = Number(await map.getAttribute('data-scale'));
    const box = (await map.boundingBox())!;
    // the map's first rows are at the top of its drawing: the fingers go on them
    const x = box.x + box.width / 2;
    const y = box.y + 64;

    // real touches, as a phone sends them: Chromium makes them pointer events
    const cdp = await page.context().newCDPSession(page);
    const touch = (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      spread: number,
      shiftY = 0,
    ) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints:
          type === 'touchEnd'
            ? []
            : [
                { id: 0, x: x - spread, y: y + shiftY },
                { id: 1, x: x + spread, y: y + shiftY },
              ],
      });
    const scale = async () => Number(await map.getAttribute('data-scale'));
    /** The point of the graph drawn at a point of the page. */
    const graphPointAt = async (pageX: number, pageY: number) => {
      const [tx, ty] = (await map.getAttribute('data-origin'))!
        .split(' ')
        .map(Number);
      const s = await scale();
      return { x: (pageX - box.x - tx) / s, y: (pageY - box.y - ty) / s };
    };
    const between = await graphPointAt(x, y);

    // spreading the fingers from 40 px apart to 160 px magnifies the map four times
    await touch('touchStart', 20);
    for (const spread of [35, 50, 65, 80]) await touch('touchMove', spread);
    await touch('touchEnd', 80);
    expect(await scale()).toBeCloseTo(started * 4, 1);
    // what was between the fingers still is (within a pixel: the origin is kept to a tenth)
    const held = await graphPointAt(x, y);
    expect(Math.abs(held.x - between.x) * (await scale())).toBeLessThan(1);
    expect(Math.abs(held.y - between.y) * (await scale())).toBeLessThan(1);
    await page.screenshot({
      path: testInfo.outputPath('topology-pinched.png'),
    });

    // pinching them together again, while moving them down, zooms back out
    await touch('touchStart', 80);
    for (const spread of [60, 40]) await touch('touchMove', spread, 30);
    await touch('touchEnd', 40, 30);
    expect(await scale()).toBeCloseTo(started * 2, 1);
    // and it moved down with them
    const followed = await graphPointAt(x, y + 30);
    expect(Math.abs(followed.x - between.x) * (await scale())).toBeLessThan(1);
    expect(Math.abs(followed.y - between.y) * (await scale())).toBeLessThan(1);

    // the gesture was the map's: the page itself was not zoomed, nothing was selected
    expect(await page.evaluate(() => window.visualViewport?.scale)).toBe(1);
    await expect(
      page.getByRole('complementary', { name: 'Details' }),
    ).toContainText(/select a service/i);
  });

  test('the portal-wide map starts at its first consumers, drawn to be read; the fit button shows it whole', async ({
    page,
  }, testInfo) => {
    const map = await openDrawnMap(page, '/service-registry/topology');
    await map.scrollIntoViewIfNeeded();
    // the 28 services whole in a 342 px drawing are drawn at about a fifth of their size, too
    // small for their names; the map starts at its top left corner at 0.8 instead
    await expect(map).toHaveAttribute('data-scale', '0.800');
    const box = (await map.boundingBox())!;
    const [tx, ty] = (await map.getAttribute('data-origin'))!
      .split(' ')
      .map(Number);
    // the graph's corner (its first node's box) is 24 px into the drawing, not scrolled past
    expect(tx).toBeGreaterThan(0);
    expect(ty).toBeGreaterThan(0);
    expect(tx).toBeLessThan(box.width / 2);
    await page.screenshot({ path: testInfo.outputPath('topology-phone.png') });
    await page.getByRole('button', { name: 'Fit the graph' }).click();
    expect(Number(await map.getAttribute('data-scale'))).toBeLessThan(0.5);
  });

  test('on a service page the topology starts on the service, drawn to be read; the fit button shows the whole neighbourhood', async ({
    page,
  }, testInfo) => {
    await openAsGuest(page, '/catalog/default/component/project-a-api');
    const graph = page.getByRole('application', {
      name: /Dependency graph of project-a-api/,
    });
    await expect(graph).toBeVisible({ timeout: 90_000 });
    await graph.scrollIntoViewIfNeeded();
    await expect(graph).toHaveAttribute('data-frames', /[1-9]/);
    // the whole neighbourhood in a 300 px drawing would be drawn at about a third of its size,
    // its names too small to draw; it starts on project-a-api at 0.8 instead
    await expect(graph).toHaveAttribute('data-scale', '0.800');
    const start = (await graph.boundingBox())!;
    await page.screenshot({
      path: testInfo.outputPath('topology-card-phone.png'),
    });

    await page.getByRole('button', { name: 'Fit the graph' }).click();
    expect(Number(await graph.getAttribute('data-scale'))).toBeLessThan(0.5);
    // the drawing keeps its height, with room to zoom in again
    expect((await graph.boundingBox())!.height).toBe(start.height);
  });
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('the portal-wide map takes the height its graph needs, not an empty band below it, and never less than 480 pixels', async ({
    page,
  }) => {
    const map = await openDrawnMap(page);
    // the window leaves 1080 - 360 = 720 pixels: the demo's map, wide and shallow, needs less
    const whole = (await map.boundingBox())!;
    expect(whole.height).toBeGreaterThanOrEqual(480);
    expect(whole.height).toBeLessThan(700);
    // drawn whole, as the fit button draws it
    const started = Number(await map.getAttribute('data-scale'));
    await page.getByRole('button', { name: 'Fit the graph' }).click();
    expect(Number(await map.getAttribute('data-scale'))).toBeCloseTo(
      started,
      3,
    );

    // four nodes (the map grouped by project) take the least height
    await page.getByRole('button', { name: /Group by/ }).click();
    await page.getByRole('option', { name: 'Project' }).click();
    await expect(map).toHaveAttribute('aria-label', /: 4 nodes/);
    await expect
      .poll(async () => Math.round((await map.boundingBox())!.height))
      .toBe(480);
  });

  test('the portal-wide map follows a resized window: a view the reader has not moved is fitted again, a moved one stays', async ({
    page,
  }) => {
    const map = await openDrawnMap(page);
    const view = async () => ({
      scale: await map.getAttribute('data-scale'),
      origin: await map.getAttribute('data-origin'),
    });

    // a narrower window: the map, not moved, is fitted to it again (as the fit button fits it)
    const wide = await view();
    await page.setViewportSize({ width: 1280, height: 1080 });
    await expect.poll(async () => (await view()).scale).not.toBe(wide.scale);
    const refitted = Number((await view()).scale);
    await page.getByRole('button', { name: 'Fit the graph' }).click();
    expect(Number((await view()).scale)).toBeCloseTo(refitted, 3);

    // once the reader zooms, a resized window changes the map's size, not what it shows
    await page.getByRole('button', { name: 'Zoom in' }).click();
    const moved = await view();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect
      .poll(async () => (await map.boundingBox())!.width)
      .toBeGreaterThan(1200);
    expect(await view()).toEqual(moved);
  });
});
