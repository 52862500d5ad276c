// Figures 2-4: bundles core-bench.ts with the project's Vite (an SSR build: Node, ESM, nothing
// of the browser) and runs it with --expose-gc in a child process.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

const LARGE_SCENARIO = 'src/core/scenarios/large.ts';

export async function runNodeFigures({ root, workDir, timeoutMs }) {
  if (!existsSync(join(root, LARGE_SCENARIO))) {
    throw new Error(`${LARGE_SCENARIO} is missing: no 10,000-person tenant to measure`);
  }
  const outDir = join(workDir, 'core-bench');
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: join(root, 'scripts/bench/core-bench.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { entryFileNames: 'core-bench.mjs' } },
    },
  });
  const output = await runNode(join(outDir, 'core-bench.mjs'), timeoutMs);
  const line = output.trim().split('\n').at(-1) ?? '';
  return JSON.parse(line);
}

function runNode(file, timeoutMs) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', file], {
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
          new Error(
            `core bench failed (${why}): ${stderr.trim().split('\n').slice(-5).join(' | ')}`,
          ),
        );
      }
    });
  });
}
