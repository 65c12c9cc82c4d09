import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { NewServiceForm } from './newServiceForm';
import { openAsGuest } from './openAsGuest';

/**
 * The new-service template end to end in the demo portal: the form, the task, and the branch it
 * pushes to the local registry repository (scripts/demo-registry-remote.sh, which the
 * app-config's scaffolder.serviceRegistry points at).
 */

const ROOT = process.cwd();
const REMOTE =
  process.env.SERVICE_REGISTRY_DEMO_REMOTE ??
  path.join(ROOT, '.toolchain/demo-registry.git');

const git = (...args: string[]) =>
  execFileSync('git', [`--git-dir=${REMOTE}`, ...args], { encoding: 'utf8' });

test.beforeAll(() => {
  // idempotent: creates the repository when it is missing, keeps earlier branches
  execFileSync(path.join(ROOT, 'scripts/demo-registry-remote.sh'));
});

test('the new-service template adds the service on a new branch of the registry', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const id = `e2e-${Date.now().toString(36)}`;

  const form = new NewServiceForm(page);
  await form.open();

  // page 1: the service; an id the registry declares already is refused there, naming where
  const idField = form.id;
  await idField.fill('shared-auth');
  await page
    .getByRole('textbox', { name: /^Description/ })
    .fill('Created by the e2e test');
  await form.pickPlatformOwner();
  await form.next();
  await expect(
    page
      .getByText(
        'The registry already declares "shared-auth" (services/catalog.toml:',
      )
      .first(),
  ).toBeVisible();
  await expect(idField).toHaveAttribute('aria-invalid', 'true');
  await idField.fill(id);
  await form.next();

  // page 2: placement and dependencies. The project list offers the registry's projects; a
  // project it does not have is refused unless the form asks to create it
  await expect(
    page.getByText('Placement and dependencies').first(),
  ).toBeVisible();
  await form.chooseScope(/A project/);
  const project = form.project;
  await project.click();
  await expect(
    page.getByRole('option', {
      name: 'E-Commerce Platform projects/project-a/services.toml',
    }),
  ).toBeVisible();
  await project.fill('e2e-new-project');
  await form.next();
  await expect(
    page
      .getByText(
        'The registry has no project "e2e-new-project" yet: pick one of its projects, or tick the box to create the project (projects/e2e-new-project/services.toml).',
      )
      .first(),
  ).toBeVisible();
  await expect(project).toHaveAttribute('aria-invalid', 'true');
  await page
    .getByRole('checkbox', {
      name: 'Create the project if it does not exist yet',
    })
    .check();
  // ticked, the form takes the new project and moves on
  // (the step titles are always shown: the port field is page 3's)
  await form.next();
  await expect(page.getByLabel(/^Port/)).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(project).toHaveValue('e2e-new-project');

  // the service stays global after all, requiring shared-config
  await form.chooseScope(/^Global/);
  await form.pick(form.requires, 'Shared Config', /Shared Config/i);
  await page.keyboard.press('Escape');
  await form.next();

  // page 3: the service level, defaults
  await expect(page.getByLabel(/^Port/)).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  // the task runs every step and shows the outputs
  await expect(page).toHaveURL(/\/create\/tasks\//, { timeout: 30_000 });
  await expect(page.getByText('Registry change').first()).toBeVisible({
    timeout: 180_000,
  });
  // the branch is named after the service and the task, so a second attempt gets its own
  const pushed = page
    .getByText(new RegExp(`Branch service-registry/add-${id}-\\w{8} pushed to`))
    .first();
  await expect(pushed).toBeVisible();
  const branch = /Branch (\S+) pushed to/.exec(await pushed.innerText())![1];
  await page.screenshot({
    path: testInfo.outputPath('new-service-task.png'),
    fullPage: true,
  });

  // the branch of the local registry repository holds the service, on top of main
  const catalog = git('show', `refs/heads/${branch}:services/catalog.toml`);
  expect(catalog).toContain(`[service.${id}]`);
  expect(catalog).toContain('owner = "platform-team"');
  expect(catalog).toContain(
    `[service.${id}.dependencies]\nrequires = ["shared-config"]`,
  );
  expect(git('rev-parse', `${branch}^`).trim()).toBe(
    git('rev-parse', 'main').trim(),
  );
  // the demo registry keeps generated documents (service-registry docs): current on the branch
  expect(git('diff', '--name-only', 'main', branch).trim().split('\n')).toEqual(
    [
      'docs/RUNBOOK.md',
      'docs/SERVICES.md',
      'docs/TOPOLOGY.md',
      'services/catalog.toml',
    ],
  );
  expect(git('show', `refs/heads/${branch}:docs/SERVICES.md`)).toContain(
    `| \`${id}\` |`,
  );
  expect(git('show', `refs/heads/${branch}:docs/RUNBOOK.md`)).toContain(
    `| \`${id}\` | platform-team |`,
  );
  expect(git('log', '-1', '--format=%B', branch)).toContain(
    `- Added: \`${id}\``,
  );
});

test('the new-service template adds the service to a project picked from the list', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const id = `e2e-b-${Date.now().toString(36)}`;

  const form = new NewServiceForm(page);
  await form.open();
  // a taken id is said as it is typed, before the rest of the page is filled and Next pressed
  await form.id.fill('shared-auth');
  await expect(
    page.getByText(
      'The registry already declares "shared-auth" (services/catalog.toml:',
    ),
  ).toBeVisible();
  await expect(form.id).toHaveAttribute('aria-invalid', 'true');
  await form.id.fill(id);
  await expect(
    page.getByText(`Neither the registry nor the catalog has "${id}" yet.`),
  ).toBeVisible();
  await expect(form.id).toHaveAttribute('aria-invalid', 'false');
  await form.pickPlatformOwner();
  await form.next();

  // page 2: the project, picked by its title; the field gives the form its System's ref
  await form.chooseScope(/A project/);
  const project = form.project;
  await project.click();
  await page.getByRole('option', { name: /^Logistics & Fulfillment/ }).click();
  await expect(project).toHaveValue('Logistics & Fulfillment');

  // a deprecated service picked as a dependency is warned about while picking, then unpicked
  const requires = form.requires;
  await form.pick(requires, 'Payments Gateway v2', /Payments Gateway v2/i);
  const warning = page.getByRole('status').filter({
    hasText: 'A picked service is deprecated',
  });
  // (before or after its sunset on 2026-12-10, as the day of the run has it)
  await expect(warning).toContainText(
    /payments-gateway-v2 is deprecated(: it is served until|, and its sunset date) 2026-12-10(| has passed)\. Depend on payments-gateway-v3 instead\./,
  );
  await requires.press('Backspace');
  await page.keyboard.press('Escape');
  await expect(warning).toHaveCount(0);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByLabel(/^Port/)).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page).toHaveURL(/\/create\/tasks\//, { timeout: 30_000 });
  const pushed = page
    .getByText(new RegExp(`Branch service-registry/add-${id}-\\w{8} pushed to`))
    .first();
  await expect(pushed).toBeVisible({ timeout: 180_000 });
  const branch = /Branch (\S+) pushed to/.exec(await pushed.innerText())![1];

  // the action read the System's ref as its project: the service is project-b's
  const services = git(
    'show',
    `refs/heads/${branch}:projects/project-b/services.toml`,
  );
  expect(services).toContain(`[service.${id}]`);
  expect(git('diff', '--name-only', 'main', branch)).toContain(
    'projects/project-b/services.toml',
  );
  expect(git('diff', '--name-only', 'main', branch)).not.toContain(
    'services/catalog.toml',
  );
});

test('the update-service template adds a dependency and changes a port, with the breaking change in its outputs', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const before = new Set(
    git('for-each-ref', '--format=%(refname:short)', 'refs/heads').split('\n'),
  );

  await openAsGuest(
    page,
    '/create/templates/default/service-registry-update-service',
  );
  const service = page.getByRole('textbox', { name: /Service to change/ });
  await expect(service).toBeVisible({ timeout: 90_000 });

  // page 1: the service (the picker shows titles)
  await service.click();
  await service.fill('E-Commerce API');
  await page
    .getByRole('option', { name: /E-Commerce API/i })
    .first()
    .click();
  await page.getByRole('button', { name: 'Next' }).click();

  // page 2: what the registry says now (the port the new one replaces), then a new port and one
  // more required service
  const now = page.getByRole('region', {
    name: 'E-Commerce API in the registry now',
  });
  await expect(now).toContainText('Port8080');
  await expect(now).toContainText(
    'Declared in projects/project-a/services.toml, line',
  );
  await page.getByRole('spinbutton', { name: /^Port/ }).fill('9090');
  const add = page.getByRole('textbox', {
    name: 'Add required services',
    exact: true,
  });
  await add.click();
  await add.fill('Search Service');
  await page
    .getByRole('option', { name: /Search Service/i })
    .first()
    .click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Next' }).click();

  // page 3: publishing, defaults
  await expect(
    page.getByText('Stop when the change breaks consumers'),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Review' }).click();
  // the facts are shown, not reviewed
  await expect(page.getByText('Port', { exact: true })).toBeVisible();
  await expect(page.getByText(/^current$/i)).toHaveCount(0);
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(page).toHaveURL(/\/create\/tasks\//, { timeout: 30_000 });
  await expect(
    page.getByText(
      'projects/project-a/services.toml: port, dependencies.requires. Breaking changes: 2; projects affected: project-a, project-b',
    ),
  ).toBeVisible({ timeout: 180_000 });
  await page.screenshot({
    path: testInfo.outputPath('update-service-task.png'),
    fullPage: true,
  });

  const [branch, ...others] = git(
    'for-each-ref',
    '--format=%(refname:short)',
    'refs/heads',
  )
    .split('\n')
    .filter(b => !before.has(b));
  expect(others).toEqual([]);
  expect(branch).toMatch(/^service-registry\/update-project-a-api-\w{8}$/);
  const file = git(
    'show',
    `refs/heads/${branch}:projects/project-a/services.toml`,
  );
  const table = file.slice(file.indexOf('[service.project-a-api]'));
  expect(table).toMatch(/port = 9090/);
  // the new entry joins the list on a line of its own, the list keeping its layout
  expect(table).toMatch(
    /requires = \[\n {2}"shared-auth@\^1\.0",\n[^\]]*\n {2}"search-service",\n\]/,
  );
});
