// Figures 5, 5b and 6, in headless Chromium through Playwright, on production builds:
// click -> next frame when toggling one person's status, on the app and on a reference page (React
// alone, five rows) clicked the same way; the time from a click on a view's link to that view's
// heading painted; and the JS heap after loading.
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../chromium.mjs';

/** The links of the app's `Console` navigation, in the order the view switch cycles through. */
export const VIEWS = ['Keys', 'API', 'Timeline', 'Training', 'Lifecycle'];

/**
 * Installed before any page script. Event Timing: one interaction's latency is the longest
 * duration among its entries (pointerdown, pointerup, click share an interactionId); entries
 * under 16 ms are never reported. The companion figure has sub-ms resolution: from the click's
 * timestamp to a message posted from the next animation frame, which arrives once that frame has
 * been produced. The view switch uses the same ending: armed from Node with a view's name, the
 * next click starts a MutationObserver that waits for a level-2 heading with that text to be
 * shown (one that was not shown already), then the next frame and its message end the figure.
 */
function installProbes() {
  const bench = { entries: [], clicks: [], view: null };
  Object.defineProperty(window, '__bench', { value: bench });
  const nextFrame = (done) => {
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
  };
  const shownHeadings = (name) =>
    [...document.querySelectorAll('h2, [role="heading"][aria-level="2"]')].filter(
      (heading) => (heading.textContent ?? '').trim() === name && heading.checkVisibility(),
    );
  bench.armView = (name) => {
    bench.view = {
      name,
      before: shownHeadings(name),
      timeStamp: null,
      shownAt: null,
      latency: null,
    };
  };
  const watchView = (view) => {
    const shown = () => shownHeadings(view.name).some((heading) => !view.before.includes(heading));
    const painted = () => {
      view.shownAt = performance.now();
      nextFrame((now) => {
        view.latency = now - view.timeStamp;
      });
    };
    if (shown()) {
      painted();
      return;
    }
    const observer = new MutationObserver(() => {
      if (!shown()) return;
      observer.disconnect();
      painted();
    });
    observer.observe(document, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['hidden', 'class', 'style', 'inert'],
    });
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      bench.entries.push({
        name: entry.name,
        interactionId: entry.interactionId,
        startTime: entry.startTime,
        duration: entry.duration,
        processingStart: entry.processingStart,
        processingEnd: entry.processingEnd,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted) return;
      const record = { timeStamp: event.timeStamp, latency: null };
      bench.clicks.push(record);
      nextFrame((now) => {
        record.latency = now - record.timeStamp;
      });
      const view = bench.view;
      if (view !== null && view.timeStamp === null) {
        view.timeStamp = event.timeStamp;
        watchView(view);
      }
    },
    { capture: true },
  );
}

/** Nearest-rank percentile. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/**
 * Event Timing latency per click; a click without any entry counts as 16 ms ("< 16 ms"). Also
 * the time spent in event handlers (processingStart to processingEnd) of the reported ones.
 */
export function latencies(clicks, entries) {
  const interactions = new Map();
  for (const entry of entries) {
    if (!(entry.interactionId > 0)) continue;
    const group = interactions.get(entry.interactionId) ?? {
      start: Number.POSITIVE_INFINITY,
      duration: 0,
      handlers: 0,
    };
    group.start = Math.min(group.start, entry.startTime);
    group.duration = Math.max(group.duration, entry.duration);
    group.handlers += entry.processingEnd - entry.processingStart;
    interactions.set(entry.interactionId, group);
  }
  const perClick = clicks.map(() => null);
  const handlers = [];
  for (const group of interactions.values()) {
    // The interaction belongs to the first click at or after its first event (its pointerdown).
    const index = clicks.findIndex((click) => click.timeStamp >= group.start - 0.5);
    if (index === -1) continue;
    perClick[index] = Math.max(perClick[index] ?? 0, group.duration);
    handlers.push(group.handlers);
  }
  return {
    values: perClick.map((value) => value ?? 16),
    unreported: perClick.filter((value) => value === null).length,
    handlers,
  };
}

/** Ready when the app's People table shows `people` people; the page's refusals end the wait. */
async function waitForPeople(page, people, timeoutMs, problems) {
  const table = page.getByRole('table', { name: 'People' });
  const deadline = Date.now() + timeoutMs;
  let shown = 0;
  while (Date.now() < deadline) {
    const crash = problems.find((problem) => problem.startsWith('page error'));
    if (crash !== undefined) throw new Error(`the page failed while loading: ${crash}`);
    if ((await table.count()) === 1) {
      // Virtualised tables carry aria-rowcount (all rows, the header included); plain ones
      // render every row.
      const rowCount = Number((await table.getAttribute('aria-rowcount')) ?? Number.NaN);
      shown = Number.isFinite(rowCount) ? rowCount - 1 : await table.locator('tbody tr').count();
      if (shown >= people) return table;
    }
    // A link the app refuses (unknown scenario, parameter out of range) says so in an alert.
    const alert = page.getByRole('alert');
    if ((await alert.count()) > 0) {
      const message = ((await alert.first().textContent()) ?? '').trim();
      if (/no scenario|must be/i.test(message))
        throw new Error(`the page refused the link: ${message}`);
    }
    await page.waitForTimeout(100);
  }
  throw new Error(
    `the People table did not show ${people} people within ${timeoutMs / 1000} s (showed ${shown})`,
  );
}

/** Ready when the reference page's table shows its five rows. */
async function waitForReference(page, timeoutMs, problems) {
  const table = page.getByRole('table', { name: 'Reference', exact: true });
  try {
    await table.locator('tbody tr').nth(4).waitFor({ timeout: timeoutMs });
  } catch (error) {
    const crash = problems.find((problem) => problem.startsWith('page error'));
    throw new Error(crash ?? `the Reference table did not show five rows: ${error.message}`);
  }
  return table;
}

async function metricsOf(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric.value]));
}

async function heapUsedBytes(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const used = (await metricsOf(cdp))['JSHeapUsedSize'];
  if (used === undefined) throw new Error('Performance.getMetrics reported no JSHeapUsedSize');
  return used;
}

/** Main-thread time per click, in ms, between two Performance.getMetrics snapshots. */
function workPerClick(before, after, clicks) {
  const per = (name) => ((after[name] - before[name]) * 1000) / clicks;
  return {
    script: per('ScriptDuration'),
    style: per('RecalcStyleDuration'),
    layout: per('LayoutDuration'),
  };
}

/**
 * The first row near the top of a table that can be deactivated, found by its row header. The
 * row is then held by a plain CSS selector on its id attribute (`data-account-id` in the app's
 * People table, part of the test contract): a role-and-name locator would re-scan every row of
 * the table on each use, in the page's main thread, and that work would land inside the very
 * frames being measured.
 */
async function pickRow(page, table, idAttribute) {
  const candidate = table
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name: 'Deactivate', exact: true }) })
    .first();
  await candidate.waitFor({ state: 'visible', timeout: 10_000 });
  const name = ((await candidate.getByRole('rowheader').textContent()) ?? '').trim();
  const byName = table
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  // Generated names may repeat: then the candidate row's own id decides.
  const id =
    (await byName.count()) === 1
      ? await byName.getAttribute(idAttribute)
      : await candidate.getAttribute(idAttribute);
  if (id === null) throw new Error(`the row of ${name} has no ${idAttribute}`);
  const row = page.locator(`[${idAttribute}="${id}"]:is(tr, [role="row"])`);
  return { name, id, row };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Real clicks on one row (Deactivate, Reactivate, ...): `warmUp` clicks, then `clicks` measured
 * ones. Returns the Event Timing and companion percentiles and the main-thread work per click.
 */
async function clickLoop(page, cdp, row, { clicks, warmUp }) {
  const already = await page.evaluate(() => window.__bench.clicks.length);
  let metricsBefore = await metricsOf(cdp);
  const total = warmUp + clicks;
  for (let i = 0; i < total; i++) {
    if (i === warmUp) metricsBefore = await metricsOf(cdp);
    const [action, next] =
      i % 2 === 0 ? ['Deactivate', 'Reactivate'] : ['Reactivate', 'Deactivate'];
    await row.getByRole('button', { name: action, exact: true }).click();
    // Leave the page alone while it renders and paints: anything Playwright evaluates in the
    // page now (its polling runs in animation frames by default) would add to the latency.
    await sleep(200);
    await page.waitForFunction(
      (count) =>
        window.__bench.clicks.length >= count && window.__bench.clicks[count - 1].latency !== null,
      already + i + 1,
      { timeout: 30_000, polling: 50 },
    );
    await row.getByRole('button', { name: next, exact: true }).waitFor({ timeout: 30_000 });
  }
  const work = workPerClick(metricsBefore, await metricsOf(cdp), clicks);
  // Event Timing entries are delivered after the frame is presented: give the last one time.
  await page.waitForTimeout(500);
  const { clicks: seen, entries } = await page.evaluate(() => window.__bench);
  const allClicks = seen.slice(already);
  if (allClicks.length !== total) {
    throw new Error(`${total} clicks were made but the page saw ${allClicks.length}`);
  }
  const measured = allClicks.slice(warmUp);
  const eventTiming = latencies(
    measured,
    entries.filter((entry) => entry.startTime > (allClicks[warmUp - 1]?.timeStamp ?? -1)),
  );
  const companion = measured.map((click) => click.latency);
  return {
    clicks: measured.length,
    eventTiming: {
      p50: percentile(eventTiming.values, 0.5),
      p95: percentile(eventTiming.values, 0.95),
      unreported: eventTiming.unreported,
      handlersP50: eventTiming.handlers.length > 0 ? percentile(eventTiming.handlers, 0.5) : null,
    },
    companion: { p50: percentile(companion, 0.5), p95: percentile(companion, 0.95) },
    work,
  };
}

/**
 * Switches views through the `Console` navigation: `rounds` unmeasured rounds over every view
 * (the first loads any lazily loaded chunk not prefetched yet), then `switches` measured ones.
 * Each switch is armed in the page, clicked, and left alone until the probe has seen the view's
 * heading and the next frame; Node then waits on that flag only (polling every 50 ms, not in
 * the page's animation frames) and checks the heading with Playwright's own role locator.
 */
async function measureViewSwitch(page, { rounds = 2, switches = 20, pauseMs = 300 } = {}) {
  const nav = page.getByRole('navigation', { name: 'Console', exact: true });
  try {
    await nav.waitFor({ timeout: 5_000 });
  } catch {
    throw new Error('the page has no navigation landmark named "Console" (no view links)');
  }
  for (const name of VIEWS) {
    const links = await nav.getByRole('link', { name, exact: true }).count();
    if (links !== 1) throw new Error(`the Console navigation has ${links} links named "${name}"`);
  }
  const unmeasured = rounds * VIEWS.length;
  const firstRound = [];
  const measured = [];
  for (let i = 0; i < unmeasured + switches; i++) {
    const name = VIEWS[i % VIEWS.length];
    await page.evaluate((view) => window.__bench.armView(view), name);
    await nav.getByRole('link', { name, exact: true }).click();
    await sleep(pauseMs);
    try {
      await page.waitForFunction(
        () => window.__bench.view === null || window.__bench.view.latency !== null,
        null,
        { timeout: 30_000, polling: 50 },
      );
    } catch {
      throw new Error(`no level-2 heading "${name}" was shown within 30 s of clicking its link`);
    }
    const view = await page.evaluate(() => {
      const { view } = window.__bench;
      return view === null
        ? null
        : { timeStamp: view.timeStamp, shownAt: view.shownAt, latency: view.latency };
    });
    if (view === null) throw new Error(`the "${name}" link loaded a new page`);
    await page
      .getByRole('heading', { level: 2, name, exact: true })
      .first()
      .waitFor({ timeout: 10_000 });
    const record = { view: name, latency: view.latency, shownMs: view.shownAt - view.timeStamp };
    if (i < VIEWS.length) firstRound.push(record);
    if (i >= unmeasured) measured.push(record);
  }
  await page.evaluate(() => {
    window.__bench.view = null;
  });
  const latenciesOf = (records) => records.map((record) => record.latency);
  const byView = {};
  for (const name of VIEWS) {
    const own = latenciesOf(measured.filter((record) => record.view === name));
    byView[name] = { p50: percentile(own, 0.5), p95: percentile(own, 0.95) };
  }
  const all = latenciesOf(measured);
  return {
    switches: measured.length,
    unmeasured,
    p50: percentile(all, 0.5),
    p95: percentile(all, 0.95),
    shownP50: percentile(
      measured.map((record) => record.shownMs),
      0.5,
    ),
    byView,
    firstRound,
    records: measured,
  };
}

/**
 * One page: load, wait until `ready` says so, measure the heap, pick a row with `pick`, toggle
 * its status with real clicks, then run `after` (if any) on the same page. A failure of `after`
 * is kept in its result (`{ error }`) and does not cost the click figures.
 */
async function measurePage(
  browser,
  { url, ready, pick, clicks, warmUp, readyTimeoutMs, after = undefined },
) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const problems = [];
  try {
    await context.addInitScript(installProbes);
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    const loadStart = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    const table = await ready(page, readyTimeoutMs, problems);
    const readyMs = Date.now() - loadStart;
    await page.waitForTimeout(500);
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    await cdp.send('Performance.enable');
    const heapBytes = await heapUsedBytes(cdp);
    const row = await pick(page, table);
    const loop = await clickLoop(page, cdp, row.row, { clicks, warmUp });
    let afterResult;
    if (after !== undefined) {
      try {
        afterResult = await after(page);
      } catch (error) {
        afterResult = { error: error instanceof Error ? error.message : String(error) };
      }
    }
    return {
      person: row.name,
      readyMs,
      heapBytes,
      ...loop,
      ...(after === undefined ? {} : { after: afterResult }),
      problems,
    };
  } finally {
    await context.close();
  }
}

/**
 * The reference page first, then the app at each size; the view switch on the app at the size
 * marked `viewSwitch`. The reference's and the view switch's failures are kept as `{ error }`,
 * so that the app's own figures are reported without them; a failure at an app size throws.
 */
export async function runBrowserFigures({
  appUrl,
  referenceUrl,
  chromiumPath,
  sizes,
  clicks = 40,
  warmUp = 2,
  viewSwitch = {},
}) {
  const browser = await chromium.launch({
    headless: true,
    ...(chromiumPath === undefined ? {} : { executablePath: chromiumPath }),
    args: [...CHROMIUM_ARGS],
  });
  try {
    let reference;
    try {
      reference = await measurePage(browser, {
        url: referenceUrl,
        ready: (page, timeoutMs, problems) => waitForReference(page, timeoutMs, problems),
        pick: (page, table) => pickRow(page, table, 'data-row-id'),
        clicks,
        warmUp,
        readyTimeoutMs: 30_000,
      });
    } catch (error) {
      reference = { error: error instanceof Error ? error.message : String(error) };
    }
    const results = {};
    let switched = { error: 'no size was marked for the view switch' };
    for (const size of sizes) {
      const result = await measurePage(browser, {
        url: new URL(size.path, appUrl).href,
        ready: (page, timeoutMs, problems) => waitForPeople(page, size.people, timeoutMs, problems),
        pick: (page, table) => pickRow(page, table, 'data-account-id'),
        clicks,
        warmUp,
        readyTimeoutMs: size.readyTimeoutMs ?? 120_000,
        ...(size.viewSwitch === true
          ? { after: (page) => measureViewSwitch(page, viewSwitch) }
          : {}),
      });
      if (result.after !== undefined) {
        switched = result.after;
        delete result.after;
      }
      results[size.label] = result;
    }
    return { reference, results, viewSwitch: switched, chromiumVersion: browser.version() };
  } finally {
    await browser.close();
  }
}
