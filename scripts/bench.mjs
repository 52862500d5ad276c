// `npm run bench`: the figures of issue 3 ("Scale and speed"), each with the figure it is compared
// against in the same run, the ratio, the target and PASS/FAIL.
//
// 1. initial JS (gzip) vs a reference build of the runtime libraries alone   (bundle-size.mjs)
// 2-4. evaluate every key, one status change, replay 100,000 events, in Node (core-bench.ts)
// 5-6. click -> paint latency and JS heap in headless Chromium                (browser-figures.mjs)
// 7. Lighthouse on the built app, with the reference page's scores beside it (lighthouse-figures.mjs)
//
// A missed target is a result, not an error: the exit code is non-zero only when something
// could not be measured. Nothing in `npm test` runs this and no test asserts a time.
// The table goes to stdout and to test-results/bench.md; raw figures to test-results/bench/.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { runBrowserFigures } from './bench/browser-figures.mjs';
import { buildApp, buildReference, initialJs } from './bench/bundle-size.mjs';
import { runLighthouse } from './bench/lighthouse-figures.mjs';
import { runNodeFigures } from './bench/node-figures.mjs';
import { count, kB, MB, markdownTable, ms, ratio, verdict } from './bench/report.mjs';
import { findChromium, NO_CHROMIUM } from './chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS = join(ROOT, 'test-results');
const RAW = join(RESULTS, 'bench');

const SMALL = { label: '10', people: 10, path: '/?scenario=large&people=10&keysPerPerson=4' };
const LARGE = {
  label: '10,000',
  people: 10_000,
  path: '/?scenario=large&people=10000&keysPerPerson=4',
};
const CLICKS = 40;

const started = Date.now();
// Other work on a 2-core machine moves every figure: say how busy it was.
const loadAtStart = loadavg()
  .map((load) => load.toFixed(2))
  .join(', ');
const rows = [];
const notes = [];
const unmeasured = [];
const raw = {};

function log(message) {
  process.stderr.write(`bench: ${message}\n`);
}

/** Runs one part; if it throws, its figures are reported as not measured and the run goes on. */
async function part(name, figures, run) {
  const partStarted = Date.now();
  log(`${name}...`);
  try {
    const result = await run();
    log(`${name} done in ${((Date.now() - partStarted) / 1000).toFixed(1)} s`);
    return result;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    log(`${name} FAILED: ${reason}`);
    unmeasured.push(`${name}: ${reason}`);
    for (const figure of figures) {
      rows.push({ Figure: figure, Measured: 'not measured', Result: 'ERROR' });
    }
    return undefined;
  }
}

function portIsFree(port) {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolvePort(true)));
  });
}

async function freePort(from) {
  for (let port = from; port < from + 100; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port from ${from} to ${from + 99}`);
}

/** `vite preview` of a build, on a free port; closed by the caller. */
async function serve(root, outDir, configFile) {
  const port = await freePort(4180);
  const server = await preview({
    root,
    ...(configFile === false ? { configFile: false } : {}),
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1', open: false },
  });
  return { server, url: `http://127.0.0.1:${port}/` };
}

function machine(chromiumPath) {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU';
  const cores = (cpuinfo.match(/^processor\s*:/gm) ?? []).length;
  let browser = 'no Chromium found';
  if (chromiumPath !== undefined) {
    try {
      browser = execFileSync(chromiumPath, ['--version'], { encoding: 'utf8' }).trim();
    } catch {
      browser = `Chromium at ${chromiumPath} (version unknown)`;
    }
  }
  return `${cpu}, ${cores} cores (load average ${loadAtStart} at the start) · Node ${process.version} · ${browser}`;
}

// --- 1. Initial JS -----------------------------------------------------------------------------

const workDir = mkdtempSync(join(tmpdir(), 'klc-bench-'));
const appDir = join(workDir, 'app');
const referenceDir = join(workDir, 'reference');
mkdirSync(RAW, { recursive: true });

const built = await part(
  '1. build the app and the reference',
  ['1. Initial JS, gzip'],
  async () => {
    await buildApp(ROOT, appDir);
    await buildReference(ROOT, referenceDir);
    const app = initialJs(appDir);
    const reference = initialJs(referenceDir);
    raw.initialJs = { app, reference };
    const r = app.gzipBytes / reference.gzipBytes;
    rows.push({
      Figure: '1. Initial JS, gzip (entry + static imports)',
      Measured: `${kB(app.gzipBytes)} (${app.files.length} file${app.files.length === 1 ? '' : 's'})`,
      'Compared with': `reference build: ${kB(reference.gzipBytes)}`,
      Ratio: ratio(r),
      Target: '≤ 1.15×',
      Result: verdict(r <= 1.15),
    });
    if (app.notInManifestWalk.length > 0) {
      notes.push(
        `index.html loads JS the manifest walk did not count: ${app.notInManifestWalk.join(', ')}.`,
      );
    }
    return true;
  },
);

// --- 2-4. The core, in Node --------------------------------------------------------------------

await part(
  '2-4. core figures in Node',
  ['2. Evaluate every key', '3. One status change', '4. Replay 100,000 events'],
  async () => {
    const core = await runNodeFigures({ root: ROOT, workDir, timeoutMs: 240_000 });
    raw.core = core;
    const { evaluate, apply, replay } = core;
    const evaluateRatio = evaluate.coreMs / evaluate.bareMs;
    rows.push({
      Figure: `2. Evaluate all ${count(evaluate.keys)} keys (evaluateAll)`,
      Measured: ms(evaluate.coreMs),
      'Compared with': `bare loop, Map of creator status: ${ms(evaluate.bareMs)}`,
      Ratio: ratio(evaluateRatio),
      Target: '≤ 3×',
      Result: verdict(evaluateRatio <= 3),
    });
    if (evaluate.disagreements > 0) {
      notes.push(
        `Figure 2: the bare loop and evaluateAll disagree on ${evaluate.disagreements} keys.`,
      );
    }
    const applyRatio = apply.largeMs / apply.smallMs;
    rows.push({
      Figure: `3. One status change at ${count(apply.largeAccounts)} accounts`,
      Measured: ms(apply.largeMs),
      'Compared with': `at ${count(apply.smallAccounts)} accounts: ${ms(apply.smallMs)}`,
      Ratio: ratio(applyRatio),
      Target: '≤ 2×',
      Result: verdict(applyRatio <= 2),
    });
    rows.push({
      Figure: `4. Replay ${count(replay.events)} events`,
      Measured: ms(replay.coreMs),
      'Compared with': `bare loop over the events: ${ms(replay.bareMs)}`,
      Ratio: ratio(replay.coreMs / replay.bareMs),
      Target: '≤ 0.2 s',
      Result: verdict(replay.coreMs <= 200),
    });
    if (replay.refused > 0) {
      notes.push(
        `Figure 4: ${replay.refused} of the ${count(replay.events)} events were refused (first: ${replay.firstRefusal}).`,
      );
    }
    notes.push(
      `Figures 2-4: the large scenario (${count(core.scenarioEvents)} events) generated in ${ms(core.generateMs)}; ` +
        `medians of ${evaluate.runs} interleaved runs (2), ${count(apply.togglesPerSize)} toggles per size over ` +
        `${apply.distinctAccounts.large} and ${apply.distinctAccounts.small} accounts (3), ${replay.runs} replays (4); ` +
        `the 100,000-event log is the scenario's events plus deactivate/reactivate pairs.`,
    );
  },
);

// --- 5-7. In Chromium --------------------------------------------------------------------------

const found = findChromium();
// The bench needs a binary path (Lighthouse takes one), Playwright's own browser included.
const chromiumPath = found === null ? undefined : (found.path ?? chromium.executablePath());
const servers = [];
try {
  const app = built ? await serve(ROOT, appDir) : undefined;
  if (app !== undefined) servers.push(app.server);

  await part(
    '5-6. click -> paint latency and heap in Chromium',
    ['5. Click → paint p95 (Event Timing)', '6. JS heap after load'],
    async () => {
      if (app === undefined) throw new Error('the app was not built');
      if (chromiumPath === undefined) throw new Error(NO_CHROMIUM);
      const { results } = await runBrowserFigures({
        baseUrl: app.url,
        chromiumPath,
        sizes: [SMALL, LARGE],
        clicks: CLICKS,
      });
      raw.browser = results;
      const small = results[SMALL.label];
      const large = results[LARGE.label];
      const p95Ratio = large.eventTiming.p95 / small.eventTiming.p95;
      const lt16 = (value, unreported) => (unreported > 0 && value === 16 ? '≤ 16 ms' : ms(value));
      rows.push({
        Figure: `5. Click → paint p95, ${LARGE.label} people (Event Timing)`,
        Measured: lt16(large.eventTiming.p95, large.eventTiming.unreported),
        'Compared with': `${SMALL.label} people: ${lt16(small.eventTiming.p95, small.eventTiming.unreported)}`,
        Ratio: ratio(p95Ratio),
        Target: '≤ 1.5× and < 50 ms',
        Result: verdict(p95Ratio <= 1.5 && large.eventTiming.p95 < 50),
      });
      rows.push({
        Figure: `5. Click → paint p50, ${LARGE.label} people (Event Timing)`,
        Measured: lt16(large.eventTiming.p50, large.eventTiming.unreported),
        'Compared with': `${SMALL.label} people: ${lt16(small.eventTiming.p50, small.eventTiming.unreported)}`,
        Ratio: ratio(large.eventTiming.p50 / small.eventTiming.p50),
        Target: '—',
        Result: 'info',
      });
      for (const p of ['p95', 'p50']) {
        rows.push({
          Figure: `5. Click → next frame ${p}, ${LARGE.label} people (rAF + MessageChannel)`,
          Measured: ms(large.companion[p]),
          'Compared with': `${SMALL.label} people: ${ms(small.companion[p])}`,
          Ratio: ratio(large.companion[p] / small.companion[p]),
          Target: '—',
          Result: 'info',
        });
      }
      rows.push({
        Figure: `6. JS heap after load, ${LARGE.label} people`,
        Measured: MB(large.heapBytes),
        'Compared with': `${SMALL.label} people: ${MB(small.heapBytes)}`,
        Ratio: ratio(large.heapBytes / small.heapBytes),
        Target: '≤ 100 MB',
        Result: verdict(large.heapBytes <= 100e6),
      });
      for (const [label, result] of [
        [SMALL.label, small],
        [LARGE.label, large],
      ]) {
        if (result.eventTiming.unreported > 0) {
          notes.push(
            `Figure 5 at ${label} people: ${result.eventTiming.unreported} of ${result.clicks} clicks had no Event Timing entry (under 16 ms) and count as 16 ms.`,
          );
        }
        const { script, style, layout } = result.work;
        notes.push(
          `Figure 5 at ${label} people, main-thread work per click (CDP Performance metrics; script includes Playwright's own checks): ` +
            `script ${ms(script)}, style ${ms(style)}, layout ${ms(layout)}` +
            (result.eventTiming.handlersP50 === null
              ? '.'
              : `; event handlers p50 ${ms(result.eventTiming.handlersP50)} (Event Timing).`),
        );
        for (const problem of new Set(result.problems)) {
          notes.push(`Page at ${label} people: ${problem}`);
        }
      }
      notes.push(
        `Figure 5: ${small.clicks} real clicks per size after 2 warm-up clicks, alternating Deactivate and Reactivate on ${large.person} (${LARGE.label}) and ${small.person} (${SMALL.label}); ` +
          `pages ready ${ms(small.readyMs)} and ${ms(large.readyMs)} after navigation. Heap: JSHeapUsedSize after two forced GCs.`,
      );
    },
  );

  await part(
    '7. Lighthouse',
    ['7. Lighthouse performance', '7. Lighthouse accessibility', '7. Lighthouse best practices'],
    async () => {
      if (app === undefined) throw new Error('the app was not built');
      if (chromiumPath === undefined) throw new Error(NO_CHROMIUM);
      const reference = await serve(join(ROOT, 'scripts/bench/reference'), referenceDir, false);
      servers.push(reference.server);
      // One retry when a run fails to produce a report (e.g. NO_FCP on a busy machine); a low
      // score is a result and is never retried.
      const lighthouse = async (url, outFile) => {
        try {
          return await runLighthouse({ url, chromePath: chromiumPath, outFile });
        } catch (error) {
          notes.push(`Lighthouse failed once on ${url} and was run again: ${error.message}`);
          return runLighthouse({ url, chromePath: chromiumPath, outFile });
        }
      };
      const ours = await lighthouse(app.url, join(RAW, 'lighthouse-app.json'));
      const theirs = await lighthouse(reference.url, join(RAW, 'lighthouse-reference.json'));
      raw.lighthouse = { app: ours.scores, reference: theirs.scores };
      const targets = { performance: 95, accessibility: 100, 'best-practices': 100 };
      const names = {
        performance: 'performance',
        accessibility: 'accessibility',
        'best-practices': 'best practices',
      };
      for (const [id, target] of Object.entries(targets)) {
        const score = ours.scores[id].score;
        rows.push({
          Figure: `7. Lighthouse ${names[id]} (desktop)`,
          Measured: String(score),
          'Compared with': `reference page: ${theirs.scores[id].score}`,
          Ratio: ratio(score / theirs.scores[id].score),
          Target: target === 100 ? '100' : `≥ ${target}`,
          Result: verdict(score >= target),
        });
        if (score < target) {
          notes.push(
            `Lighthouse ${names[id]} ${score}: ${ours.scores[id].failing.join('; ') || 'no single audit below full marks'}.`,
          );
        }
      }
      notes.push(
        `Figure 7: Lighthouse ${ours.version}, one run each, on the default page (jane-tino); reports in test-results/bench/.`,
      );
    },
  );
} finally {
  await Promise.all(servers.map((server) => server.close()));
  rmSync(workDir, { recursive: true, force: true });
}

// --- The table ---------------------------------------------------------------------------------

const seconds = ((Date.now() - started) / 1000).toFixed(0);
const lines = [
  markdownTable(rows),
  '',
  `Machine: ${machine(chromiumPath)}. Bench run: ${seconds} s, ${new Date().toISOString().slice(0, 10)}.`,
  ...(notes.length > 0 ? ['', ...notes.map((note) => `- ${note}`)] : []),
  ...(unmeasured.length > 0
    ? ['', 'Could not measure:', ...unmeasured.map((problem) => `- ${problem}`)]
    : []),
];
const text = `${lines.join('\n')}\n`;
process.stdout.write(`\n${text}`);
mkdirSync(RESULTS, { recursive: true });
writeFileSync(join(RESULTS, 'bench.md'), text);
writeFileSync(join(RAW, 'raw.json'), `${JSON.stringify(raw, null, 2)}\n`);
process.exitCode = unmeasured.length > 0 ? 1 : 0;
