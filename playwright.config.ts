import { existsSync } from 'node:fs';
import { chromium, defineConfig, devices } from '@playwright/test';

const CI = Boolean(process.env['CI']);

/**
 * Which Chromium to drive. Playwright cannot download browsers on this machine, so prefer an
 * explicit CHROMIUM_PATH, then Debian's chromium (the /usr/lib binary skips the wrapper script and
 * its harmless warning), and only then Playwright's own browser for anyone who ran
 * `npx playwright install chromium`. `undefined` means "let Playwright use its own".
 */
function resolveChromium(): string | undefined {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (existsSync(candidate)) return candidate;
  }
  let bundled = '';
  try {
    bundled = chromium.executablePath();
  } catch {
    // Playwright throws when it has no registry entry for its browser: treat as not installed.
  }
  if (bundled !== '' && existsSync(bundled)) return undefined;
  throw new Error(
    'No Chromium found. Install one: `apt-get install chromium` (Debian), or set CHROMIUM_PATH, ' +
      'or `npx playwright install chromium`.',
  );
}

const executablePath = resolveChromium();

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
          args: [
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
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
