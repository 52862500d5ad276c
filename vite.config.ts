/// <reference types="vitest/config" />
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Vite wraps every dynamic import in a preload helper that fetches the chunk's CSS and its
 * imports ahead (vitejs/vite#18551: even with `modulePreload: false`). This app's CSS is one file
 * in the page and its lazy chunks are fetched while idle (app/view-outlet.tsx), so each wrapper
 * is handed no dependencies and the helper (about 700 gzip bytes of the initial JS) does
 * nothing: it is replaced by a plain call.
 */
function plainDynamicImports(): Plugin {
  const helper = '\0vite/preload-helper.js';
  return {
    name: 'klc:plain-dynamic-imports',
    enforce: 'pre',
    apply: 'build',
    resolveId: (id) => (id === helper ? helper : null),
    load: (id) => (id === helper ? 'export const __vitePreload = (load) => load();' : null),
  };
}

/**
 * A module lives in one chunk. @tanstack/table-core's utils.js serves both its core (People's
 * table, in the first paint) and its optional features (sorting and filtering, used only by the
 * lazy Keys, Credentials and Stories tables), so the helpers only those features call (state
 * slices compared and set, state cloned, first runs skipped) rode in the initial JS. The features
 * get their own copy of the file instead: its functions are pure, with no state of their own, so
 * two copies behave as one (the build stops if a new version gives the file state). 491 gzip
 * bytes less of the initial JS; the copy adds about 960 to the features' chunk, fetched while idle.
 * core/featureStubs.js is the same case (the stubs only those features call, such as the global
 * filter’s and the page reset’s): 35 gzip bytes less.
 */
function tableFeaturesOwnUtils(): Plugin {
  /** What the features import, by the specifier they import it with. */
  const shared = new Map([
    ['../../utils.js', '\0klc:table-core-utils-for-features.js'],
    ['../../core/featureStubs.js', '\0klc:table-core-feature-stubs-for-features.js'],
  ]);
  const paths = new Map<string, string>();
  return {
    name: 'klc:table-features-own-utils',
    enforce: 'pre',
    apply: 'build',
    async resolveId(id, importer) {
      const copy = shared.get(id);
      if (copy === undefined || !importer?.includes('/@tanstack/table-core/dist/features/')) {
        return null;
      }
      if (!paths.has(copy)) {
        const resolved = (await this.resolve(id, importer, { skipSelf: true }))?.id;
        if (resolved !== undefined) paths.set(copy, resolved);
      }
      return copy;
    },
    load(id) {
      const path = paths.get(id);
      if (path === undefined) return null;
      const code = readFileSync(path, 'utf8');
      if (/^(?:let|var)\s/m.test(code)) {
        throw new Error(`${path} now holds module state: it can no longer be copied`);
      }
      return code;
    },
  };
}

/**
 * React's JSX runtime is CommonJS, so a bundle reaches its functions through the module object:
 * every element was built by `(0,x.jsx)(…)`, 210 times in the initial JS alone. Behind this ESM
 * facade, which reads the same three functions once, each element is a plain call of a local name
 * (64 gzip bytes less of the initial JS; every lazy chunk gains the same way).
 */
function jsxRuntimeFacade(): Plugin {
  const facade = '\0klc:jsx-runtime';
  return {
    name: 'klc:jsx-runtime-facade',
    enforce: 'pre',
    apply: 'build',
    resolveId: (id, importer) =>
      id === 'react/jsx-runtime' && importer !== facade ? facade : null,
    load: (id) =>
      id === facade
        ? [
            "import runtime from 'react/jsx-runtime';",
            'export const jsx = runtime.jsx;',
            'export const jsxs = runtime.jsxs;',
            'export const Fragment = runtime.Fragment;',
          ].join('\n')
        : null,
  };
}

/**
 * The built page's Content-Security-Policy, as a `<meta http-equiv>` first in `<head>`: scripts
 * only from this origin plus the inline theme script, allowed by the hash of its text as built (so
 * it cannot drift from it); styles only from this origin (the stylesheet Tailwind builds; React
 * sets style properties through the CSSOM, which the policy does not cover, and the tour's
 * outline is an adopted sheet); requests, workers (the core worker, the simulated API's service
 * worker) and the rest from this origin alone. No 'unsafe-inline', no 'unsafe-eval'. The dev
 * server is left without it: Vite's client and React refresh are inline scripts there.
 * `frame-ancestors` and the other headers cannot be set from a meta tag: README, "Hosting".
 */
export function cspPolicy(inlineScripts: readonly string[]): string {
  const hashes = inlineScripts.map(
    (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`,
  );
  return [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`.trim(),
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function contentSecurityPolicy(): Plugin {
  return {
    name: 'klc:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        // Classic inline scripts (no src): the theme script. Module scripts are files by now.
        const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
          (match) => match[1] ?? '',
        );
        const meta = `<meta http-equiv="Content-Security-Policy" content="${cspPolicy(inline)}" />`;
        // Right after the charset, before anything the policy governs.
        return html.replace(/(<meta charset="UTF-8" \/>)/, `$1\n    ${meta}`);
      },
    },
  };
}

/**
 * Where the site is served: `/` by default, or a sub-path given as `BASE_PATH=/klc/` to the build
 * (and to `vite preview`). It must start and end with a slash.
 */
function basePath(): string {
  const base = process.env['BASE_PATH'] ?? '/';
  if (!/^\/([\w.~-]+\/)*$/.test(base)) {
    throw new Error(
      `BASE_PATH must be a path that starts and ends with "/", such as /klc/; got ${base}`,
    );
  }
  return base;
}

export default defineConfig({
  base: basePath(),
  plugins: [
    react(),
    tailwindcss(),
    plainDynamicImports(),
    tableFeaturesOwnUtils(),
    jsxRuntimeFacade(),
    contentSecurityPolicy(),
  ],
  resolve: {
    alias: [
      {
        // @tanstack/react-store (under react-table) imports the shim's with-selector, whose shim
        // hands back React's own useSyncExternalStore whenever React has one (18 and later): the
        // build without the shim is that same code minus the fallback, 230 gzip bytes less of the
        // initial JS.
        find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/,
        replacement: 'use-sync-external-store/with-selector.js',
      },
    ],
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    sourcemap: false,
    // No preload helper in the entry: the other chunks are fetched while idle after the first
    // paint (app/view-outlet.tsx), so a lazy chunk's own imports are in the cache when it runs.
    modulePreload: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // Everything the first paint needs, in one chunk beside the entry. Without this group,
          // modules the entry imports and the lazy views share are cut into small common chunks
          // the entry preloads (rolldown issue #10731), and the initial JS grows.
          groups: [{ name: 'shell', tags: ['$initial'] }],
        },
      },
    },
  },
  test: {
    environment: 'jsdom',
    // Only unit tests: without this Vitest would also pick up the Playwright specs in e2e/.
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    // Property tests run hundreds of cases: on a loaded 2-core machine 5 s is not always enough.
    testTimeout: 15_000,
    // Vitest keeps a core free by default, which on the 2-core CI machine means one worker: the
    // unit suite took 275 s that way, 193 s with two, and 177 s with two threads, not forks.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    pool: 'threads',
  },
});
