import { defineConfig, devices } from '@playwright/test';

// End-to-end tests drive the real app in web mode (`vigie serve`, one server and one fresh database per
// test, see tests/e2e/fixtures.ts) with the system Chromium. Run `npm run build` first.
export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/',
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    headless: true,
    viewport: { width: 1366, height: 768 },
    locale: 'fr-FR',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: { width: 1366, height: 768 },
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
