// Which Chromium the e2e tests and the benchmarks drive, and how it is started. Shared by
// playwright.config.ts and scripts/bench*, so both always use the same browser and flags.
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** Headless flags for this network-less machine: no background traffic, no first-run work. */
export const CHROMIUM_ARGS = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const NO_CHROMIUM =
  'No Chromium found. Install one: `apt-get install chromium` (Debian), or set CHROMIUM_PATH, ' +
  'or `npx playwright install chromium`.';

/**
 * Playwright cannot download browsers here, so prefer an explicit CHROMIUM_PATH, then Debian's
 * chromium (the /usr/lib binary skips the wrapper script and its harmless warning), and only
 * then Playwright's own browser for anyone who ran `npx playwright install chromium`.
 * Returns `{ path }` (a binary to launch), `{ path: undefined }` (Playwright's own), or null.
 */
export function findChromium() {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '')
    return existsSync(fromEnv) ? { path: fromEnv } : null;
  for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
    if (existsSync(candidate)) return { path: candidate };
  }
  try {
    if (existsSync(chromium.executablePath())) return { path: undefined };
  } catch {
    // Playwright throws when it has no registry entry for its browser: not installed.
  }
  return null;
}
