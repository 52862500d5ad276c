// Figure 1: the JS a page loads before any dynamic import (its entry chunk and, recursively, the
// chunks that chunk imports statically), gzip-compressed, read from the Vite manifest. Also the
// builds of the app and of the reference pages the browser figures compare against.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

/** The app, with the project's own vite.config.ts, into `outDir` (dist/ is left alone). */
export async function buildApp(root, outDir) {
  await build({
    root,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

/** Figure 1's reference page: the runtime libraries alone (also Lighthouse's, figure 7). */
export const REFERENCE = 'scripts/bench/reference';
/** Figure 5's reference page: React alone toggling one row of a five-row table. */
export const REFERENCE_CLICK = 'scripts/bench/reference-click';

/** A reference page (a folder of `root` with index.html and main.tsx), built with the same Vite. */
export async function buildReference(root, outDir, folder = REFERENCE) {
  await build({
    root: join(root, folder),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, manifest: true },
  });
}

/** Initial JS of a build: files and their total gzip size (zlib level 9, as Vite reports it). */
export function initialJs(outDir) {
  const manifest = JSON.parse(readFileSync(join(outDir, '.vite/manifest.json'), 'utf8'));
  const entries = Object.keys(manifest).filter((id) => manifest[id].isEntry);
  if (entries.length !== 1)
    throw new Error(`expected one entry in the manifest, found ${entries.length}`);
  const files = new Set();
  const visit = (id) => {
    const chunk = manifest[id];
    if (chunk === undefined) throw new Error(`manifest has no chunk ${id}`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(entries[0]);
  const scripts = [...files].filter((file) => file.endsWith('.js'));
  // Cross-check with what index.html loads: its module script and modulepreload links.
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const loaded = [
    ...html.matchAll(
      /<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/?([^"]+\.js)"/g,
    ),
  ].map((match) => match[1]);
  const mismatch = loaded.filter((file) => !files.has(file));
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of scripts) {
    const content = readFileSync(join(outDir, file));
    rawBytes += content.length;
    gzipBytes += gzipSync(content, { level: 9 }).length;
  }
  return { files: scripts, gzipBytes, rawBytes, notInManifestWalk: mismatch };
}
