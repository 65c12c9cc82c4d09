import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { expectNoSeriousViolations } from './axe';
import { openAsGuest } from './openAsGuest';

/**
 * The pending changes page in the demo portal: a branch pushed to the local registry repository
 * (scripts/demo-registry-remote.sh, which app-config's serviceRegistry.pendingChanges reads), as
 * the templates push theirs, shows with what it changes and breaks, until it is gone.
 */

const ROOT = process.cwd();
const REMOTE =
  process.env.SERVICE_REGISTRY_DEMO_REMOTE ??
  path.join(ROOT, '.toolchain/demo-registry.git');

/** git as a person working on the registry. */
const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'Ana Platform',
      GIT_AUTHOR_EMAIL: 'ana@example.com',
      GIT_COMMITTER_NAME: 'Ana Platform',
      GIT_COMMITTER_EMAIL: 'ana@example.com',
    },
  });

test.beforeAll(() => {
  // idempotent: creates the repository when it is missing, keeps earlier branches
  execFileSync(path.join(ROOT, 'scripts/demo-registry-remote.sh'));
});

test('a branch pushed to the registry shows as a pending change, with what it breaks and whom', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const branch = `service-registry/e2e-bump-${Date.now().toString(36)}`;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'pending-e2e-'));
  try {
    git(work, 'clone', '--quiet', REMOTE, '.');
    const catalog = path.join(work, 'services/catalog.toml');
    const text = fs.readFileSync(catalog, 'utf8');
    // shared-auth is the first service of the global catalog
    expect(text).toContain('version = "1.2.3"');
    fs.writeFileSync(
      catalog,
      text.replace('version = "1.2.3"', 'version = "2.0.0"'),
    );
    git(work, 'checkout', '--quiet', '-b', branch);
    git(work, 'commit', '--quiet', '-am', 'Bump shared-auth to 2.0.0');
    git(work, 'push', '--quiet', 'origin', branch);

    await openAsGuest(page, '/service-registry/pending-changes');
    const change = page.getByRole('region', {
      name: `Pending change ${branch}`,
    });
    await expect(change).toBeVisible({ timeout: 90_000 });
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
    execFileSync('git', [`--git-dir=${REMOTE}`, 'branch', '-D', branch]);
    // the demo backend reuses an answer for 5 s
    await expect(async () => {
      await page.goto('/service-registry/pending-changes');
      await expect(page.getByText(/pending changes? in /).first()).toBeVisible({
        timeout: 30_000,
      });
      await expect(change).toHaveCount(0);
    }).toPass({ timeout: 90_000 });
  } finally {
    try {
      execFileSync('git', [`--git-dir=${REMOTE}`, 'branch', '-D', branch], {
        stdio: 'ignore',
      });
    } catch {
      // deleted above
    }
    fs.rmSync(work, { recursive: true, force: true });
  }
});
