// The longest main-thread task while a URL loads, in headless Chromium through Playwright: for
// issue 12's figures "the longest main-thread task while `?scenario=large` loads, and while a
// 20 MB export of it is imported: <= 100 ms each" (figure 8 of `npm run bench`). As a script:
//
//   node scripts/bench/long-tasks.mjs http://127.0.0.1:4173/?scenario=large [people]
//
// Two readings of the same load, from navigation start to `ready`:
// - a CDP trace (devtools.timeline): every task of the page's renderer main thread, with µs
//   resolution, so the longest is known even when it is under 50 ms. The primary figure.
// - the Long Tasks API (`longtask` entries, buffered, installed before any page script): only
//   tasks of 50 ms and more, as the web platform reports them. A cross-check.
// Tasks of the page's workers run on their own threads and count in neither.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../chromium.mjs';

function installLongTaskObserver() {
  const tasks = [];
  Object.defineProperty(window, '__longTasks', { value: tasks });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      tasks.push({ startTime: entry.startTime, duration: entry.duration });
    }
  }).observe({ type: 'longtask', buffered: true });
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * How long the trace goes on once the page is ready: what follows an arrival (the save to
 * localStorage 300 ms later, the idle prefetches) is part of the load's cost too.
 */
const SETTLE_MS = 2_000;

/**
 * The page's renderer main threads (pid:tid) in a trace: the `CrRendererMain` threads whose
 * events name a URL of `origin` (other renderers, spare or about:blank, are left out).
 */
function pageMainThreads(events, origin) {
  const mains = new Set();
  for (const event of events) {
    if (event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain') {
      mains.add(`${event.pid}:${event.tid}`);
    }
  }
  const ofPage = new Set();
  for (const event of events) {
    const thread = `${event.pid}:${event.tid}`;
    if (!mains.has(thread) || ofPage.has(thread)) continue;
    const data = event.args?.data;
    const url = data?.url ?? data?.frames?.[0]?.url ?? data?.documentURL;
    if (typeof url === 'string' && url.startsWith(origin)) ofPage.add(thread);
  }
  return ofPage.size > 0 ? ofPage : mains;
}

/** Top-level tasks (`RunTask`) of those threads, longest first, in ms from the trace's start. */
function mainThreadTasks(events, threads) {
  const tasks = [];
  let start = Number.POSITIVE_INFINITY;
  for (const event of events) {
    if (typeof event.ts === 'number' && event.ts > 0) start = Math.min(start, event.ts);
  }
  for (const event of events) {
    if (event.ph !== 'X' || event.name !== 'RunTask') continue;
    if (!threads.has(`${event.pid}:${event.tid}`)) continue;
    tasks.push({ startMs: (event.ts - start) / 1000, durationMs: (event.dur ?? 0) / 1000 });
  }
  return tasks.sort((a, b) => b.durationMs - a.durationMs);
}

/**
 * Ready when the People table shows at least `people` people: its aria-rowcount (all rows and the
 * header, when virtualised) or its rows. Polled by a tiny function in the page every 100 ms, not
 * by Playwright locators, whose queries (accessible names, text) would add main-thread tasks of
 * their own to what is measured.
 */
export function peopleShown(people) {
  return async (page, timeoutMs) => {
    await page.waitForFunction(
      (wanted) => {
        const table = document.querySelector('table[aria-label="People"]');
        if (table === null) return false;
        const count = Number(table.getAttribute('aria-rowcount'));
        const shown = count > 0 ? count - 1 : (table.tBodies[0]?.rows.length ?? 0);
        return shown >= wanted;
      },
      people,
      { timeout: timeoutMs, polling: 100 },
    );
    return page.getByRole('table', { name: 'People', exact: true });
  };
}

async function launchOwn(browser, chromiumPath) {
  if (browser !== undefined) return null;
  return chromium.launch({
    headless: true,
    ...(chromiumPath === undefined ? {} : { executablePath: chromiumPath }),
    args: [...CHROMIUM_ARGS],
  });
}

/**
 * Trace the page's main thread while `work()` runs, with the Long Tasks API's entries beside:
 * `{ longestTaskMs, tasksOver50, longTaskApiMaxMs, top, workMs }` for the tasks in that time.
 */
async function traced(browser, page, origin, work) {
  const problems = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const since = await page.evaluate(() => performance.now()).catch(() => 0);
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const started = Date.now();
  let trace;
  try {
    await work();
  } finally {
    trace = await browser.stopTracing();
  }
  const workMs = Date.now() - started;
  if (problems.length > 0) throw new Error(problems.join('; '));
  const api = await page.evaluate(
    (from) => window.__longTasks.filter((task) => task.startTime >= from),
    since,
  );
  const { traceEvents } = JSON.parse(trace.toString('utf8'));
  const tasks = mainThreadTasks(traceEvents, pageMainThreads(traceEvents, origin));
  return {
    longestTaskMs: tasks[0]?.durationMs ?? 0,
    tasksOver50: tasks.filter((task) => task.durationMs >= 50).length,
    longTasks: api,
    longTaskApiMaxMs: Math.max(0, ...api.map((task) => task.duration)),
    top: tasks.slice(0, 5),
    workMs,
  };
}

/**
 * Load `url` in a fresh context and report its main thread's longest task until `ready(page,
 * timeoutMs)` resolves, and `settleMs` after. Give `browser` (a Playwright Chromium) to reuse one, or `chromiumPath`
 * to launch one. `prepare(context)` runs before the page opens (to seed localStorage, say).
 * Returns `{ longestTaskMs, longTasks, tasksOver50, longTaskApiMaxMs, loadMs, firstPaintMs, top }`:
 * the longest task (trace), how many tasks of 50 ms and more there were, the Long Tasks API's
 * own longest (0 when it reported none), the time from navigation to ready (Node's clock), the
 * first contentful paint (the page's clock) and the five longest tasks.
 */
export async function measureLongestTask({
  url,
  ready,
  browser,
  chromiumPath,
  timeoutMs = 120_000,
  prepare,
  settleMs = SETTLE_MS,
}) {
  const own = await launchOwn(browser, chromiumPath);
  const using = browser ?? own;
  const context = await using.newContext();
  try {
    if (prepare !== undefined) await prepare(context);
    await context.addInitScript(installLongTaskObserver);
    const page = await context.newPage();
    const result = await traced(using, page, new URL(url).origin, async () => {
      await page.goto(url);
      await ready(page, timeoutMs);
      await page.waitForTimeout(settleMs);
    });
    const firstPaintMs = await page.evaluate(
      () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
    );
    const { workMs, ...rest } = result;
    return { ...rest, loadMs: workMs, firstPaintMs };
  } finally {
    await context.close();
    if (own !== null) await own.close();
  }
}

/**
 * Open `url` (the default scenario), open _Share_, and report the main thread's longest task from
 * choosing `filePath` in _Import JSON…_ until `settleMs` after the dialog says `Imported …`: the file is read and
 * checked in the worker, the page builds the tenant and its verdicts in slices, then renders it.
 * Returns what `measureLongestTask` does, with `importMs` for `loadMs`.
 */
export async function measureImportLongestTask({
  url,
  filePath,
  browser,
  chromiumPath,
  timeoutMs = 180_000,
  settleMs = SETTLE_MS,
}) {
  const own = await launchOwn(browser, chromiumPath);
  const using = browser ?? own;
  const context = await using.newContext();
  try {
    await context.addInitScript(installLongTaskObserver);
    const page = await context.newPage();
    await page.goto(url);
    await page.getByRole('table', { name: 'People', exact: true }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Share', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Share and import', exact: true });
    const input = dialog.getByLabel('Import JSON…', { exact: true });
    await input.waitFor({ state: 'attached' });
    // Settled: the dialog's chunk and the idle prefetches are in before the clock starts.
    await page.waitForTimeout(2_000);
    const result = await traced(using, page, new URL(url).origin, async () => {
      await input.setInputFiles(filePath);
      // Polled by a tiny page function, not by locators (whose queries add tasks of their own).
      await page.waitForFunction(
        () =>
          [...document.querySelectorAll('dialog [role="status"]')].some((status) =>
            /^(Imported|Did not import|Cancelled)/.test(status.textContent ?? ''),
          ) || document.querySelector('dialog [role="alert"]') !== null,
        undefined,
        { timeout: timeoutMs, polling: 100 },
      );
      await page.waitForTimeout(settleMs);
    });
    const outcome = await dialog.getByRole('status').textContent();
    if (!/^Imported/.test(outcome ?? '')) {
      const alert = await dialog
        .getByRole('alert')
        .textContent()
        .catch(() => '');
      throw new Error(`the import did not open: ${outcome || alert}`);
    }
    const { workMs, ...rest } = result;
    return { ...rest, importMs: workMs };
  } finally {
    await context.close();
    if (own !== null) await own.close();
  }
}

// As a script: the figure for one URL (a running server's), three runs.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [url, people = '10000', runs = '3'] = process.argv.slice(2);
  if (url === undefined) {
    console.error('usage: node scripts/bench/long-tasks.mjs <url> [people] [runs]');
    process.exit(2);
  }
  const found = findChromium();
  const browser = await chromium.launch({
    headless: true,
    ...(found?.path === undefined ? {} : { executablePath: found.path }),
    args: [...CHROMIUM_ARGS],
  });
  try {
    for (let i = 0; i < Number(runs); i++) {
      const result = await measureLongestTask({ url, ready: peopleShown(Number(people)), browser });
      console.log(
        JSON.stringify({
          longestTaskMs: Math.round(result.longestTaskMs),
          tasksOver50: result.tasksOver50,
          longTaskApiMaxMs: Math.round(result.longTaskApiMaxMs),
          loadMs: result.loadMs,
          firstPaintMs: Math.round(result.firstPaintMs),
          top: result.top.map((task) => Math.round(task.durationMs)),
        }),
      );
    }
  } finally {
    await browser.close();
  }
}
