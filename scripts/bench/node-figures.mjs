// Figures 2-4 (and figure 8b's files): bundles core-bench.ts (import-files.ts) with the project's Vite (an SSR build: Node, ESM, nothing
// of the browser) and runs it with --expose-gc in a child process.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const LARGE_SCENARIO = 'src/core/scenarios/large.ts';

/** Bundle `entry` (a TS file of scripts/bench) for Node and run it; its last stdout line, parsed. */
async function bundleAndRun({ root, workDir, entry, name, args = [], timeoutMs }) {
  const outDir = join(workDir, name);
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    // Dependencies (zod) bundled in: the bundle runs from a temporary folder, outside the project.
    ssr: { noExternal: true },
    build: {
      ssr: join(root, entry),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { entryFileNames: `${name}.mjs` } },
    },
  });
  const output = await runNode(join(outDir, `${name}.mjs`), args, timeoutMs);
  const line = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line);
}

export async function runNodeFigures({ root, workDir, timeoutMs }) {
  if (!existsSync(join(root, LARGE_SCENARIO))) {
    throw new Error(`${LARGE_SCENARIO} is missing: no 10,000-person tenant to measure`);
  }
  return bundleAndRun({
    root,
    workDir,
    entry: 'scripts/bench/core-bench.ts',
    name: 'core-bench',
    timeoutMs,
  });
}

/** Figure 8b's export files, written into `workDir` (see import-files.ts). */
export async function writeImportFiles({ root, workDir, timeoutMs }) {
  return bundleAndRun({
    root,
    workDir,
    entry: 'scripts/bench/import-files.ts',
    name: 'import-files',
    args: [workDir],
    timeoutMs,
  });
}

function runNode(file, args, timeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', file, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(stdout);
      else {
        const why = signal === 'SIGKILL' ? `timed out after ${timeoutMs / 1000} s` : `exit ${code}`;
        reject(
          new Error(`${file} failed (${why}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`),
        );
      }
    });
  });
}
