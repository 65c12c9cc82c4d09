import { test, expect, Locator, Page } from '@playwright/test';
import { AxeScope, expectNoSeriousViolations, markForAxe } from './axe';
import { NewServiceForm } from './newServiceForm';
import { openAsGuest } from './openAsGuest';

/*
 * Accessibility of the service registry's pages and cards, checked with axe-core in Chromium on
 * examples/registry, in the light and the dark theme. Only our content is checked: a plugin page's
 * content (Backstage's sidebar and page header around it are not ours), and on entity pages our
 * cards, not Backstage's (About, catalog graph, links) around them. The Backstage components inside
 * our content (ContentHeader, InfoCard, Table with its toolbar) pass as we use them, so nothing is
 * excluded. Violations rated serious or critical fail; each is listed with its rule, help and the
 * selectors of the elements.
 *
 * project-a-checkout requires the deprecated payments-gateway-v2 (warning, topology, SLA and
 * findings cards); old-api is deprecated, past its sunset, and still required by
 * project-c-reporting (migration card); project-a is a System with the project card.
 */

/** The content of a plugin page: Backstage's `Content` inside its `Page`, without the header. */
const PAGE_CONTENT: AxeScope = { include: ['main article'] };

/** The card whose title is the given heading (class names carry a numbered suffix here). */
function card(page: Page, title: string): Locator {
  return page
    .locator('[class*="MuiCard-root"]')
    .filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

for (const theme of ['light', 'dark']) {
  test.describe(`in the ${theme} theme`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(id => {
        window.localStorage.setItem('theme', id);
      }, theme);
    });

    test('the portal-wide topology, with a service selected and its impact', async ({
      page,
    }) => {
      await openAsGuest(page, '/service-registry?service=shared-auth');
      const map = page.getByRole('application', { name: /Dependency map/ });
      await expect(map).toBeVisible({ timeout: 90_000 });
      await expect(map).toHaveAttribute('data-frames', /[1-9]/);
      const details = page.getByRole('complementary', { name: 'Details' });
      await expect(
        details.getByRole('heading', { name: 'shared-auth', exact: true }),
      ).toBeVisible();
      await expectNoSeriousViolations(page, 'the topology page', PAGE_CONTENT);

      await page.getByRole('checkbox', { name: 'Impact mode' }).check();
      await expect(
        details.getByRole('table', { name: 'Affected services per project' }),
      ).toBeVisible({ timeout: 30_000 });
      await expectNoSeriousViolations(
        page,
        'the topology page in impact mode',
        PAGE_CONTENT,
      );
    });

    test('the deprecations page, with a burn-down', async ({ page }) => {
      await openAsGuest(page, '/service-registry/deprecations');
      const timeline = page.getByRole('group', {
        name: /deprecated services, today \d{4}-\d{2}-\d{2}/,
      });
      await expect(timeline).toBeVisible({ timeout: 90_000 });
      await expect(
        page.getByRole('columnheader', { name: 'Replacement' }),
      ).toBeVisible();
      await expectNoSeriousViolations(
        page,
        'the deprecations page',
        PAGE_CONTENT,
      );

      await timeline.getByRole('button', { name: /^old-api: / }).click();
      await expect(page.getByText('Burn-down of old-api')).toBeVisible();
      await expectNoSeriousViolations(
        page,
        'the deprecations page with the burn-down of old-api',
        PAGE_CONTENT,
      );
    });

    test('the SLA page', async ({ page }) => {
      await openAsGuest(page, '/service-registry/sla');
      await expect(
        page.getByRole('table', { name: /^Services of the / }).first(),
      ).toBeVisible({ timeout: 90_000 });
      await expectNoSeriousViolations(page, 'the SLA page', PAGE_CONTENT);
    });

    test('the findings page', async ({ page }) => {
      await openAsGuest(page, '/service-registry/findings');
      await expect(
        page.getByRole('group', { name: 'Findings by severity' }),
      ).toBeVisible({ timeout: 90_000 });
      await expect(page.getByRole('table').first()).toBeVisible();
      await expectNoSeriousViolations(page, 'the findings page', PAGE_CONTENT);
    });

    test("a service's cards: registry, deprecated dependencies, topology, SLA and findings", async ({
      page,
    }) => {
      await openAsGuest(page, '/catalog/default/component/project-a-checkout');
      const warning = page.getByRole('region', {
        name: 'Deprecated dependencies',
      });
      const registry = card(page, 'Service registry');
      const topology = card(page, 'Service topology');
      const sla = card(page, 'SLA');
      const findings = card(page, 'Registry findings');
      await expect(
        registry.getByRole('table', {
          name: 'Dependencies of project-a-checkout',
        }),
      ).toBeVisible({ timeout: 90_000 });
      await expect(warning).toBeVisible();
      await expect(
        topology.getByRole('application', { name: /Dependency graph of/ }),
      ).toHaveAttribute('data-frames', /[1-9]/, { timeout: 60_000 });
      await expect(
        sla.getByRole('table', { name: 'SLA targets' }),
      ).toBeVisible();
      await expect(findings.getByRole('list').first()).toBeVisible();
      await markForAxe(warning, registry, topology, sla, findings);
      await expectNoSeriousViolations(page, 'the cards of project-a-checkout');
    });

    test("a service's topology tab", async ({ page }) => {
      await openAsGuest(
        page,
        '/catalog/default/component/project-a-checkout/topology',
      );
      const topology = card(page, 'Service topology');
      await expect(
        topology.getByRole('application', { name: /Dependency graph of/ }),
      ).toHaveAttribute('data-frames', /[1-9]/, { timeout: 90_000 });
      await markForAxe(topology);
      await expectNoSeriousViolations(page, 'the topology tab');
    });

    test("a deprecated service's migration card", async ({ page }) => {
      await openAsGuest(page, '/catalog/default/component/old-api');
      const migration = card(page, 'Migration');
      await expect(
        migration.getByRole('list', { name: 'Remaining consumers' }),
      ).toBeVisible({ timeout: 90_000 });
      await markForAxe(migration);
      await expectNoSeriousViolations(page, 'the migration card of old-api');
    });

    test("a project's card on its System page", async ({ page }) => {
      await openAsGuest(page, '/catalog/default/system/project-a');
      const project = card(page, 'Project in the service registry');
      await expect(
        project.getByRole('table', { name: 'Services of E-Commerce Platform' }),
      ).toBeVisible({ timeout: 90_000 });
      await markForAxe(project);
      await expectNoSeriousViolations(page, 'the project card of project-a');
    });

    test("the new-service form's id field in error, with the scaffolder's error list", async ({
      page,
    }) => {
      // a field in error takes the theme's error colour for its label, its helper text and the
      // scaffolder's error list: the app's themes give one that reads (packages/app/src/themes)
      const form = new NewServiceForm(page);
      await form.open();
      await form.id.fill('shared-auth');
      await form.pickPlatformOwner();
      await form.next();
      const refused = page.getByText(
        'The registry already declares "shared-auth" (services/catalog.toml:',
      );
      await expect(refused.first()).toBeVisible();
      await expect(form.id).toHaveAttribute('aria-invalid', 'true');
      const field = page
        .locator('[class*="MuiFormControl-root"]')
        .filter({ has: form.id });
      await markForAxe(field, refused);
      await expectNoSeriousViolations(page, 'the id field in error');
    });

    test("the new-service form's fields: the id, the project with its list and its note, the deprecated-dependency warning", async ({
      page,
    }) => {
      const form = new NewServiceForm(page);
      await form.open();
      const id = form.id;
      await id.fill(`a11y-${theme}`);
      // with the check of the id typed, in the success colour
      await expect(
        page.getByText(
          `Neither the registry nor the catalog has "a11y-${theme}" yet.`,
        ),
      ).toBeVisible();
      // our fields only: the form around them is the scaffolder's
      const field = (input: Locator) =>
        page.locator('[class*="MuiFormControl-root"]').filter({ has: input });
      await markForAxe(field(id));
      await expectNoSeriousViolations(page, 'the id field');

      await form.pickPlatformOwner();
      await form.next();
      await form.chooseScope(/A project/);
      const project = form.project;
      await project.click();
      const list = page.getByRole('listbox', { name: 'Project' });
      await expect(list.getByRole('option').first()).toBeVisible();
      await markForAxe(field(project), list);
      await expectNoSeriousViolations(page, 'the project field with its list');

      await project.fill('a11y-new-project');
      await page.keyboard.press('Escape');
      await expect(project).toHaveAccessibleDescription(
        /^Not a project of the registry: tick the box to create/,
      );
      await markForAxe(field(project));
      await expectNoSeriousViolations(page, 'the project field with its note');

      await form.pick(
        form.requires,
        'Payments Gateway v2',
        /Payments Gateway v2/i,
      );
      await page.keyboard.press('Escape');
      const warning = page.getByRole('status').filter({
        hasText: 'A picked service is deprecated',
      });
      await expect(warning).toBeVisible();
      await markForAxe(warning);
      await expectNoSeriousViolations(
        page,
        'the warning about a deprecated dependency',
      );
    });
  });
}
