import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test, expect, Page } from '@playwright/test';
import {
  deleteDemoRegistryBranch,
  pushDemoRegistryBranch,
} from './demoRegistryBranches';
import { expectNoSeriousViolations } from './axe';
import { openAsGuest } from './openAsGuest';

/**
 * The pending changes page in the demo portal: a branch pushed to the local registry repository
 * (scripts/demo-registry-remote.sh, which app-config's serviceRegistry.pendingChanges reads), as
 * the templates push theirs, shows with what it changes and breaks, until it is gone.
 */

const ROOT = process.cwd();

/**
 * Opens the pending changes page as a guest and returns the card of `branch`, once it shows: the
 * demo backend reuses an answer for 5 s, so one read before the push (by this test or an earlier
 * one) may still be shown, and the page is loaded again until it is not.
 */
async function openPendingChange(page: Page, branch: string) {
  await openAsGuest(page, '/service-registry/pending-changes');
  const change = page.getByRole('region', {
    name: `Pending change ${branch}`,
  });
  await expect(async () => {
    await page.goto('/service-registry/pending-changes');
    await expect(change).toBeVisible({ timeout: 30_000 });
  }).toPass({ timeout: 90_000 });
  return change;
}

test.beforeAll(() => {
  // idempotent: creates the repository when it is missing, keeps earlier branches
  execFileSync(path.join(ROOT, 'scripts/demo-registry-remote.sh'));
});

test('a branch pushed to the registry shows as a pending change, with what it breaks and whom', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const branch = pushDemoRegistryBranch(
    'bump',
    'Bump shared-auth to 2.0.0',
    'services/catalog.toml',
    text => {
      // shared-auth is the first service of the global catalog
      expect(text).toContain('version = "1.2.3"');
      return text.replace('version = "1.2.3"', 'version = "2.0.0"');
    },
  );
  try {
    const change = await openPendingChange(page, branch);
    await expect(
      change.getByRole('heading', { name: 'Bump shared-auth to 2.0.0' }),
    ).toBeVisible();
    await expect(change).toContainText('Ana Platform');
    await expect(change).toContainText('1 changed');
    const bump = change
      .getByRole('listitem')
      .filter({ hasText: 'major-version-bump' });
    await expect(bump).toContainText('1.2.3');
    await expect(bump).toContainText(/Affects \d+ services? in project-/);
    await expectNoSeriousViolations(page, 'the pending changes page', {
      include: ['main article'],
    });
    // and in the dark theme (the guest stays signed in)
    await page.evaluate(() => window.localStorage.setItem('theme', 'dark'));
    await page.reload();
    await expect(bump).toBeVisible({ timeout: 60_000 });
    await expectNoSeriousViolations(
      page,
      'the pending changes page in the dark theme',
      { include: ['main article'] },
    );

    // the changed service leads to its catalog page, whose registry card tells of the change
    await bump.getByRole('link', { name: 'shared-auth' }).click();
    await expect(page).toHaveURL(/\/catalog\/default\/component\/shared-auth/);
    const pendingSection = page.locator('section').filter({
      has: page.getByRole('heading', { name: /^Pending changes \(\d+\)$/ }),
    });
    await expect(
      pendingSection.getByRole('listitem').filter({ hasText: branch }),
    ).toContainText('changes this service; breaking it: major-version-bump', {
      timeout: 60_000,
    });

    // deleted (merged or abandoned): gone from the page
    deleteDemoRegistryBranch(branch);
    // the demo backend reuses an answer for 5 s
    await expect(async () => {
      await page.goto('/service-registry/pending-changes');
      await expect(page.getByText(/pending changes? in /).first()).toBeVisible({
        timeout: 30_000,
      });
      await expect(change).toHaveCount(0);
    }).toPass({ timeout: 90_000 });
  } finally {
    deleteDemoRegistryBranch(branch);
  }
});

test('a branch that breaks a registry file says which file, where, how it was compared, and the error it brings', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const branch = pushDemoRegistryBranch(
    'broken',
    'Half-written change',
    'services/catalog.toml',
    text => `${text}\n[service.shared-auth.sla\n`,
  );
  try {
    const change = await openPendingChange(page, branch);
    // nothing of the file is taken for removed: it is compared as main has it
    await expect(change).toContainText('0 removed');
    await expect(change).toContainText('0 breaking changes');
    await expect(change).toContainText(
      `Head is the branch ${branch}; base is main where the branch leaves it`,
    );
    const unread = change.getByRole('list', { name: 'Files not read' });
    await expect(unread.getByRole('listitem')).toHaveText(
      /^In head, services\/catalog\.toml does not parse \(line \d+, column \d+\): its \d+ services api-gateway, .* are compared as in base/,
    );
    // the syntax error is the branch's own finding, at the same place; main's are not listed
    const [, line, column] =
      /\(line (\d+), column (\d+)\)/.exec(
        (await unread.getByRole('listitem').textContent()) ?? '',
      ) ?? [];
    // one error: the consumers of the services the broken file declares are not reported as
    // missing their dependencies
    await expect(change).toContainText('1 new error,');
    const brought = change.getByRole('list', { name: 'New findings' });
    await expect(
      brought.getByRole('listitem').filter({ hasText: 'toml/syntax' }),
    ).toContainText(`services/catalog.toml:${line}:${column}`);
    await expect(
      brought
        .getByRole('listitem')
        .filter({ hasText: 'lifecycle/sunset-passed-with-consumers' }),
    ).toHaveCount(0);
    await expectNoSeriousViolations(
      page,
      'a pending change with files not read',
      {
        include: ['main article'],
      },
    );
  } finally {
    deleteDemoRegistryBranch(branch);
  }
});
