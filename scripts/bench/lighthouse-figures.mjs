// Figure 7: Lighthouse 12.2.3 (pinned: 13.x needs Node 22), desktop preset, through its own CLI
// so that it launches and closes its Chrome itself.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

export async function runLighthouse({ url, chromePath, outFile, timeoutMs = 120_000 }) {
  const cli = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');
  const args = [
    cli,
    url,
    '--preset=desktop',
    `--only-categories=${CATEGORIES.join(',')}`,
    '--output=json',
    `--output-path=${outFile}`,
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
    '--quiet',
  ];
  await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, CHROME_PATH: chromePath },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else
        reject(
          new Error(
            `lighthouse exited ${code}: ${stderr.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
    });
  });
  const report = JSON.parse(readFileSync(outFile, 'utf8'));
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  const scores = {};
  for (const id of CATEGORIES) {
    const category = report.categories[id];
    if (category === undefined || category.score === null) {
      throw new Error(`lighthouse reported no ${id} score`);
    }
    // What cost points: weighted audits that did not score full marks.
    const failing = category.auditRefs
      .filter((ref) => ref.weight > 0)
      .map((ref) => report.audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => audit.title);
    scores[id] = { score: Math.round(category.score * 100), failing };
  }
  return { scores, version: report.lighthouseVersion, report: join(outFile) };
}
