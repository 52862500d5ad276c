import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from './scripts/chromium.mjs';

const CI = Boolean(process.env['CI']);
// `E2E_PORT=4181` builds into its own folder and serves on that port, so that two runs at once
// (two people, or a run beside a screenshot server) do not serve each other's builds.
const PORT = Number(process.env['E2E_PORT'] ?? 4173);
const OWN_SERVER =
  PORT === 4173
    ? 'npm run build && npm run preview'
    : `npx vite build --outDir /tmp/klc-e2e-${PORT} && npx vite preview --outDir /tmp/klc-e2e-${PORT} --port ${PORT} --strictPort --host 127.0.0.1`;

// The same build under a sub-path, as a host serving it at https://host/klc/ would: the
// sub-path project's smoke suite (e2e/sub-path.spec.ts) runs against it.
const SUB_PATH = '/klc/';
const SUB_PORT = PORT + 100;
const SUB_SERVER = `BASE_PATH=${SUB_PATH} npx vite build --outDir /tmp/klc-e2e-sub-${SUB_PORT} && BASE_PATH=${SUB_PATH} npx vite preview --outDir /tmp/klc-e2e-sub-${SUB_PORT} --port ${SUB_PORT} --strictPort --host 127.0.0.1`;

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
  // Two workers, in CI too: the 2-core machine runs the suite in about 6.7 minutes this way
  // against about 9 with one, which would leave too little of CI's 15-minute budget.
  workers: 2,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-results.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    headless: true,
    // A trace records every action of every test to keep the failures': work for nothing in CI,
    // which keeps no artifacts and has a 15-minute budget. Locally, a failure leaves its trace.
    trace: CI ? 'off' : 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /sub-path\.spec\.ts$/,
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        launchOptions: {
          ...(executablePath === undefined ? {} : { executablePath }),
          args: [...CHROMIUM_ARGS],
        },
      },
    },
    {
      name: 'sub-path',
      testMatch: /sub-path\.spec\.ts$/,
      use: {
        ...devices['Desktop Chrome'],
        headless: true,
        // Relative to this: `./` is the console, `./?view=api` its API view.
        baseURL: `http://127.0.0.1:${SUB_PORT}${SUB_PATH}`,
        launchOptions: {
          ...(executablePath === undefined ? {} : { executablePath }),
          args: [...CHROMIUM_ARGS],
        },
      },
    },
  ],
  webServer: [
    {
      command: OWN_SERVER,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: !CI,
      timeout: 120_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: SUB_SERVER,
      url: `http://127.0.0.1:${SUB_PORT}${SUB_PATH}`,
      reuseExistingServer: !CI,
      timeout: 180_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
