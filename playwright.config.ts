import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from './scripts/chromium.mjs';

const CI = Boolean(process.env['CI']);

const found = findChromium();
if (found === null) throw new Error(NO_CHROMIUM);
const executablePath = found.path;

export default defineConfig({
  testDir: 'e2e',
  // Playwright empties its outputDir before a run; keep it apart from test-results/ itself so the
  // unit results written there by `npm test` survive.
  outputDir: 'test-results/e2e-artifacts',
  fullyParallel: true,
  forbidOnly: CI,
  retries: 0,
  workers: 2,
  ...(CI ? { workers: 1 } : {}),
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL: 'http://127.0.0.1:4173',
    headless: true,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          ...(executablePath === undefined ? {} : { executablePath }),
          args: [...CHROMIUM_ARGS],
        },
      },
    },
  ],
  webServer: {
    command: 'npm run build && npm run preview',
    url: 'http://127.0.0.1:4173',
    reuseExistingServer: !CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
