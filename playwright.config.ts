import { defineConfig } from '@playwright/test';
import { generateProjects } from '@backstage/e2e-test-utils/playwright';
import { chromiumLaunchOptions } from './e2e/chromium';

const appUrl = process.env.PLAYWRIGHT_URL ?? 'http://localhost:3000';

/**
 * Browser end-to-end tests against the running demo portal. Playwright starts the portal
 * (`yarn start`: backend + frontend dev server) unless one already listens, and drives Debian's
 * Chromium (`/usr/bin/chromium`, or CHROMIUM_PATH); Playwright's own browser downloads are never used.
 * Screenshots and reports go to the git-ignored `test-results/` folder.
 */
export default defineConfig({
  timeout: 120_000,
  expect: { timeout: 30_000 },
  globalSetup: require.resolve('./e2e/globalSetup'),
  webServer: process.env.PLAYWRIGHT_URL
    ? []
    : [
        {
          command: 'yarn start',
          url: appUrl,
          reuseExistingServer: !process.env.CI,
          timeout: 300_000,
          stdout: 'ignore',
          stderr: 'pipe',
        },
      ],
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 1,
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }],
    ['json', { outputFile: 'test-results/e2e.json' }],
  ],
  use: {
    baseURL: appUrl,
    actionTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  outputDir: 'test-results/e2e',
  projects: (generateProjects() ?? []).map(project => ({
    ...project,
    use: { ...project.use, channel: undefined },
  })),
});
