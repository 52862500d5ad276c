/// <reference types="vitest/config" />
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react(), tailwindcss()],
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
  },
});
